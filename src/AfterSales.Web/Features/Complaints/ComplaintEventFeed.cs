using System.Globalization;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>
/// Where a call-centre system follows complaints: every status change of the caller's stores, oldest first, from
/// the cursor it last saw. <see cref="After"/> is the <c>next</c> cursor of the previous answer (none: from the start).
/// </summary>
public sealed record ComplaintEventsRequest(string? After = null, int? Limit = null);

/// <summary>One status change, without personal data: the consumer opens the complaint for the rest.</summary>
public sealed record ComplaintEvent(
    string Cursor,
    Guid ComplaintId,
    string ComplaintNumber,
    Guid StoreId,
    DateTimeOffset At,
    ComplaintStatus? From,
    ComplaintStatus To,
    ComplaintTrigger? Trigger,
    string By);

/// <summary><see cref="Next"/> is the cursor to ask with next time; it stays the same while nothing new happens.</summary>
public sealed record ComplaintEventPage(IReadOnlyList<ComplaintEvent> Events, string? Next);

public sealed class ComplaintEventFeed(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public const int MaxLimit = 500;

    /// <summary>
    /// Changes younger than this are held back: a transaction that started earlier may still commit a change with
    /// an earlier time, and a consumer that had already moved past it would never see it.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    public static bool MayFollow(ICurrentUser user) =>
        user.IsInRole(StaffRole.ComplaintSpecialist) || user.IsInRole(StaffRole.ServiceManager)
        || user.IsInRole(StaffRole.CallCentreAgent) || user.IsInRole(StaffRole.Administrator);

    public async Task<Outcome<ComplaintEventPage>> HandleAsync(ComplaintEventsRequest request, CancellationToken ct)
    {
        if (!MayFollow(user))
        {
            return Outcome<ComplaintEventPage>.Forbidden("complaint.events_forbidden");
        }

        var after = (DateTimeOffset.MinValue, Guid.Empty);
        if (request.After is { Length: > 0 } cursor && !TryReadCursor(cursor, out after))
        {
            return Outcome<ComplaintEventPage>.Invalid("complaint.events_cursor_invalid", nameof(request.After));
        }

        var limit = Math.Clamp(request.Limit ?? 100, 1, MaxLimit);
        var (afterAt, afterId) = after;
        var settled = clock.GetUtcNow() - SettleTime;

        // The complaints set carries the store filter, so the feed shows only the caller's stores.
        var events = await db.Set<ComplaintStatusChange>().AsNoTracking()
            .Where(e => e.At <= settled && (e.At > afterAt || (e.At == afterAt && e.Id.CompareTo(afterId) > 0)))
            .Join(db.Set<Complaint>(), e => e.ComplaintId, c => c.Id, (e, c) => new { Event = e, c.Number, c.StoreId })
            .OrderBy(x => x.Event.At).ThenBy(x => x.Event.Id)
            .Take(limit)
            .ToListAsync(ct);
        var items = events
            .Select(x => new ComplaintEvent(
                Cursor(x.Event.At, x.Event.Id), x.Event.ComplaintId, x.Number, x.StoreId, x.Event.At, x.Event.From, x.Event.To, x.Event.Trigger, x.Event.UserName))
            .ToList();
        return new ComplaintEventPage(items, items.Count > 0 ? items[^1].Cursor : request.After is { Length: > 0 } ? request.After : null);
    }

    private static string Cursor(DateTimeOffset at, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}-{id:N}");

    private static bool TryReadCursor(string cursor, out (DateTimeOffset At, Guid Id) position)
    {
        position = default;
        var parts = cursor.Split('-');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        position = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

public static class ComplaintEventEndpoints
{
    public static IServiceCollection AddComplaintEvents(this IServiceCollection services) => services.AddScoped<ComplaintEventFeed>();

    public static void MapComplaintEvents(this RouteGroupBuilder api) =>
        api.MapGet("/complaint-events", async ([AsParameters] ComplaintEventsRequest request, ComplaintEventFeed handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithTags("Complaints")
            .WithName("FollowComplaintEvents")
            .WithSummary("Complaint status changes of your stores, oldest first, from a cursor: poll with the answer's 'next' to follow them.")
            .Produces<ComplaintEventPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
