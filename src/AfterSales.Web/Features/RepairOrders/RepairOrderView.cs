using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.ThreeGuarantees;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

public sealed record PartLineView(Guid Id, Guid? PartId, string PartNumber, string Name, decimal Quantity, decimal UnitPrice, decimal Amount, FaultSystem? MainComponentOf = null, bool WholeAssembly = false);

public sealed record RepairJobView(
    Guid Id,
    int Position,
    Guid? LabourOperationId,
    string OperationCode,
    string NameZh,
    string NameEn,
    string Name,
    WorkshopSkill Skill,
    decimal Hours,
    decimal LabourRate,
    decimal LabourAmount,
    PayType PayType,
    string? Note,
    IReadOnlyList<PartLineView> Parts,
    decimal PartsAmount,
    RepairJobStatus Status = RepairJobStatus.Pending,
    Guid? TechnicianId = null,
    string? TechnicianName = null,
    bool IsExtraWork = false,
    bool SafetyCritical = false,
    int ReworkCount = 0,
    string? StatusReason = null,
    JobFault? Fault = null);

public sealed record CheckInView(
    DateTimeOffset? CheckedInAt,
    string? CheckedInBy,
    int? MileageKm,
    int? EnergyLevelPercent,
    string? Valuables,
    bool? SpareTyrePresent,
    bool? ToolsPresent,
    bool CoversFitted,
    string? ConditionNotes,
    IReadOnlyList<DamageMark> DamageMarks);

/// <summary>A signature on file, without its image (fetched separately) and with a fresh check of its hash.</summary>
public sealed record SignatureView(
    Guid Id,
    int OrderVersion,
    SignatureChannel Channel,
    string SignerName,
    DateTimeOffset SignedAt,
    string RecordedByName,
    string SnapshotSha256,
    bool IsIntact,
    bool IsCurrent,
    string? RemoteAddress);

public sealed record RepairOrderView(
    Guid Id,
    string Number,
    RepairOrderStatus Status,
    Guid StoreId,
    string StoreName,
    Guid CustomerId,
    string CustomerName,
    string? CustomerPhone,
    Guid AssetId,
    string AssetName,
    AssetKind AssetKind,
    string? Plate,
    string? Vin,
    string? SerialOrImei,
    Guid? AppointmentId,
    Guid? AdvisorId,
    string AdvisorName,
    string CustomerWords,
    DateTimeOffset OpenedAt,
    decimal LabourRate,
    decimal TaxRate,
    decimal DiscountPercent,
    string? DiscountReason,
    bool DiscountNeedsApproval,
    string? DiscountApprovedByName,
    DateTimeOffset? DiscountApprovedAt,
    DateTimeOffset? PromisedAt,
    PaymentMethod PaymentMethod,
    OldPartsHandling OldParts,
    bool FreeWash,
    decimal? ExtraWorkPreApprovedLimit,
    CheckInView CheckIn,
    IReadOnlyList<RepairJobView> Jobs,
    RepairOrderTotals Totals,
    IReadOnlyList<SignatureView> Signatures,
    string? CancelReason,
    bool IsEditable,
    int Version,
    IReadOnlyList<RepairOrderTrigger> PermittedTriggers,
    int ReworkCount = 0,
    DateTimeOffset? DeliveredAt = null,
    TimeOnly? FollowUpPreferredFrom = null,
    TimeOnly? FollowUpPreferredTo = null,
    Guid? ComplaintId = null,
    string? ComplaintNumber = null)
{
    public SignatureView? CurrentSignature => Signatures.FirstOrDefault(s => s.IsCurrent);
}

public sealed record RepairOrderListItem(
    Guid Id,
    string Number,
    RepairOrderStatus Status,
    Guid StoreId,
    string StoreName,
    Guid CustomerId,
    string CustomerName,
    Guid AssetId,
    string AssetName,
    string? Plate,
    string AdvisorName,
    string CustomerWords,
    DateTimeOffset OpenedAt,
    DateTimeOffset? PromisedAt);

public sealed record RepairOrderStatusChangeView(DateTimeOffset At, string UserName, RepairOrderStatus? From, RepairOrderStatus To, RepairOrderTrigger? Trigger, string? Reason);

/// <summary>The text a customer signs: everything on the paper order, with full contact details, and the version it is.</summary>
public sealed record SignedOrderSnapshot(
    string Number,
    int Version,
    string StoreName,
    string CustomerName,
    string? CustomerPhone,
    string AssetName,
    string? Plate,
    string? Vin,
    string? SerialOrImei,
    string AdvisorName,
    string CustomerWords,
    CheckInView CheckIn,
    IReadOnlyList<RepairJobView> Jobs,
    RepairOrderTotals Totals,
    decimal LabourRate,
    decimal TaxRate,
    decimal DiscountPercent,
    DateTimeOffset? PromisedAt,
    PaymentMethod PaymentMethod,
    OldPartsHandling OldParts,
    bool FreeWash,
    decimal? ExtraWorkPreApprovedLimit)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SignedOrderSnapshot? FromJson(string json) => JsonSerializer.Deserialize<SignedOrderSnapshot>(json, Json);
}

