using AfterSales.Domain.Appointments;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Service;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

/// <summary>What a customer sees of their own appointment: no staff notes, no other customers.</summary>
public sealed record MyAppointmentView(
    Guid Id,
    AppointmentStatus Status,
    Guid StoreId,
    string StoreName,
    string StoreAddress,
    Guid AssetId,
    string AssetName,
    string CustomerNeed,
    IReadOnlyList<WorkshopSkill> Skills,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    ThingsToBring Bring,
    bool CanReschedule,
    bool CanCancel,
    int Version);

public sealed record MyAsset(Guid Id, Guid StoreId, string Name);

public sealed record PublicStore(Guid Id, string Name, string Address);

/// <summary>Everything the customer's page shows after the phone check: their appointments, their assets, the stores.</summary>
public sealed record MyAppointments(IReadOnlyList<MyAppointmentView> Appointments, IReadOnlyList<MyAsset> Assets, IReadOnlyList<PublicStore> Stores);

/// <summary>
/// A customer books for one of their own assets; the store's advisors plan the work from the need. <see cref="ReminderToken"/>
/// comes from a reminder's booking link: the booking is then store-initiated and counted for that reminder.
/// </summary>
public sealed record BookMyAppointmentRequest(Guid AssetId, Guid StoreId, DateTimeOffset SlotStart, WorkshopSkill Skill, string CustomerNeed, string? ReminderToken = null);

public sealed record RescheduleMyAppointmentRequest(int Version, DateTimeOffset SlotStart);

public sealed record CancelMyAppointmentRequest(int Version, string? Reason = null);

/// <summary>A store's arrival slots of a day with the seats left, nothing about who booked them.</summary>
public sealed record PublicSlot(DateTimeOffset Start, DateTimeOffset End, int SeatsLeft);

internal sealed class BookMyAppointmentValidator : AbstractValidator<BookMyAppointmentRequest>
{
    public BookMyAppointmentValidator()
    {
        RuleFor(x => x.AssetId).NotEmpty().WithErrorCode("appointment.asset_required");
        RuleFor(x => x.StoreId).NotEmpty().WithErrorCode("appointment.store_unknown");
        RuleFor(x => x.SlotStart).NotEmpty().WithErrorCode("appointment.slot_required");
        RuleFor(x => x.Skill).IsInEnum();
        RuleFor(x => x.CustomerNeed).NotEmpty().WithErrorCode("appointment.need_required").MaximumLength(Appointment.NeedMaxLength);
    }
}

internal sealed class RescheduleMyAppointmentValidator : AbstractValidator<RescheduleMyAppointmentRequest>
{
    public RescheduleMyAppointmentValidator() => RuleFor(x => x.SlotStart).NotEmpty().WithErrorCode("appointment.slot_required");
}

internal sealed class CancelMyAppointmentValidator : AbstractValidator<CancelMyAppointmentRequest>
{
    public CancelMyAppointmentValidator() => RuleFor(x => x.Reason).MaximumLength(Appointment.ReasonMaxLength);
}

