using AfterSales.Domain.Complaints;
using AfterSales.Domain.Knowledge;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Knowledge;

public sealed record KnowledgeArticleInput(string Title, string Problem, string Cause, string Resolution, IReadOnlyList<string>? Tags = null, ComplaintCategory? Category = null)
{
    public KnowledgeArticleContent ToContent() => new(Title, Problem, Cause, Resolution, Tags ?? [], Category);
}

/// <summary>Writes an article from a closed case; fields left out are taken from the case (problem, 5-whys, plan, sub-category).</summary>
public sealed record CreateArticleFromComplaintRequest(string? Title = null, string? Problem = null, string? Cause = null, string? Resolution = null, IReadOnlyList<string>? Tags = null);

public sealed record UpdateKnowledgeArticleRequest(int Version, KnowledgeArticleInput Article);

public sealed record KnowledgeArticleMoveRequest(int Version);

internal sealed class KnowledgeArticleInputValidator : AbstractValidator<KnowledgeArticleInput>
{
    public KnowledgeArticleInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("knowledge.title_required").MaximumLength(KnowledgeArticle.TitleMaxLength);
        RuleFor(x => x.Problem).NotEmpty().WithErrorCode("knowledge.problem_required").MaximumLength(KnowledgeArticle.TextMaxLength);
        RuleFor(x => x.Cause).NotEmpty().WithErrorCode("knowledge.cause_required").MaximumLength(KnowledgeArticle.TextMaxLength);
        RuleFor(x => x.Resolution).NotEmpty().WithErrorCode("knowledge.resolution_required").MaximumLength(KnowledgeArticle.TextMaxLength);
        RuleFor(x => x.Tags).Must(t => t is null || t.Count <= KnowledgeArticle.MaxTags).WithErrorCode("knowledge.tags_too_many");
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(KnowledgeArticle.TagMaxLength);
        RuleFor(x => x.Category).IsInEnum();
    }
}

internal sealed class UpdateKnowledgeArticleValidator : AbstractValidator<UpdateKnowledgeArticleRequest>
{
    public UpdateKnowledgeArticleValidator() => RuleFor(x => x.Article).NotNull().SetValidator(new KnowledgeArticleInputValidator());
}

/// <summary>
/// Writing the knowledge base: complaint specialists, service managers and administrators. An article from a case
/// needs the case closed and the writer allowed to handle (or review) it; one article per case.
/// </summary>
public sealed class WriteKnowledgeArticle(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard, ComplaintAccess access, TimeProvider clock)
{
    public const string WriteForbidden = "knowledge.write_forbidden";
    public const string ComplaintNotClosed = "knowledge.complaint_not_closed";
    public const string ArticleExists = "knowledge.article_exists";
    public const string ChangedBySomeoneElse = "knowledge.changed_by_someone_else";

    public static bool MayWrite(ICurrentUser user) =>
        user.IsInRole(StaffRole.ComplaintSpecialist) || user.IsInRole(StaffRole.ServiceManager) || user.IsInRole(StaffRole.Administrator);

    private Actor Actor => new(user.UserId, user.UserName);

    public async Task<Outcome<KnowledgeArticleView>> CreateAsync(KnowledgeArticleInput request, CancellationToken ct)
    {
        if (!MayWrite(user))
        {
            return Outcome<KnowledgeArticleView>.Forbidden(WriteForbidden);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<KnowledgeArticleView>.Invalid(errors);
        }

        var article = KnowledgeArticle.Draft(request.ToContent(), null, Actor, clock.GetUtcNow());
        db.Add(article);
        await db.SaveChangesAsync(ct);
        return KnowledgeArticleView.Of(article, mayEdit: true);
    }

    public async Task<Outcome<KnowledgeArticleView>> FromComplaintAsync(Guid complaintId, CreateArticleFromComplaintRequest request, CancellationToken ct)
    {
        // Only complaints the user may open (the confidentiality filter); others answer like unknown ids.
        var complaint = await db.Set<Complaint>().AsNoTracking().Include(c => c.Actions).FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, KnowledgeArticleView>(complaintId, ct);
        }

