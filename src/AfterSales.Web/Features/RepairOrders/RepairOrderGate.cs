using AfterSales.Domain.Common;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>
/// The one gate for changes to a repair order: loads it in the user's stores, checks the editor's version,
/// applies the change and maps a refusal or a concurrent save to 409 with its code.
/// </summary>
public sealed class RepairOrderGate(AfterSalesDb db, ICurrentUser user, AccessGuard guard, TimeProvider clock)
{
    public const string ChangedBySomeoneElse = "repair_order.changed_by_someone_else";

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal AfterSalesDb Db => db;

    /// <summary>The acting user with the discount their roles allow in this store.</summary>
    internal async Task<RepairOrderActor> ActorAsync(Guid storeId, CancellationToken ct)
    {
        var settings = await GetServiceSettings.LoadAsync(db, storeId, ct);
        return new RepairOrderActor(user.UserId, user.UserName, settings.DiscountLimitFor(user.Roles));
    }

    internal async Task<Outcome<RepairOrderView>> ChangeAsync(
        Guid id,
        int version,
        Func<RepairOrder, RepairOrderActor, Task<Outcome<RepairOrderView>?>> change,
        CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, id, tracking: true, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, RepairOrderView>(id, ct);
        }

        if (order.Version != version)
        {
            return Outcome<RepairOrderView>.Conflict(ChangedBySomeoneElse);
        }

        var actor = await ActorAsync(order.StoreId, ct);
        if (await change(order, actor) is { } refused)
        {
            return refused;
        }

        db.Entry(order).Property(o => o.Version).OriginalValue = version;

        // A change to a job or a part must also count as a change of the order, so that two editors of the same order collide.
        db.Entry(order).Property(o => o.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<RepairOrderView>.Conflict(ChangedBySomeoneElse);
        }

        return await RepairOrderViews.ViewAsync(db, order, user.SeesFullContact, ct);
    }

    internal Task<Outcome<RepairOrderView>> MoveAsync(Guid id, int version, Func<RepairOrder, RepairOrderActor, FieldError?> move, CancellationToken ct) =>
        ChangeAsync(id, version, (order, actor) => Task.FromResult(move(order, actor) is { } refusal ? Refused(refusal) : null), ct);

    /// <summary>Business refusals of a move are conflicts with the current state; field errors are validation problems.</summary>
    internal static Outcome<RepairOrderView> Refused(FieldError refusal) =>
        refusal.Field is null ? Outcome<RepairOrderView>.Conflict(refusal.Code) : Outcome<RepairOrderView>.Invalid([refusal]);
}
