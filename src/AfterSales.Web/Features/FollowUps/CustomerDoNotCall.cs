using AfterSales.Domain.FollowUps;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.FollowUps;

public sealed record SetDoNotCallRequest(bool DoNotCall);

/// <summary>The customer's wish about calls, and how many open follow-up calls recording it cancelled.</summary>
public sealed record CustomerDoNotCallView(Guid CustomerId, bool DoNotCall, DateTimeOffset? Since, int CancelledCalls);

/// <summary>
/// Records that a customer does (or no longer does) not want to be called, however they said so (at the counter, on the
/// phone, in a message) — not only on a follow-up call. Asking not to be called cancels the customer's open follow-up calls
/// at once, in every store; the generator, the call list, recording a call and the reminders all honour the flag.
/// </summary>
public sealed class SetCustomerDoNotCall(AfterSalesDb db, ICurrentUser user, AccessGuard guard, TimeProvider clock)
{
    public async Task<Outcome<CustomerDoNotCallView>> HandleAsync(Guid customerId, SetDoNotCallRequest request, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null)
        {
            return await guard.NotFoundAsync<Domain.Customers.Customer, CustomerDoNotCallView>(customerId, ct);
        }

        var now = clock.GetUtcNow();
        customer.RecordDoNotCall(request.DoNotCall, now);
        var cancelled = 0;
        if (request.DoNotCall)
        {
            var open = await db.Set<FollowUpTask>().IgnoreQueryFilters().Include(t => t.Attempts)
                .Where(t => t.CustomerId == customerId && t.Status == FollowUpTaskStatus.Open)
                .ToListAsync(ct);
            foreach (var task in open)
            {
                task.Record(FollowUpOutcome.Cancel, user.UserId, user.UserName, null, null, TimeSpan.Zero, t => t, now);
            }

            cancelled = open.Count;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<CustomerDoNotCallView>.Conflict(RecordFollowUpOutcome.ChangedBySomeoneElse);
        }

        return new CustomerDoNotCallView(customer.Id, customer.DoNotCall, customer.DoNotCallSince, cancelled);
    }
}
