using AfterSales.Domain.Surveys;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Surveys;

/// <summary>A new question, or new wording for one (<see cref="Version"/> is the version the editor started from).</summary>
public sealed record SaveSurveyQuestionRequest(SurveyTopic Topic, SurveyQuestionKind Kind, string TextZh, string TextEn, int SortOrder, bool IsActive = true, int Version = 0);

public sealed record UpdateSurveyPolicyRequest(int LowScoreAtMost, int LowRecommendAtMost, int LinkValidDays, int Version);

/// <summary>The questions and the policy, as the administrator's page shows them.</summary>
public sealed record SurveySettingsView(IReadOnlyList<SurveyQuestionView> Questions, SurveyPolicyView Policy);

internal sealed class SaveSurveyQuestionValidator : AbstractValidator<SaveSurveyQuestionRequest>
{
    public SaveSurveyQuestionValidator()
    {
        RuleFor(x => x.Topic).IsInEnum();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.TextZh).NotEmpty().WithErrorCode("survey.question_text_required").MaximumLength(SurveyQuestion.TextMaxLength);
        RuleFor(x => x.TextEn).NotEmpty().WithErrorCode("survey.question_text_required").MaximumLength(SurveyQuestion.TextMaxLength);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 10_000);
    }
}

public sealed class GetSurveySettings(AfterSalesDb db)
{
    public async Task<SurveySettingsView> HandleAsync(CancellationToken ct)
    {
        var questions = await db.Set<SurveyQuestion>().AsNoTracking().OrderBy(q => q.SortOrder).ToListAsync(ct);
        return new SurveySettingsView(questions.Select(SurveyQuestionView.From).ToList(), SurveyPolicyView.From(await SurveyOrders.PolicyAsync(db, ct)));
    }
}

/// <summary>Adds a question or changes one; a change of wording raises its revision, a change of kind is refused (old answers would not fit).</summary>
public sealed class SaveSurveyQuestion(AfterSalesDb db, RequestValidation validation)
{
    public async Task<Outcome<SurveyQuestionView>> HandleAsync(Guid? id, SaveSurveyQuestionRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<SurveyQuestionView>.Invalid(errors);
        }

        SurveyQuestion question;
        if (id is null)
        {
            question = SurveyQuestion.Create(request.Topic, request.Kind, request.TextZh, request.TextEn, request.SortOrder);
            if (!request.IsActive)
            {
                question.Update(request.TextZh, request.TextEn, request.SortOrder, false);
            }

            db.Add(question);
        }
        else
        {
            var found = await db.Set<SurveyQuestion>().FirstOrDefaultAsync(q => q.Id == id, ct);
            if (found is null)
            {
                return Outcome<SurveyQuestionView>.NotFound();
            }

            if (found.Kind != request.Kind || found.Topic != request.Topic)
            {
                return Outcome<SurveyQuestionView>.Invalid("survey.question_kind_fixed", nameof(request.Kind));
            }

            question = found;
            db.Entry(question).Property(q => q.Version).OriginalValue = request.Version;
            question.Update(request.TextZh, request.TextEn, request.SortOrder, request.IsActive);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SurveyQuestionView>.Conflict("survey.changed_by_someone_else");
        }

        return SurveyQuestionView.From(question);
    }
}

public sealed class UpdateSurveyPolicy(AfterSalesDb db)
{
    public async Task<Outcome<SurveyPolicyView>> HandleAsync(UpdateSurveyPolicyRequest request, CancellationToken ct)
    {
        var errors = SurveyPolicy.Check(request.LowScoreAtMost, request.LowRecommendAtMost, request.LinkValidDays);
        if (errors.Count > 0)
        {
            return Outcome<SurveyPolicyView>.Invalid(errors);
        }

        var policy = await db.Set<SurveyPolicy>().FirstAsync(ct);
        db.Entry(policy).Property(p => p.Version).OriginalValue = request.Version;
        policy.Update(request.LowScoreAtMost, request.LowRecommendAtMost, request.LinkValidDays);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SurveyPolicyView>.Conflict("survey.changed_by_someone_else");
        }

        return SurveyPolicyView.From(policy);
    }
}
