using AfterSales.Domain.Common;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Workshop;

public sealed record ClockSessionView(Guid Id, string TechnicianName, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, decimal Hours);

public sealed record JobFindingView(Guid Id, Guid? RepairJobId, string Text, bool SafetyCritical, string ReportedByName, DateTimeOffset ReportedAt, Guid? ProposedJobId);

public sealed record ExtraWorkApprovalView(
    Guid Id,
    Guid RepairJobId,
    ExtraWorkDecision Decision,
    ExtraWorkChannel Channel,
    string SignerName,
    decimal Amount,
    DateTimeOffset At,
    string RecordedByName,
    string SnapshotSha256,
    bool HasSignature,
    string? RemoteAddress);

public sealed record OldPartView(
    Guid Id,
    Guid RepairJobId,
    string Description,
    decimal Quantity,
    OldPartDisposition Disposition,
    Guid? WarrantyClaimId,
    string? Note,
    string RecordedByName,
    DateTimeOffset RecordedAt);

public sealed record DelayView(Guid Id, DateTimeOffset? PreviousPromisedAt, DateTimeOffset NewPromisedAt, string Reason, string ReportedByName, DateTimeOffset ReportedAt);

/// <summary>A job as the technician sees it on the phone: the order, the vehicle, the customer's words, parts, clock sessions, hours.</summary>
public sealed record TechnicianJobView(
    Guid OrderId,
    string OrderNumber,
    int OrderVersion,
    RepairOrderStatus OrderStatus,
    Guid StoreId,
    string AssetName,
    string? Plate,
    string? Vin,
    string CustomerName,
    string CustomerWords,
    DateTimeOffset? PromisedAt,
    RepairJobView Job,
    string JobNumber,
    decimal StandardHours,
    decimal ActualHours,
    IReadOnlyList<ClockSessionView> Sessions,
    IReadOnlyList<JobFindingView> Findings,
    IReadOnlyList<OldPartView> OldParts,
    IReadOnlyList<DelayView> Delays);

/// <summary>One line of "my jobs today".</summary>
public sealed record MyJobItem(
    Guid OrderId,
    string OrderNumber,
    Guid JobId,
    string JobName,
    RepairJobStatus Status,
    string? StatusReason,
    string AssetName,
    string? Plate,
    string CustomerWords,
    DateTimeOffset? PromisedAt,
    decimal StandardHours,
    decimal ActualHours);

/// <summary>The advisor's view of an order's extra work: findings, proposed and answered jobs, the evidence of each answer, delays and old parts.</summary>
public sealed record ExtraWorkView(
    Guid OrderId,
    string Number,
    int Version,
    RepairOrderStatus Status,
    decimal? ExtraWorkPreApprovedLimit,
    string CustomerName,
    string AssetName,
    IReadOnlyList<JobFindingView> Findings,
    IReadOnlyList<RepairJobView> ExtraJobs,
    IReadOnlyList<ExtraWorkApprovalView> Approvals,
    IReadOnlyList<DelayView> Delays,
    IReadOnlyList<OldPartView> OldParts);

internal static class TechnicianViews
{
    public static string JobNumber(RepairOrder order, RepairJob job) => $"{order.Number}/{job.Position}";

