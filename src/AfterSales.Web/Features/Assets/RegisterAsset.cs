using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Assets;

/// <summary>Adds an asset to a customer; it belongs to the customer's store.</summary>
public sealed class RegisterAsset(AfterSalesDb db, RequestValidation validation, TimeProvider clock, AccessGuard guard)
{
    public async Task<Outcome<AssetView>> HandleAsync(Guid customerId, AssetInput request, CancellationToken ct)
    {
        var customer = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.Id, c.StoreId }).FirstOrDefaultAsync(ct);
        if (customer is null)
        {
            return await guard.NotFoundAsync<Customer, AssetView>(customerId, ct);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<AssetView>.Invalid(errors);
        }

        var asset = Asset.Register(customer.Id, customer.StoreId, request.ToDetails(), clock.GetUtcNow());
        db.Assets.Add(asset);
        await db.SaveChangesAsync(ct);
        return AssetView.From(asset);
    }
}

public sealed record UpdateAssetRequest(int Version, AssetInput Asset);

public sealed class UpdateAsset(AfterSalesDb db, RequestValidation validation, AccessGuard guard)
{
    public async Task<Outcome<AssetView>> HandleAsync(Guid id, UpdateAssetRequest request, CancellationToken ct)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Asset, AssetView>(id, ct);
        }

        if (request.Asset is null)
        {
            return Outcome<AssetView>.Invalid("common.invalid_value", nameof(request.Asset));
        }

        var input = request.Asset with { Kind = asset.Kind };
        var errors = await validation.CheckAsync(input, ct);
        if (errors.Count > 0)
        {
            return Outcome<AssetView>.Invalid(errors.Prefixed(nameof(request.Asset)).ToList());
        }

        db.Entry(asset).Property(a => a.Version).OriginalValue = request.Version;
        asset.Update(input.ToDetails());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AssetView>.Conflict("asset.changed_by_someone_else");
        }

        return AssetView.From(asset);
    }
}

public sealed class GetAsset(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<AssetView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return asset is null ? await guard.NotFoundAsync<Asset, AssetView>(id, ct) : AssetView.From(asset);
    }

    public async Task<Outcome<IReadOnlyList<AssetView>>> ListForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return await guard.NotFoundAsync<Customer, IReadOnlyList<AssetView>>(customerId, ct);
        }

        var assets = await db.Assets.AsNoTracking().Where(a => a.CustomerId == customerId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return assets.Select(AssetView.From).ToList();
    }
}
