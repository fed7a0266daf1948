using AfterSales.Domain.Complaints;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>Staff take a complaint from any channel. The store defaults to the customer's store; the urgency rules may raise the urgency chosen.</summary>
public sealed record RecordComplaintRequest(
    ComplaintChannel Channel,
    Guid CustomerId,
    string CoreProblem,
    string CustomerExpectation,
    ComplaintCategory Category,
    ComplaintUrgency Urgency = ComplaintUrgency.Normal,
    Guid? AssetId = null,
    string? RepairOrderReference = null,
    Guid? SubCategoryId = null,
    Responsibility? SuspectedResponsibility = null,
    Guid? StoreId = null,
    Guid? TechnicianId = null)
{
    public ComplaintIntake ToIntake() => new(Channel, CustomerId, AssetId, RepairOrderReference, CoreProblem, CustomerExpectation, Category, SubCategoryId, Urgency, SuspectedResponsibility, TechnicianId);
}

internal sealed class RecordComplaintValidator : AbstractValidator<RecordComplaintRequest>
{
    public RecordComplaintValidator()
    {
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.CustomerId).NotEmpty().WithErrorCode("complaint.customer_required");
        RuleFor(x => x.CoreProblem).NotEmpty().WithErrorCode("complaint.core_problem_required").MaximumLength(Complaint.CoreProblemMaxLength);
        RuleFor(x => x.CustomerExpectation).NotEmpty().WithErrorCode("complaint.expectation_required").MaximumLength(Complaint.ExpectationMaxLength);
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Urgency).IsInEnum();
        RuleFor(x => x.RepairOrderReference).MaximumLength(Complaint.RepairOrderReferenceMaxLength);
        RuleFor(x => x.SuspectedResponsibility).IsInEnum();
    }
}

public sealed class RecordComplaint(AfterSalesDb db, ICurrentUser user, RequestValidation validation, ComplaintIntakeDesk desk, ListTechnicians technicians)
{
    public Task<Outcome<RecordedComplaint>> HandleAsync(RecordComplaintRequest request, CancellationToken ct) => HandleAsync(request, null, ct);

    /// <summary>
    /// Records the complaint; <paramref name="alongside"/> gives a row another module saves in the same transaction
    /// (a survey's link to the complaint it raised), so both commit or neither does.
    /// </summary>
    public async Task<Outcome<RecordedComplaint>> HandleAsync(RecordComplaintRequest request, Func<Complaint, object>? alongside, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RecordedComplaint>.Invalid(errors);
        }

        // Only customers of the user's own stores: the query filter hides the others, exactly like unknown ids.
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == request.CustomerId).Select(c => new { c.Id, c.StoreId }).FirstOrDefaultAsync(ct);
        if (customer is null)
        {
            return Outcome<RecordedComplaint>.Invalid("complaint.customer_unknown", nameof(request.CustomerId));
        }

        if (request.AssetId is { } assetId && !await db.Assets.AnyAsync(a => a.Id == assetId && a.CustomerId == customer.Id, ct))
        {
            return Outcome<RecordedComplaint>.Invalid("complaint.asset_not_customers", nameof(request.AssetId));
        }

        if (request.SubCategoryId is { } subId && !await db.Set<ComplaintSubCategory>().AnyAsync(s => s.Id == subId && s.Category == request.Category && s.IsActive, ct))
        {
            return Outcome<RecordedComplaint>.Invalid("complaint.subcategory_invalid", nameof(request.SubCategoryId));
        }

        var storeId = request.StoreId ?? customer.StoreId;
        var store = await db.Stores.Where(s => s.Id == storeId).Select(s => new { s.Id, s.IsActive }).FirstOrDefaultAsync(ct);
        if (store is null || !store.IsActive)
        {
            return Outcome<RecordedComplaint>.Invalid("complaint.store_unknown", nameof(request.StoreId));
        }

        if (!user.Scope.Includes(store.Id))
        {
            return Outcome<RecordedComplaint>.Forbidden("common.other_store");
        }

        if (request.TechnicianId is { } technicianId && !(await technicians.HandleAsync(store.Id, ct)).Any(t => t.Id == technicianId))
        {
            return Outcome<RecordedComplaint>.Invalid("complaint.technician_invalid", nameof(request.TechnicianId));
        }

        var receipt = await desk.ReceiveAsync(store.Id, request.ToIntake(), new Actor(user.UserId, user.UserName), alongside is null ? null : c => db.Add(alongside(c)), ct);
        var view = await ComplaintViews.ViewAsync(db, receipt.Complaint, user.SeesFullContact, ct);
        return new RecordedComplaint(view, receipt.PossibleDuplicates, receipt.Suggestions);
    }
}
