using AfterSales.Domain.Complaints;
using AfterSales.Domain.Customers;
using FluentValidation;

namespace AfterSales.Web.Features.Complaints.Public;

internal sealed class OnlineComplaintValidator : AbstractValidator<OnlineComplaintRequest>
{
    public OnlineComplaintValidator()
    {
        RuleFor(x => x.CoreProblem).NotEmpty().WithErrorCode("complaint.core_problem_required").MaximumLength(Complaint.CoreProblemMaxLength);
        RuleFor(x => x.CustomerExpectation).NotEmpty().WithErrorCode("complaint.expectation_required").MaximumLength(Complaint.ExpectationMaxLength);
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Name).MaximumLength(Customer.NameMaxLength);
        RuleFor(x => x.RepairOrderReference).MaximumLength(Complaint.RepairOrderReferenceMaxLength);
    }
}

public sealed record ComplaintMessageRequest(string Body);

internal sealed class ComplaintMessageValidator : AbstractValidator<ComplaintMessageRequest>
{
    public ComplaintMessageValidator()
    {
        RuleFor(x => x.Body).NotEmpty().WithErrorCode("complaint.message_required").MaximumLength(ComplaintMessage.BodyMaxLength);
    }
}
