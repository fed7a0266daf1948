using AfterSales.Domain.Complaints;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ComplaintSla;

/// <summary>A limit as the API shows it: minutes of working time.</summary>
public sealed record SlaTargetDto(int WarningMinutes, int BreachMinutes)
{
    public SlaTarget ToTarget() => new(WarningMinutes, BreachMinutes);

    public static SlaTargetDto From(SlaTarget t) => new(t.WarningMinutes, t.BreachMinutes);
}

/// <summary>An effective rule: <see cref="IsDefault"/> when no administrator changed it; <see cref="Version"/> is null then.</summary>
public sealed record SlaPolicyView(
    ComplaintUrgency Urgency,
    ComplaintChannel? Channel,
    SlaTargetDto Acknowledge,
    SlaTargetDto FirstContact,
    SlaTargetDto ProposeResolution,
    SlaTargetDto Close,
    int? ProgressUpdateMinutes,
    bool IsDefault,
    int? Version);

/// <summary>Saves the rule for an urgency and a channel (null: every channel without a rule of its own). <see cref="Version"/>: the version edited, null for a new rule.</summary>
public sealed record SaveSlaPolicyRequest(
    ComplaintUrgency Urgency,
    ComplaintChannel? Channel,
    SlaTargetDto Acknowledge,
    SlaTargetDto FirstContact,
    SlaTargetDto ProposeResolution,
    SlaTargetDto Close,
    int? ProgressUpdateMinutes,
    int? Version = null)
{
    public SlaPolicy ToPolicy() => new(Urgency, Channel, Acknowledge.ToTarget(), FirstContact.ToTarget(), ProposeResolution.ToTarget(), Close.ToTarget(), ProgressUpdateMinutes);
}

internal sealed class SaveSlaPolicyValidator : AbstractValidator<SaveSlaPolicyRequest>
{
    public SaveSlaPolicyValidator()
    {
        RuleFor(x => x.Urgency).IsInEnum();
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Acknowledge).NotNull();
        RuleFor(x => x.FirstContact).NotNull();
        RuleFor(x => x.ProposeResolution).NotNull();
        RuleFor(x => x.Close).NotNull();
    }
}

/// <summary>Every rule in force: the saved ones and the defaults nobody changed, by urgency, the all-channel rule first.</summary>
public sealed class ListSlaPolicies(AfterSalesDb db)
{
    public async Task<IReadOnlyList<SlaPolicyView>> HandleAsync(CancellationToken ct)
    {
        var saved = await db.Set<ComplaintSlaPolicy>().AsNoTracking().ToListAsync(ct);
        var views = saved.Select(r => View(r.ToPolicy(), false, r.Version)).ToList();
        views.AddRange(SlaDefaults.All
            .Where(d => !saved.Any(s => s.Urgency == d.Urgency && s.Channel == d.Channel))
            .Select(d => View(d, true, null)));
        return views.OrderBy(v => v.Urgency).ThenBy(v => v.Channel is null ? -1 : (int)v.Channel).ToList();
    }

    internal static SlaPolicyView View(SlaPolicy p, bool isDefault, int? version) => new(
        p.Urgency, p.Channel, SlaTargetDto.From(p.Acknowledge), SlaTargetDto.From(p.FirstContact), SlaTargetDto.From(p.ProposeResolution), SlaTargetDto.From(p.Close),
        p.ProgressUpdateMinutes, isDefault, version);
}

public sealed class SaveSlaPolicy(AfterSalesDb db, RequestValidation validation, TimeProvider clock)
{
    public async Task<Outcome<SlaPolicyView>> HandleAsync(SaveSlaPolicyRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<SlaPolicyView>.Invalid(errors);
        }

        var policy = request.ToPolicy();
        if (policy.Check() is { Count: > 0 } refused)
        {
            return Outcome<SlaPolicyView>.Invalid(refused);
        }

        var now = clock.GetUtcNow();
        var key = ComplaintSlaPolicy.KeyOf(request.Channel);
        var row = await db.Set<ComplaintSlaPolicy>().FirstOrDefaultAsync(p => p.Urgency == request.Urgency && p.ChannelKey == key, ct);
        if (row is null)
        {
            if (request.Version is not null)
            {
                return Outcome<SlaPolicyView>.Conflict();
            }

            row = ComplaintSlaPolicy.From(policy, now);
            db.Add(row);
        }
        else
        {
            if (request.Version != row.Version)
            {
                return Outcome<SlaPolicyView>.Conflict();
            }

            row.Set(policy, now);
            db.Entry(row).Property(p => p.Version).OriginalValue = row.Version;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save of the same rule (version or unique index): the editor reloads and decides again.
            return Outcome<SlaPolicyView>.Conflict();
        }

        await SlaRecheck.AllOpenAsync(db, now, ct);
        return ListSlaPolicies.View(row.ToPolicy(), false, row.Version);
    }
}

/// <summary>Drops an administrator's rule so the default applies again.</summary>
public sealed class ResetSlaPolicy(AfterSalesDb db, TimeProvider clock)
{
    public async Task<Outcome<SlaPolicyView>> HandleAsync(ComplaintUrgency urgency, ComplaintChannel? channel, CancellationToken ct)
    {
        var key = ComplaintSlaPolicy.KeyOf(channel);
        var row = await db.Set<ComplaintSlaPolicy>().FirstOrDefaultAsync(p => p.Urgency == urgency && p.ChannelKey == key, ct);
        if (row is null)
        {
            return Outcome<SlaPolicyView>.NotFound();
        }

        db.Remove(row);
        await db.SaveChangesAsync(ct);
        await SlaRecheck.AllOpenAsync(db, clock.GetUtcNow(), ct);
        var policies = (await db.Set<ComplaintSlaPolicy>().AsNoTracking().ToListAsync(ct)).Select(p => p.ToPolicy()).ToList();
        var effective = channel is { } c ? SlaDefaults.Resolve(policies, urgency, c) : SlaDefaults.Resolve(policies.Where(p => p.Channel is null), urgency, ComplaintChannel.Other);
        return ListSlaPolicies.View(effective, !policies.Contains(effective), null);
    }
}

/// <summary>
/// Something the clocks read changed without a new complaint version: the escalation job looks again on its next run.
/// The version goes up too, so a job run that read the old state cannot save its outdated result over this.
/// </summary>
internal static class SlaRecheck
{
    /// <summary>New limits change every due time.</summary>
    public static Task AllOpenAsync(AfterSalesDb db, DateTimeOffset now, CancellationToken ct) =>
        db.Set<ComplaintSlaTracking>().Where(t => t.NextCheckAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextCheckAt, now).SetProperty(t => t.Version, t => t.Version + 1), ct);

    public static Task ComplaintAsync(AfterSalesDb db, Guid complaintId, DateTimeOffset now, CancellationToken ct) =>
        db.Set<ComplaintSlaTracking>().Where(t => t.ComplaintId == complaintId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.NextCheckAt, now).SetProperty(t => t.Version, t => t.Version + 1), ct);
}
