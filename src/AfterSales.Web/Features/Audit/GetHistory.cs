using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Audit;

public sealed record AuditEntryView(long Id, DateTimeOffset At, string UserName, string EntityType, Guid EntityId, string Action, IReadOnlyList<FieldChangeView> Changes);

public sealed record FieldChangeView(string Field, string? From, string? To);

/// <summary>One event in the life of a customer or asset. Appointments, repair orders and complaints add their own kinds.</summary>
public sealed record TimelineEvent(DateTimeOffset At, string Kind, string Title, Guid? AssetId, string? Link);

/// <summary>The audit log and the service-history timeline of a customer (with their assets) or of one asset.</summary>
public sealed class GetHistory(AfterSalesDb db, AccessGuard guard, ICurrentUser user)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public async Task<Outcome<Page<AuditEntryView>>> CustomerAuditAsync(Guid customerId, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return await guard.NotFoundAsync<Customer, Page<AuditEntryView>>(customerId, ct);
        }

        var assetIds = await db.Assets.Where(a => a.CustomerId == customerId).Select(a => a.Id).ToListAsync(ct);
        assetIds.Add(customerId);
        return await PageAsync(db.AuditEntries.Where(e => assetIds.Contains(e.EntityId)), page, pageSize, ct);
    }

    public async Task<Outcome<Page<AuditEntryView>>> AssetAuditAsync(Guid assetId, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Assets.AnyAsync(a => a.Id == assetId, ct))
        {
            return await guard.NotFoundAsync<Asset, Page<AuditEntryView>>(assetId, ct);
        }

        return await PageAsync(db.AuditEntries.Where(e => e.EntityId == assetId), page, pageSize, ct);
    }

    public async Task<Outcome<IReadOnlyList<TimelineEvent>>> CustomerTimelineAsync(Guid customerId, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.Id, c.CreatedAt }).FirstOrDefaultAsync(ct);
        if (customer is null)
        {
            return await guard.NotFoundAsync<Customer, IReadOnlyList<TimelineEvent>>(customerId, ct);
        }

        var assets = await db.Assets.AsNoTracking().Where(a => a.CustomerId == customerId)
            .Select(a => new { a.Id, a.CreatedAt, a.Kind, a.Brand, a.Model, a.Plate, a.Vin, a.SerialNumber, a.Imei }).ToListAsync(ct);
        var events = new List<TimelineEvent> { new(customer.CreatedAt, "customer.registered", string.Empty, null, null) };
        events.AddRange(assets.Select(a => new TimelineEvent(a.CreatedAt, "asset.registered", $"{a.Brand} {a.Model} {a.Plate ?? a.Vin ?? a.SerialNumber ?? a.Imei}".Trim(), a.Id, $"/assets/{a.Id}")));
        return events.OrderByDescending(e => e.At).ToList();
    }

    public async Task<Outcome<IReadOnlyList<TimelineEvent>>> AssetTimelineAsync(Guid assetId, CancellationToken ct)
    {
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Asset, IReadOnlyList<TimelineEvent>>(assetId, ct);
        }

        return new List<TimelineEvent> { new(asset.CreatedAt, "asset.registered", asset.DisplayName, asset.Id, null) };
    }

    private async Task<Outcome<Page<AuditEntryView>>> PageAsync(IQueryable<AuditEntry> query, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Id).Skip((p - 1) * size).Take(size).AsNoTracking().ToListAsync(ct);
        var items = rows.Select(e => new AuditEntryView(
            e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.Action,
            (System.Text.Json.JsonSerializer.Deserialize<List<FieldChangeView>>(e.Changes, Json) ?? []).Select(MaskContact).ToList())).ToList();
        return new Page<AuditEntryView>(items, p, size, total);
    }

    /// <summary>The audit log shows contact data only as far as the list and detail views do.</summary>
    private FieldChangeView MaskContact(FieldChangeView change)
    {
        if (user.SeesFullContact)
        {
            return change;
        }

        return change.Field switch
        {
            "Address" => change with { From = MaskAddress(change.From), To = MaskAddress(change.To) },
            "Phones" => change with { From = MaskPhones(change.From), To = MaskPhones(change.To) },
            _ => change,
        };
    }

    private static string? MaskAddress(string? value) => value is null ? null : Domain.Common.Masking.MaskAddress(value);

    private static string? MaskPhones(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var phones = System.Text.Json.Nodes.JsonNode.Parse(json)?.AsArray() ?? [];
        foreach (var phone in phones.OfType<System.Text.Json.Nodes.JsonObject>())
        {
            if (phone["Number"]?.GetValue<string>() is { } number)
            {
                phone["Number"] = Domain.Common.Masking.MaskPhone(number);
            }
        }

        return phones.ToJsonString();
    }
}
