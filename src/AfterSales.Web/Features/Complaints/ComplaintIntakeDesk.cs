using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.Knowledge;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Complaints;

/// <summary>What the intake made of a complaint: the saved complaint, the open ones it may duplicate, and knowledge articles that may help.</summary>
public sealed record ComplaintReceipt(Complaint Complaint, IReadOnlyList<ComplaintListItem> PossibleDuplicates, IReadOnlyList<KnowledgeSuggestion> Suggestions);

/// <summary>
/// The one door every channel's complaint goes through (staff intake, the survey follow-up, the customer's own page),
/// once the caller has proven who the customer is and that the store may take it: the urgency rules (in
/// <see cref="Complaint.Receive"/>), the repeat check, the assignment rules, the number, and the duplicate and knowledge
/// look-ups for whoever handles it. The SLA clocks follow from the urgency and the channel.
/// </summary>
public sealed class ComplaintIntakeDesk(AfterSalesDb db, TimeProvider clock, FindDuplicates duplicates, Handling.ComplaintAssigner assigner, SuggestKnowledge knowledge)
{
    private static readonly TimeZoneInfo GroupZone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    /// <summary>
    /// Receives the complaint; <paramref name="alongside"/> adds what the channel saves in the same transaction (a survey's
    /// link, the public page's new customer, tracking link and SMS), so all of it commits or none does.
    /// </summary>
    public async Task<ComplaintReceipt> ReceiveAsync(Guid storeId, ComplaintIntake intake, Actor by, Action<Complaint>? alongside, CancellationToken ct)
    {
        var possibleDuplicates = await duplicates.HandleAsync(new FindDuplicatesRequest(intake.CustomerId, intake.AssetId, intake.RepairOrderReference), ct);
        var repeatOf = await FindDuplicates.RepeatOfAsync(db, intake.CustomerId, intake.AssetId, clock.GetUtcNow(), ct);
        var assignment = await assigner.ForAsync(storeId, intake.Category, ct);
        var suggested = await knowledge.HandleAsync(new SuggestKnowledgeRequest(intake.CoreProblem + "\n" + intake.CustomerExpectation, intake.Category), ct);

        // Everything read above happens before the transaction: the first statement inside it takes the
        // counter's write lock, and the number commits (or rolls back) with the complaint.
        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, GroupZone).Year;
        Complaint complaint;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var sequence = await ComplaintNumbers.NextAsync(db, year, ct);
            complaint = Complaint.Receive(Complaint.FormatNumber(year, sequence), storeId, intake, repeatOf, by, now);
            assignment?.ApplyTo(complaint, by, now);
            db.Add(complaint);
            alongside?.Invoke(complaint);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return new ComplaintReceipt(complaint, possibleDuplicates, suggested.IsOk ? suggested.Value! : []);
    }
}