/// <summary>Views of repair orders with the names of their ids. A visible order shows its customer even if the customer belongs to another store.</summary>
internal static class RepairOrderViews
{
    public static async Task<RepairOrder?> LoadAsync(AfterSalesDb db, Guid id, bool tracking, CancellationToken ct)
    {
        var orders = db.Set<RepairOrder>().Include(o => o.Jobs).ThenInclude(j => j.Parts).Include(o => o.Signatures).Include(o => o.ClockSessions).AsSplitQuery();
        return await (tracking ? orders : orders.AsNoTracking()).FirstOrDefaultAsync(o => o.Id == id, ct);
    }

    public static async Task<RepairOrderView> ViewAsync(AfterSalesDb db, RepairOrder o, bool seesFullContact, CancellationToken ct)
    {
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == o.CustomerId, ct);
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == o.AssetId, ct);
        var storeName = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == o.StoreId).Select(s => s.Name).FirstAsync(ct);
        var phone = customer.PrimaryPhone;
        return new RepairOrderView(
            o.Id,
            o.Number,
            o.Status,
            o.StoreId,
            storeName,
            o.CustomerId,
            customer.Name,
            seesFullContact ? phone : Masking.MaskPhone(phone),
            o.AssetId,
            asset.DisplayName,
            asset.Kind,
            asset.Plate,
            asset.Vin,
            asset.Imei ?? asset.SerialNumber,
            o.AppointmentId,
            o.AdvisorId,
            o.AdvisorName,
            o.CustomerWords,
            o.OpenedAt,
            o.LabourRate,
            o.TaxRate,
            o.DiscountPercent,
            o.DiscountReason,
            o.DiscountNeedsApproval,
            o.DiscountApprovedByName,
            o.DiscountApprovedAt,
            o.PromisedAt,
            o.PaymentMethod,
            o.OldParts,
            o.FreeWash,
            o.ExtraWorkPreApprovedLimit,
            CheckIn(o),
            Jobs(o),
            o.Totals,
            o.Signatures.OrderBy(s => s.SignedAt)
                .Select(s => new SignatureView(s.Id, s.OrderVersion, s.Channel, s.SignerName, s.SignedAt, s.RecordedByName, s.SnapshotSha256, s.IsIntact, s.Id == o.CurrentSignatureId, s.RemoteAddress))
                .ToList(),
            o.CancelReason,
            o.IsEditable,
            o.Version,
            o.PermittedTriggers,
            o.ReworkCount,
            o.DeliveredAt,
            o.FollowUpPreferredFrom,
            o.FollowUpPreferredTo,
            o.ComplaintId,
            o.ComplaintNumber);
    }

    /// <summary>The text to be signed, built from the order as it stands, with the customer's full phone whatever the reader's role.</summary>
    public static async Task<SignedOrderSnapshot> SnapshotAsync(AfterSalesDb db, RepairOrder o, CancellationToken ct)
    {
        var view = await ViewAsync(db, o, seesFullContact: true, ct);
        return new SignedOrderSnapshot(
            view.Number, view.Version, view.StoreName, view.CustomerName, view.CustomerPhone, view.AssetName, view.Plate, view.Vin, view.SerialOrImei,
            view.AdvisorName, view.CustomerWords, view.CheckIn, view.Jobs, view.Totals, view.LabourRate, view.TaxRate, view.DiscountPercent,
            view.PromisedAt, view.PaymentMethod, view.OldParts, view.FreeWash, view.ExtraWorkPreApprovedLimit);
    }

    public static CheckInView CheckIn(RepairOrder o) => new(
        o.CheckedInAt, o.CheckedInBy, o.MileageKm, o.EnergyLevelPercent, o.Valuables, o.SpareTyrePresent, o.ToolsPresent, o.CoversFitted, o.ConditionNotes, o.DamageMarks.ToList());

    public static List<RepairJobView> Jobs(RepairOrder o)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        return o.Jobs.OrderBy(j => j.Position)
            .Select(j => new RepairJobView(
                j.Id, j.Position, j.LabourOperationId, j.OperationCode, j.NameZh, j.NameEn, LabourOperation.Name(j.NameZh, j.NameEn, culture), j.Skill,
                j.Hours, j.LabourRate, j.LabourAmount, j.PayType, j.Note,
                j.Parts.OrderBy(p => p.Position).Select(p => new PartLineView(p.Id, p.PartId, p.PartNumber, p.Name, p.Quantity, p.UnitPrice, p.Amount, p.MainComponentOf, p.WholeAssembly)).ToList(),
                j.PartsAmount,
                j.Status,
                j.TechnicianId,
                j.TechnicianName,
                j.IsExtraWork,
                j.SafetyCritical,
                j.ReworkCount,
                j.StatusReason,
                j.Fault))
            .ToList();
    }

    public static async Task<List<RepairOrderListItem>> ListAsync(AfterSalesDb db, IReadOnlyList<RepairOrder> orders, CancellationToken ct)
    {
        var customerIds = orders.Select(o => o.CustomerId).Distinct().ToList();
        var assetIds = orders.Select(o => o.AssetId).Distinct().ToList();
        var storeIds = orders.Select(o => o.StoreId).Distinct().ToList();
        var customers = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var assets = await db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var stores = await db.Stores.IgnoreQueryFilters().AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return orders.Select(o => new RepairOrderListItem(
                o.Id, o.Number, o.Status, o.StoreId, stores[o.StoreId], o.CustomerId, customers[o.CustomerId], o.AssetId, assets[o.AssetId].DisplayName,
                assets[o.AssetId].Plate, o.AdvisorName, o.CustomerWords, o.OpenedAt, o.PromisedAt))
            .ToList();
    }
}
