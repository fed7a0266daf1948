using AfterSales.Domain.Quality;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Quality;

/// <summary>An issue found but not fixed, written on the order.</summary>
public sealed record UnfixedIssueRequest(string Description, bool SafetyRelated = false);

public sealed record UnfixedIssueView(
    Guid Id, Guid RepairOrderId, Guid AssetId, string Description, bool SafetyRelated, UnfixedIssueSource Source, DateTimeOffset RecordedAt, string RecordedByName, int Version)
{
    public static UnfixedIssueView From(UnfixedIssue i) => new(i.Id, i.RepairOrderId, i.AssetId, i.Description, i.SafetyRelated, i.Source, i.RecordedAt, i.RecordedByName, i.Version);
}

internal sealed class UnfixedIssueValidator : AbstractValidator<UnfixedIssueRequest>
{
    public UnfixedIssueValidator() =>
        RuleFor(x => x.Description).NotEmpty().WithErrorCode("quality.issue_description_required").MaximumLength(UnfixedIssue.DescriptionMaxLength);
}

/// <summary>Found-but-not-fixed issues (发现未修复) of an order: recorded by the technician, QC or the advisor; read at delivery and at the next booking.</summary>
public sealed class UnfixedIssues(AfterSalesDb db, ICurrentUser user, AccessGuard guard, RequestValidation validation, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<UnfixedIssueView>>> ListAsync(Guid orderId, CancellationToken ct)
    {
        if (!await db.Set<RepairOrder>().AnyAsync(o => o.Id == orderId, ct))
        {
            return await guard.NotFoundAsync<RepairOrder, IReadOnlyList<UnfixedIssueView>>(orderId, ct);
        }

        return Outcome<IReadOnlyList<UnfixedIssueView>>.Ok(await ForOrderAsync(db, orderId, ct));
    }

    public async Task<Outcome<UnfixedIssueView>> RecordAsync(Guid orderId, UnfixedIssueRequest request, CancellationToken ct)
    {
        var order = await db.Set<RepairOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, UnfixedIssueView>(orderId, ct);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<UnfixedIssueView>.Invalid(errors);
        }

        var (issue, refusal) = UnfixedIssue.Record(order, request.Description, request.SafetyRelated, SourceOf(user), new RepairOrderActor(user.UserId, user.UserName), clock.GetUtcNow());
        if (refusal is not null)
        {
            return Outcome<UnfixedIssueView>.Conflict(refusal.Code);
        }

        db.Add(issue!);
        await db.SaveChangesAsync(ct);
        return UnfixedIssueView.From(issue!);
    }

    public async Task<Outcome<UnfixedIssueView>> WithdrawAsync(Guid orderId, Guid issueId, int version, CancellationToken ct)
    {
        var status = await db.Set<RepairOrder>().Where(o => o.Id == orderId).Select(o => (RepairOrderStatus?)o.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            return await guard.NotFoundAsync<RepairOrder, UnfixedIssueView>(orderId, ct);
        }

        var issue = await db.Set<UnfixedIssue>().FirstOrDefaultAsync(i => i.Id == issueId && i.RepairOrderId == orderId, ct);
        if (issue is null)
        {
            return Outcome<UnfixedIssueView>.NotFound();
        }

        if (UnfixedIssue.CanWithdraw(status.Value) is { } refusal)
        {
            return Outcome<UnfixedIssueView>.Conflict(refusal.Code);
        }

        if (issue.Version != version)
        {
            return Outcome<UnfixedIssueView>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
        }

        db.Entry(issue).Property(i => i.Version).OriginalValue = version;
        db.Remove(issue);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<UnfixedIssueView>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
        }

        return UnfixedIssueView.From(issue);
    }

    internal static async Task<IReadOnlyList<UnfixedIssueView>> ForOrderAsync(AfterSalesDb db, Guid orderId, CancellationToken ct) =>
        (await db.Set<UnfixedIssue>().AsNoTracking().Where(i => i.RepairOrderId == orderId).OrderBy(i => i.RecordedAt).ToListAsync(ct)).Select(UnfixedIssueView.From).ToList();

    private static UnfixedIssueSource SourceOf(ICurrentUser user) =>
        user.IsInRole(StaffRole.QcInspector) ? UnfixedIssueSource.QualityControl
        : user.IsInRole(StaffRole.Technician) || user.IsInRole(StaffRole.TeamLead) || user.IsInRole(StaffRole.WorkshopManager) ? UnfixedIssueSource.Technician
        : UnfixedIssueSource.ServiceAdvisor;
}

/// <summary>The unfixed issues as the next booking reads them (VisitHistory's "issues found last time").</summary>
public static class UnfixedIssueFeed
{
    /// <summary>Each order's issues as one text, safety issues marked, across stores (an asset keeps its whole history).</summary>
    public static async Task<Dictionary<Guid, string>> ForOrdersAsync(AfterSalesDb db, IReadOnlyCollection<Guid> orderIds, CancellationToken ct)
    {
        if (orderIds.Count == 0)
        {
            return [];
        }

        var issues = await db.Set<UnfixedIssue>().IgnoreQueryFilters().AsNoTracking().Where(i => orderIds.Contains(i.RepairOrderId)).ToListAsync(ct);
        return issues.GroupBy(i => i.RepairOrderId)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.OrderBy(i => i.RecordedAt).Select(i => i.SafetyRelated ? "⚠ " + i.Description : i.Description)));
    }

    public static string? Join(string? first, string? second) =>
        string.IsNullOrWhiteSpace(first) ? second : string.IsNullOrWhiteSpace(second) ? first : first + "; " + second;
}
