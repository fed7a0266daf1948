using AfterSales.Domain.Labour;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Labour;

/// <summary>New prices; <see cref="Version"/> is the version the editor started from (0 while the store still runs on defaults).</summary>
public sealed record UpdateServiceSettingsRequest(int Version, decimal LabourRate, decimal TaxRate, IReadOnlyList<DiscountLimit>? DiscountLimits = null, decimal? SettlementTolerancePercent = null);

public sealed class GetServiceSettings(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<ServiceSettingsView>> HandleAsync(Guid storeId, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId) || !await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return Outcome<ServiceSettingsView>.NotFound();
        }

        return ServiceSettingsView.From(await LoadAsync(db, storeId, ct));
    }

    /// <summary>The store's settings, or the defaults (not saved) if nobody has set them yet.</summary>
    internal static async Task<ServiceSettings> LoadAsync(AfterSalesDb db, Guid storeId, CancellationToken ct) =>
        await db.Set<ServiceSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.StoreId == storeId, ct) ?? ServiceSettings.Defaults(storeId);
}

public sealed class UpdateServiceSettings(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<ServiceSettingsView>> HandleAsync(Guid storeId, UpdateServiceSettingsRequest request, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId) || !await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return Outcome<ServiceSettingsView>.NotFound();
        }

        var limits = request.DiscountLimits ?? [];
        var errors = ServiceSettings.Check(request.LabourRate, request.TaxRate, limits);
        if (request.SettlementTolerancePercent is < 0 or > 100)
        {
            errors = [.. errors, new("service_settings.settlement_tolerance_invalid", nameof(request.SettlementTolerancePercent))];
        }

        if (errors.Count > 0)
        {
            return Outcome<ServiceSettingsView>.Invalid(errors);
        }

        var settings = await db.Set<ServiceSettings>().FirstOrDefaultAsync(s => s.StoreId == storeId, ct);
        if (settings is null)
        {
            if (request.Version != 0)
            {
                return Outcome<ServiceSettingsView>.Conflict("service_settings.changed_by_someone_else");
            }

            settings = ServiceSettings.For(storeId, request.LabourRate, request.TaxRate, limits);
            db.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = request.Version;
            settings.Update(request.LabourRate, request.TaxRate, limits);
        }

        if (request.SettlementTolerancePercent is { } tolerance)
        {
            settings.SetSettlementTolerance(tolerance);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or a first save that raced another first save on the same store.
            return Outcome<ServiceSettingsView>.Conflict("service_settings.changed_by_someone_else");
        }

        return ServiceSettingsView.From(settings);
    }
}
