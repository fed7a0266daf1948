using AfterSales.Domain.Common;
using AfterSales.Domain.Parts;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Workshop;

/// <summary>Start or resume: <see cref="Version"/> is the order's version the technician saw.</summary>
public sealed record JobClockRequest(int Version);

/// <summary>Pause a job: why (and a note, required for <see cref="PauseReason.Other"/>).</summary>
public sealed record PauseJobRequest(int Version, PauseReason Reason, string? Note = null);

/// <summary>The work will be late: the new promised time and why.</summary>
public sealed record ReportDelayRequest(int Version, DateTimeOffset NewPromisedAt, string Reason);

/// <summary>Parts the technician needs for a job: the parts clerk sees the request on the job and issues against it.</summary>
public sealed record RequestJobPartsRequest(Guid PartId, decimal Quantity);

internal sealed class PauseJobValidator : AbstractValidator<PauseJobRequest>
{
    public PauseJobValidator()
    {
        RuleFor(x => x.Reason).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(RepairOrder.ReasonMaxLength);
    }
}

internal sealed class ReportDelayValidator : AbstractValidator<ReportDelayRequest>
{
    public ReportDelayValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode(RepairOrder.ReasonRequired).MaximumLength(RepairOrder.ReasonMaxLength);
}

/// <summary>The delay messages of the outbox.</summary>
public static class TechnicianMessages
{
    /// <summary>The customer's car will be ready later than promised: a service message.</summary>
    public static readonly NotificationTemplate Delayed = new("repair_delayed", NotificationPurpose.Service, ["name", "number", "time", "store"]);

    /// <summary>The advisor's alert that a technician reported a delay.</summary>
    public static readonly NotificationTemplate DelayedStaff = new("repair_delayed_staff", NotificationPurpose.Service, ["number", "time", "reason", "by"]);
}

