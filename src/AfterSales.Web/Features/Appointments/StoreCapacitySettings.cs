using AfterSales.Domain.Appointments;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

/// <summary>A store's capacity settings; <see cref="Version"/> is 0 while the store still plans with the defaults.</summary>
public sealed record CapacityView(
    Guid StoreId,
    int SlotMinutes,
    int RepeatRepairDays,
    IReadOnlyList<AdvisorShift> AdvisorShifts,
    IReadOnlyList<SkillHours> WorkshopHours,
    bool IsDefault,
    int Version)
{
    internal static CapacityView From(StoreCapacity c, bool isDefault) =>
        new(c.StoreId, c.SlotMinutes, c.RepeatRepairDays, c.AdvisorShifts, c.WorkshopHours, isDefault, c.Version);
}

/// <summary>Replaces a store's capacity settings (administrators); <see cref="Version"/> is the version the editor started from.</summary>
public sealed record SaveCapacityRequest(
    int Version,
    int SlotMinutes,
    int RepeatRepairDays,
    IReadOnlyList<AdvisorShift> AdvisorShifts,
    IReadOnlyList<SkillHours> WorkshopHours);

internal sealed class SaveCapacityValidator : AbstractValidator<SaveCapacityRequest>
{
    public SaveCapacityValidator()
    {
        RuleFor(x => x.AdvisorShifts).NotNull();
        RuleFor(x => x.WorkshopHours).NotNull();
    }
}

public sealed class GetCapacity(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<CapacityView>> HandleAsync(Guid storeId, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId) || !await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return Outcome<CapacityView>.NotFound();
        }

        var saved = await db.Set<StoreCapacity>().AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == storeId, ct);
        return CapacityView.From(saved ?? StoreCapacity.Default(storeId), saved is null);
    }
}

public sealed class SaveCapacity(AfterSalesDb db, RequestValidation validation)
{
    public const string ChangedBySomeoneElse = "capacity.changed_by_someone_else";

    public async Task<Outcome<CapacityView>> HandleAsync(Guid storeId, SaveCapacityRequest request, CancellationToken ct)
    {
        var errors = (await validation.CheckAsync(request, ct)).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(StoreCapacity.Check(request.SlotMinutes, request.RepeatRepairDays, request.AdvisorShifts, request.WorkshopHours));
        }

        if (errors.Count > 0)
        {
            return Outcome<CapacityView>.Invalid(errors);
        }

        if (!await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return Outcome<CapacityView>.NotFound();
        }

        var capacity = await db.Set<StoreCapacity>().FirstOrDefaultAsync(c => c.StoreId == storeId, ct);
        var isNew = capacity is null;
        if (capacity is null)
        {
            if (request.Version != 0)
            {
                return Outcome<CapacityView>.Conflict(ChangedBySomeoneElse);
            }

            capacity = StoreCapacity.Default(storeId);
            db.Add(capacity);
        }
        else
        {
            db.Entry(capacity).Property(c => c.Version).OriginalValue = request.Version;
        }

        capacity.Update(request.SlotMinutes, request.RepeatRepairDays, request.AdvisorShifts, request.WorkshopHours);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<CapacityView>.Conflict(ChangedBySomeoneElse);
        }
        catch (DbUpdateException e) when (isNew && DbErrors.IsUniqueViolation(e))
        {
            // Two administrators saved a store's first settings at once.
            return Outcome<CapacityView>.Conflict(ChangedBySomeoneElse);
        }

        return CapacityView.From(capacity, false);
    }
}