/// <summary>
/// The customer's own appointments, reached with a verified phone number instead of a login. The phone decides
/// whose rows these are: every query here ignores the staff store filters and checks the phone itself, and an
/// appointment of somebody else answers exactly like one that does not exist.
/// </summary>
public sealed class PublicAppointments(
    AfterSalesDb db,
    TimeProvider clock,
    RequestValidation validation,
    CapacityPlanner planner,
    VisitHistory visits,
    RescheduleAppointment rescheduling)
{
    /// <summary>A self-service booking plans one hour of the chosen trade; the advisor refines it when confirming.</summary>
    public const decimal DefaultHours = 1m;
    public const int PastDaysShown = 90;

    public async Task<MyAppointments> ListAsync(string phone, CancellationToken ct)
    {
        var customers = await CustomersAsync(phone, ct);
        var ids = customers.Select(c => c.Id).ToList();
        var since = clock.GetUtcNow().AddDays(-PastDaysShown);
        var rows = await db.Set<Appointment>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.CustomerId) && a.SlotStart >= since)
            .OrderByDescending(a => a.SlotStart)
            .ToListAsync(ct);
        var assets = await db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.CustomerId)).ToListAsync(ct);
        var stores = await db.Stores.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).ToListAsync(ct);
        var storeNames = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var assetNames = assets.ToDictionary(a => a.Id, a => a.DisplayName);
        return new MyAppointments(
            rows.Select(a => View(a, storeNames[a.StoreId], assetNames.GetValueOrDefault(a.AssetId, string.Empty))).ToList(),
            assets.Select(a => new MyAsset(a.Id, a.StoreId, a.DisplayName)).ToList(),
            stores.Select(s => new PublicStore(s.Id, s.Name, s.Address)).ToList());
    }

    public async Task<Outcome<IReadOnlyList<PublicSlot>>> SlotsAsync(Guid storeId, DateOnly date, CancellationToken ct)
    {
        var plan = await planner.LoadAsync(storeId, ct);
        if (plan is null || !plan.Store.IsActive)
        {
            return Outcome<IReadOnlyList<PublicSlot>>.NotFound();
        }

        var now = clock.GetUtcNow();
        var load = await planner.DayLoadAsync(plan, date, null, ct);
        var advisors = plan.AdvisorsOn(date);
        return SlotPlanner.SlotsOn(plan.Calendar, date, plan.SlotMinutes)
            .Where(s => s > now)
            .Select(s => new PublicSlot(s, s.AddMinutes(plan.SlotMinutes), Math.Max(0, advisors - load.Taken(s))))
            .ToList();
    }

    public async Task<BookingResult<MyAppointmentView>> BookAsync(string phone, BookMyAppointmentRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<MyAppointmentView>.Invalid(errors);
        }

        var customers = await CustomersAsync(phone, ct);
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AssetId, ct);
        var customer = customers.FirstOrDefault(c => c.Id == asset?.CustomerId);
        if (asset is null || customer is null)
        {
            return Outcome<MyAppointmentView>.Invalid("appointment.asset_not_customers", nameof(request.AssetId));
        }

        var plan = await planner.LoadAsync(request.StoreId, ct);
        if (plan is null || !plan.Store.IsActive)
        {
            return Outcome<MyAppointmentView>.Invalid("appointment.store_unknown", nameof(request.StoreId));
        }

        var now = clock.GetUtcNow();
        if (BookAppointment.CheckSlot(plan, request.SlotStart, false, now) is { } slotError)
        {
            return Outcome<MyAppointmentView>.Invalid([slotError]);
        }

        RequestedService[] services = [new(request.CustomerNeed.Length > Appointment.ServiceDescriptionMaxLength ? request.CustomerNeed[..Appointment.ServiceDescriptionMaxLength] : request.CustomerNeed, request.Skill, DefaultHours)];
        var load = await planner.DayLoadAsync(plan, plan.LocalDate(request.SlotStart), null, ct);
        if (CapacityPlanner.Refusal(plan, load, request.SlotStart, services) is { } full)
        {
            return await FullAsync(plan, request.SlotStart, services, null, full, ct);
        }

        var summary = await visits.ForAssetAsync(asset.Id, plan.StoreId, [request.Skill], null, ct);
        var reminder = await Reminders.ReminderBookings.ByTokenAsync(db, request.ReminderToken, asset.Id, ct);
        var booking = new AppointmentBooking(
            reminder is null ? AppointmentChannel.Web : AppointmentChannel.Reminder, customer.Id, asset.Id, asset.MileageKm, request.CustomerNeed, services, null, request.SlotStart, plan.SlotMinutes, null,
            null, null, ThingsToBring.Registration, null, false, null, null, null);
        var appointment = Appointment.Book(plan.StoreId, booking, summary.IsRepeatRepair, CustomerActor(customer), now);
        db.Add(appointment);
        await Reminders.ReminderBookings.LinkAsync(db, appointment, reminder, now, ct);
        if (await planner.SaveWithSeatAsync(plan, appointment, true, ct) is { } lost)
        {
            return await FullAsync(plan, request.SlotStart, services, null, lost, ct);
        }

        return Outcome<MyAppointmentView>.Ok(View(appointment, plan.Store, asset.DisplayName));
    }

    public async Task<BookingResult<MyAppointmentView>> RescheduleAsync(string phone, Guid id, RescheduleMyAppointmentRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<MyAppointmentView>.Invalid(errors);
        }

        var (appointment, customer, refused) = await LoadAsync(phone, id, request.Version, ct);
        if (appointment is null)
        {
            return refused!;
        }

        var result = await rescheduling.MoveAsync(appointment, new RescheduleAppointmentRequest(request.Version, request.SlotStart, null, null, true), CustomerActor(customer!), ct);
        return result.Outcome.IsOk
            ? Outcome<MyAppointmentView>.Ok(await ViewAsync(appointment, ct))
            : new BookingResult<MyAppointmentView>(result.Outcome.As<MyAppointmentView>(), result.NextFreeSlots);
    }

    public async Task<Outcome<MyAppointmentView>> CancelAsync(string phone, Guid id, CancelMyAppointmentRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<MyAppointmentView>.Invalid(errors);
        }

        var (appointment, customer, refused) = await LoadAsync(phone, id, request.Version, ct);
        if (appointment is null)
        {
            return refused!;
        }

        if (appointment.Cancel(CustomerActor(customer!), string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason, clock.GetUtcNow()) is { } refusal)
        {
            return Outcome<MyAppointmentView>.Conflict(refusal.Code);
        }

        await planner.ReleaseSeatAsync(appointment.Id, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<MyAppointmentView>.Conflict(AppointmentGate.ChangedBySomeoneElse);
        }

        return await ViewAsync(appointment, ct);
    }

    /// <summary>The customer acts in the history under their own name, without a staff id.</summary>
    private static Actor CustomerActor(Customer customer) => new(null, customer.ContactPerson ?? customer.Name);

    private async Task<List<Customer>> CustomersAsync(string phone, CancellationToken ct)
    {
        var number = PhoneNumber.Normalize(phone);
        var ids = db.SearchTerms.Where(t => t.Term == number && t.AssetId == null).Select(t => t.CustomerId);
        var candidates = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        return candidates.Where(c => c.Phones.Any(p => p.Number == number)).ToList();
    }

    private async Task<(Appointment? Appointment, Customer? Customer, Outcome<MyAppointmentView>? Refused)> LoadAsync(string phone, Guid id, int version, CancellationToken ct)
    {
        var customers = await CustomersAsync(phone, ct);
        var appointment = await db.Set<Appointment>().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id, ct);
        var customer = customers.FirstOrDefault(c => c.Id == appointment?.CustomerId);
        if (appointment is null || customer is null)
        {
            return (null, null, Outcome<MyAppointmentView>.NotFound());
        }

        if (appointment.Version != version)
        {
            return (null, null, Outcome<MyAppointmentView>.Conflict(AppointmentGate.ChangedBySomeoneElse));
        }

        db.Entry(appointment).Property(a => a.Version).OriginalValue = version;
        return (appointment, customer, null);
    }

    private async Task<MyAppointmentView> ViewAsync(Appointment appointment, CancellationToken ct)
    {
        var store = await db.Stores.AsNoTracking().FirstAsync(s => s.Id == appointment.StoreId, ct);
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == appointment.AssetId, ct);
        return View(appointment, store, asset.DisplayName);
    }

    private static MyAppointmentView View(Appointment a, Domain.Stores.Store store, string assetName) => new(
        a.Id, a.Status, a.StoreId, store.Name, store.Address, a.AssetId, assetName, a.CustomerNeed, a.Skills, a.SlotStart, a.SlotEnd, a.Bring,
        AppointmentLifecycle.Decide(a.Status, AppointmentTrigger.Reschedule).IsAllowed,
        AppointmentLifecycle.Decide(a.Status, AppointmentTrigger.Cancel).IsAllowed,
        a.Version);

    private async Task<BookingResult<MyAppointmentView>> FullAsync(StorePlan plan, DateTimeOffset slot, IReadOnlyList<RequestedService> services, Guid? excluding, FieldError refusal, CancellationToken ct) =>
        new(Outcome<MyAppointmentView>.Conflict(refusal.Code), await planner.NextFreeAsync(plan, slot, services, excluding, ct));
}