/// <summary>The technician's work on jobs: the job page, start, pause, resume, delays, parts requests.</summary>
public sealed class TechnicianWork(
    RepairOrderGate gate,
    AfterSalesDb db,
    ICurrentUser user,
    AccessGuard guard,
    RequestValidation validation,
    TimeProvider clock,
    Notifications.Notifications notifications,
    ReservePart reserve)
{
    public const string NotYourJob = "repair_job.not_your_job";

    /// <summary>Jobs of the signed or running orders in the user's stores assigned to the user and not finished: assigned, in progress, paused.</summary>
    public async Task<IReadOnlyList<MyJobItem>> MyJobsAsync(CancellationToken ct)
    {
        var me = user.UserId;
        var open = new[] { RepairJobStatus.Assigned, RepairJobStatus.InProgress, RepairJobStatus.Paused };
        var orders = await db.Set<RepairOrder>().AsNoTracking()
            .Where(o => o.Jobs.Any(j => j.TechnicianId == me && open.Contains(j.Status)))
            .Include(o => o.Jobs).Include(o => o.ClockSessions).AsSplitQuery()
            .ToListAsync(ct);
        var assetIds = orders.Select(o => o.AssetId).Distinct().ToList();
        var assets = await db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var now = clock.GetUtcNow();
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        return orders
            .SelectMany(o => o.Jobs.Where(j => j.TechnicianId == me && open.Contains(j.Status)).Select(j => new MyJobItem(
                o.Id, o.Number, j.Id, Domain.Labour.LabourOperation.Name(j.NameZh, j.NameEn, culture), j.Status, j.StatusReason, assets[o.AssetId].DisplayName,
                assets[o.AssetId].Plate, o.CustomerWords, o.PromisedAt, j.Hours, o.ActualHours(j.Id, now))))
            .OrderBy(j => j.Status == RepairJobStatus.InProgress ? 0 : j.Status == RepairJobStatus.Paused ? 1 : 2)
            .ThenBy(j => j.PromisedAt ?? DateTimeOffset.MaxValue)
            .ToList();
    }

    /// <summary>The job page: finds the job by its id alone (the phone link carries only the job).</summary>
    public async Task<Outcome<TechnicianJobView>> JobAsync(Guid jobId, CancellationToken ct)
    {
        var orderId = await db.Set<RepairJob>().Where(j => j.Id == jobId).Select(j => (Guid?)j.RepairOrderId).FirstOrDefaultAsync(ct);
        return orderId is { } id ? await JobAsync(id, jobId, ct) : Outcome<TechnicianJobView>.NotFound();
    }

    public async Task<Outcome<TechnicianJobView>> JobAsync(Guid orderId, Guid jobId, CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, orderId, tracking: false, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, TechnicianJobView>(orderId, ct);
        }

        return order.FindJob(jobId) is { } job
            ? await TechnicianViews.JobAsync(db, order, job, clock.GetUtcNow(), ct)
            : Outcome<TechnicianJobView>.NotFound();
    }

    public Task<Outcome<TechnicianJobView>> StartAsync(Guid orderId, Guid jobId, JobClockRequest request, CancellationToken ct) =>
        MoveAsync(orderId, jobId, request.Version, (order, actor) => order.MoveJob(jobId, RepairJobTrigger.Start, actor, null, gate.Now), ct);

    public Task<Outcome<TechnicianJobView>> ResumeAsync(Guid orderId, Guid jobId, JobClockRequest request, CancellationToken ct) =>
        MoveAsync(orderId, jobId, request.Version, (order, actor) => order.MoveJob(jobId, RepairJobTrigger.Resume, actor, null, gate.Now), ct);

    public async Task<Outcome<TechnicianJobView>> PauseAsync(Guid orderId, Guid jobId, PauseJobRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0
            ? Outcome<TechnicianJobView>.Invalid(errors)
            : await MoveAsync(orderId, jobId, request.Version, (order, actor) => order.PauseJob(jobId, request.Reason, request.Note, actor, gate.Now), ct);
    }

    /// <summary>A later promised time: the order keeps the delay, the customer is told the new time and the advisor is alerted.</summary>
    public async Task<Outcome<RepairOrderView>> ReportDelayAsync(Guid orderId, ReportDelayRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        return await gate.ChangeAsync(orderId, request.Version, async (order, actor) =>
        {
            if (order.ReportDelay(request.NewPromisedAt, request.Reason, actor, gate.Now) is { } refusal)
            {
                return RepairOrderGate.Refused(refusal);
            }

            var (storeName, time) = await TechnicianViews.StoreTimeAsync(db, order.StoreId, request.NewPromisedAt, ct);
            var (customer, mobile) = await TechnicianViews.CustomerAsync(db, order.CustomerId, ct);
            if (mobile is not null)
            {
                notifications.Enqueue(db, new NotificationRequest(
                    TechnicianMessages.Delayed,
                    NotificationChannel.Sms,
                    mobile,
                    new Dictionary<string, string> { ["name"] = customer.ContactPerson ?? customer.Name, ["number"] = order.Number, ["time"] = time, ["store"] = storeName },
                    order.StoreId,
                    customer.Id,
                    customer.ContactConsent));
            }

            var advisor = order.AdvisorId is { } advisorId
                ? await db.Users.AsNoTracking().Where(u => u.Id == advisorId).Select(u => new { u.Email, u.PreferredCulture }).FirstOrDefaultAsync(ct)
                : null;
            if (advisor?.Email is { Length: > 0 } email)
            {
                notifications.Enqueue(db, new NotificationRequest(
                    TechnicianMessages.DelayedStaff,
                    NotificationChannel.Email,
                    email,
                    new Dictionary<string, string> { ["number"] = order.Number, ["time"] = time, ["reason"] = request.Reason.Trim(), ["by"] = actor.UserName },
                    order.StoreId,
                    Culture: advisor.PreferredCulture));
            }

            return null;
        }, ct);
    }

    /// <summary>
    /// The technician asks the parts clerk for parts: a reservation on the job that the clerk issues against
    /// (the parts issue page lists the job's reservations); the technician then confirms receipt of the issue.
    /// </summary>
    public async Task<Outcome<ReservationView>> RequestPartsAsync(Guid orderId, Guid jobId, RequestJobPartsRequest request, CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, orderId, tracking: false, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, ReservationView>(orderId, ct);
        }

        if (order.FindJob(jobId) is not { } job)
        {
            return Outcome<ReservationView>.NotFound();
        }

        if (!job.IsAgreed || job.Status is RepairJobStatus.Done or RepairJobStatus.Checked)
        {
            return Outcome<ReservationView>.Conflict(job.IsAgreed ? RepairJobLifecycle.AlreadyDone : RepairJobLifecycle.NotApproved);
        }

        return await reserve.HandleAsync(
            new ReservePartRequest(order.StoreId, request.PartId, request.Quantity, StockReference.RepairOrderJob, job.Id, TechnicianViews.JobNumber(order, job)), ct);
    }

    private async Task<Outcome<TechnicianJobView>> MoveAsync(Guid orderId, Guid jobId, int version, Func<RepairOrder, RepairOrderActor, FieldError?> move, CancellationToken ct)
    {
        var moved = await gate.ChangeAsync(orderId, version, (order, actor) =>
        {
            // A technician clocks only their own jobs; team leads and the workshop manager may act for them.
            if (order.FindJob(jobId) is { } job && user.IsInRole(StaffRole.Technician) && !user.IsInRole(StaffRole.TeamLead)
                && !user.IsInRole(StaffRole.WorkshopManager) && job.TechnicianId != user.UserId)
            {
                return Task.FromResult<Outcome<RepairOrderView>?>(Outcome<RepairOrderView>.Forbidden(NotYourJob));
            }

            var refusal = move(order, actor);
            return Task.FromResult(refusal is null ? null : refusal.Code == RepairOrder.JobNotFound ? Outcome<RepairOrderView>.NotFound() : RepairOrderGate.Refused(refusal));
        }, ct);
        return moved.IsOk ? await JobAsync(orderId, jobId, ct) : moved.As<TechnicianJobView>();
    }
}