        if (!MayWrite(user) || !(access.IsReviewer || await access.MayHandleAsync(complaint, ct)))
        {
            return Outcome<KnowledgeArticleView>.Forbidden(WriteForbidden);
        }

        if (!complaint.IsClosed)
        {
            return Outcome<KnowledgeArticleView>.Conflict(ComplaintNotClosed);
        }

        if (await db.Set<KnowledgeArticle>().AnyAsync(a => a.SourceComplaintId == complaint.Id, ct))
        {
            return Outcome<KnowledgeArticleView>.Conflict(ArticleExists);
        }

        // The sub-category in both languages, so that staff find the article in either.
        var subCategory = complaint.SubCategoryId is { } sub
            ? await db.Set<ComplaintSubCategory>().Where(s => s.Id == sub).Select(s => new[] { s.NameZh, s.NameEn }).FirstOrDefaultAsync(ct)
            : null;
        var prefill = KnowledgeArticle.Prefill(complaint, subCategory ?? []);
        var input = new KnowledgeArticleInput(
            request.Title ?? prefill.Title,
            request.Problem ?? prefill.Problem,
            request.Cause ?? prefill.Cause,
            request.Resolution ?? prefill.Resolution,
            request.Tags ?? prefill.Tags,
            prefill.Category);
        var errors = await validation.CheckAsync(input, ct);
        if (errors.Count > 0)
        {
            return Outcome<KnowledgeArticleView>.Invalid(errors);
        }

        var article = KnowledgeArticle.Draft(input.ToContent(), complaint, Actor, clock.GetUtcNow());
        db.Add(article);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<KnowledgeArticleView>.Conflict(ArticleExists);
        }

        return KnowledgeArticleView.Of(article, mayEdit: true);
    }

    public async Task<Outcome<KnowledgeArticleView>> UpdateAsync(Guid id, UpdateKnowledgeArticleRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0
            ? Outcome<KnowledgeArticleView>.Invalid(errors)
            : await MoveAsync(id, request.Version, a => a.Edit(request.Article.ToContent(), Actor, clock.GetUtcNow()), ct);
    }

    public Task<Outcome<KnowledgeArticleView>> PublishAsync(Guid id, KnowledgeArticleMoveRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, a => a.Publish(Actor, clock.GetUtcNow()), ct);

    public Task<Outcome<KnowledgeArticleView>> RetireAsync(Guid id, KnowledgeArticleMoveRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, a => a.Retire(Actor, clock.GetUtcNow()), ct);

    private async Task<Outcome<KnowledgeArticleView>> MoveAsync(Guid id, int version, Func<KnowledgeArticle, Domain.Common.FieldError?> move, CancellationToken ct)
    {
        if (!MayWrite(user))
        {
            return Outcome<KnowledgeArticleView>.Forbidden(WriteForbidden);
        }

        var article = await db.Set<KnowledgeArticle>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return Outcome<KnowledgeArticleView>.NotFound();
        }

        if (article.Version != version)
        {
            return Outcome<KnowledgeArticleView>.Conflict(ChangedBySomeoneElse);
        }

        if (move(article) is { } refusal)
        {
            return Outcome<KnowledgeArticleView>.Conflict(refusal.Code);
        }

        db.Entry(article).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<KnowledgeArticleView>.Conflict(ChangedBySomeoneElse);
        }

        return KnowledgeArticleView.Of(article, mayEdit: true);
    }
}

/// <summary>One article; staff who do not write the knowledge base see published articles only.</summary>
public sealed class GetKnowledgeArticle(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<KnowledgeArticleView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var mayWrite = WriteKnowledgeArticle.MayWrite(user);
        var article = await db.Set<KnowledgeArticle>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && (mayWrite || a.Status == KnowledgeArticleStatus.Published), ct);
        return article is null ? Outcome<KnowledgeArticleView>.NotFound() : KnowledgeArticleView.Of(article, mayWrite);
    }
}