    public static async Task<TechnicianJobView> JobAsync(AfterSalesDb db, RepairOrder order, RepairJob job, DateTimeOffset now, CancellationToken ct)
    {
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.Name).FirstAsync(ct);
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == order.AssetId, ct);
        var findings = await db.Set<JobFinding>().AsNoTracking().Where(f => f.RepairOrderId == order.Id && f.RepairJobId == job.Id).OrderBy(f => f.ReportedAt).ToListAsync(ct);
        var oldParts = await db.Set<OldPartRecord>().AsNoTracking().Where(p => p.RepairJobId == job.Id).OrderBy(p => p.RecordedAt).ToListAsync(ct);
        var delays = await db.Set<RepairOrderDelay>().AsNoTracking().Where(d => d.RepairOrderId == order.Id).OrderBy(d => d.ReportedAt).ToListAsync(ct);
        var sessions = order.ClockSessions.Where(s => s.RepairJobId == job.Id).OrderBy(s => s.StartedAt).Select(s => Session(s, now)).ToList();
        return new TechnicianJobView(
            order.Id, order.Number, order.Version, order.Status, order.StoreId, asset.DisplayName, asset.Plate, asset.Vin, customer, order.CustomerWords, order.PromisedAt,
            RepairOrderViews.Jobs(order).First(j => j.Id == job.Id), JobNumber(order, job), job.Hours, order.ActualHours(job.Id, now), sessions,
            findings.Select(Finding).ToList(), oldParts.Select(OldPart).ToList(), delays.Select(Delay).ToList());
    }

    public static async Task<ExtraWorkView> ExtraWorkAsync(AfterSalesDb db, RepairOrder order, CancellationToken ct)
    {
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.Name).FirstAsync(ct);
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == order.AssetId, ct);
        var findings = await db.Set<JobFinding>().AsNoTracking().Where(f => f.RepairOrderId == order.Id).OrderBy(f => f.ReportedAt).ToListAsync(ct);
        var approvals = await db.Set<ExtraWorkApproval>().AsNoTracking().Where(a => a.RepairOrderId == order.Id).OrderBy(a => a.At).ToListAsync(ct);
        var oldParts = await db.Set<OldPartRecord>().AsNoTracking().Where(p => p.RepairOrderId == order.Id).OrderBy(p => p.RecordedAt).ToListAsync(ct);
        var delays = await db.Set<RepairOrderDelay>().AsNoTracking().Where(d => d.RepairOrderId == order.Id).OrderBy(d => d.ReportedAt).ToListAsync(ct);
        return new ExtraWorkView(
            order.Id, order.Number, order.Version, order.Status, order.ExtraWorkPreApprovedLimit, customer, asset.DisplayName,
            findings.Select(Finding).ToList(),
            RepairOrderViews.Jobs(order).Where(j => j.IsExtraWork).ToList(),
            approvals.Select(a => new ExtraWorkApprovalView(a.Id, a.RepairJobId, a.Decision, a.Channel, a.SignerName, a.Amount, a.At, a.RecordedByName, a.SnapshotSha256, a.ImagePng is not null, a.RemoteAddress)).ToList(),
            delays.Select(Delay).ToList(),
            oldParts.Select(OldPart).ToList());
    }

    public static ClockSessionView Session(RepairJobClockSession s, DateTimeOffset now) =>
        new(s.Id, s.TechnicianName, s.StartedAt, s.EndedAt, decimal.Round((decimal)((s.EndedAt ?? now) - s.StartedAt).TotalHours, 2, MidpointRounding.AwayFromZero));

    public static JobFindingView Finding(JobFinding f) => new(f.Id, f.RepairJobId, f.Text, f.SafetyCritical, f.ReportedByName, f.ReportedAt, f.ProposedJobId);

    public static OldPartView OldPart(OldPartRecord p) =>
        new(p.Id, p.RepairJobId, p.Description, p.Quantity, p.Disposition, p.WarrantyClaimId, p.Note, p.RecordedByName, p.RecordedAt);

    public static DelayView Delay(RepairOrderDelay d) => new(d.Id, d.PreviousPromisedAt, d.NewPromisedAt, d.Reason, d.ReportedByName, d.ReportedAt);

    /// <summary>The customer's mobile number for service messages, if they have one.</summary>
    public static async Task<(Domain.Customers.Customer Customer, string? Mobile)> CustomerAsync(AfterSalesDb db, Guid customerId, CancellationToken ct)
    {
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == customerId, ct);
        return (customer, customer.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(PhoneNumber.IsMobile));
    }

    /// <summary>A time as the store's clock shows it, for messages.</summary>
    public static async Task<(string StoreName, string Time)> StoreTimeAsync(AfterSalesDb db, Guid storeId, DateTimeOffset at, CancellationToken ct)
    {
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == storeId).Select(s => new { s.Name, s.TimeZoneId }).FirstAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZoneId);
        return (store.Name, TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }
}
