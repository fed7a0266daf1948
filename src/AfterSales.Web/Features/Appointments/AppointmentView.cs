using AfterSales.Domain.Appointments;
using AfterSales.Domain.Common;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

public sealed record AppointmentView(
    Guid Id,
    AppointmentStatus Status,
    Guid StoreId,
    string StoreName,
    Guid CustomerId,
    string CustomerName,
    string? CustomerPhone,
    Guid AssetId,
    string AssetName,
    AppointmentChannel Channel,
    int? MileageKm,
    string CustomerNeed,
    IReadOnlyList<RequestedService> Services,
    Guid? AdvisorId,
    string? AdvisorName,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    DateTimeOffset? PromisedAt,
    decimal? PriceFrom,
    decimal? PriceTo,
    ThingsToBring Bring,
    string? BringNote,
    bool IsUrgent,
    bool IsRepeatRepair,
    string? PartsNeeded,
    bool PartsResolved,
    string? SpecialTools,
    bool ToolsResolved,
    string? TechnicalDocuments,
    bool DocumentsResolved,
    IReadOnlyList<ReadinessItem> OpenReadinessItems,
    string? OpenIssues,
    Guid? RepairOrderId,
    DateTimeOffset CreatedAt,
    int Version,
    IReadOnlyList<AppointmentTrigger> PermittedTriggers);

public sealed record AppointmentListItem(
    Guid Id,
    AppointmentStatus Status,
    Guid StoreId,
    Guid CustomerId,
    string CustomerName,
    Guid AssetId,
    string AssetName,
    AppointmentChannel Channel,
    string CustomerNeed,
    IReadOnlyList<RequestedService> Services,
    Guid? AdvisorId,
    string? AdvisorName,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    bool IsUrgent,
    bool IsRepeatRepair,
    IReadOnlyList<ReadinessItem> OpenReadinessItems);

public sealed record AppointmentStatusChangeView(DateTimeOffset At, string UserName, AppointmentStatus? From, AppointmentStatus To, AppointmentTrigger? Trigger, DateTimeOffset SlotStart, string? Reason);

/// <summary>Names for appointments' ids. A visible appointment shows its customer even when the customer belongs to another store.</summary>
internal static class AppointmentViews
{
    public static async Task<AppointmentView> ViewAsync(AfterSalesDb db, Appointment a, bool seesFullContact, CancellationToken ct)
    {
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == a.CustomerId).FirstAsync(ct);
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == a.AssetId, ct);
        var storeName = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == a.StoreId).Select(s => s.Name).FirstAsync(ct);
        var advisor = a.AdvisorId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var phone = customer.PrimaryPhone;
        return new AppointmentView(
            a.Id, a.Status, a.StoreId, storeName, a.CustomerId, customer.Name, seesFullContact ? phone : Masking.MaskPhone(phone),
            a.AssetId, asset.DisplayName, a.Channel, a.MileageKm, a.CustomerNeed, a.Services, a.AdvisorId, advisor,
            a.SlotStart, a.SlotEnd, a.PromisedAt, a.PriceFrom, a.PriceTo, a.Bring, a.BringNote, a.IsUrgent, a.IsRepeatRepair,
            a.PartsNeeded, a.PartsResolved, a.SpecialTools, a.ToolsResolved, a.TechnicalDocuments, a.DocumentsResolved, a.OpenReadinessItems,
            a.OpenIssues, a.RepairOrderId, a.CreatedAt, a.Version, a.PermittedTriggers);
    }

    public static async Task<List<AppointmentListItem>> ListAsync(AfterSalesDb db, IReadOnlyList<Appointment> rows, CancellationToken ct)
    {
        var customerIds = rows.Select(r => r.CustomerId).Distinct().ToList();
        var assetIds = rows.Select(r => r.AssetId).Distinct().ToList();
        var userIds = rows.Where(r => r.AdvisorId != null).Select(r => r.AdvisorId!.Value).Distinct().ToList();
        var customers = await db.Customers.IgnoreQueryFilters().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var assets = (await db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id, a => a.DisplayName);
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(r => new AppointmentListItem(
            r.Id, r.Status, r.StoreId, r.CustomerId, customers.GetValueOrDefault(r.CustomerId, string.Empty), r.AssetId, assets.GetValueOrDefault(r.AssetId, string.Empty),
            r.Channel, r.CustomerNeed, r.Services, r.AdvisorId, r.AdvisorId is { } u ? users.GetValueOrDefault(u) : null,
            r.SlotStart, r.SlotEnd, r.IsUrgent, r.IsRepeatRepair, r.OpenReadinessItems)).ToList();
    }
}
