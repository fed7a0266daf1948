using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Evidence;

/// <summary>Complaints carry evidence files; whoever can open a complaint can see and add its evidence until it is closed.</summary>
public sealed class ComplaintFileOwner(AfterSalesDb db, AccessGuard guard) : FileOwner<Complaint>(guard)
{
    public const string OwnerKind = "complaint";

    public override string Kind => OwnerKind;

    public override async Task<FileOwnerInfo?> FindAsync(Guid ownerId, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().Where(c => c.Id == ownerId).Select(c => new { c.StoreId, c.Status }).FirstOrDefaultAsync(ct);
        return complaint is null ? null : new FileOwnerInfo(complaint.StoreId, complaint.Status == ComplaintStatus.Closed ? "complaint.evidence_closed" : null);
    }
}

public static class ComplaintEvidenceEndpoints
{
    public static IServiceCollection AddComplaintEvidence(this IServiceCollection services) => services.AddFileOwner<ComplaintFileOwner>();

    public static void MapComplaintEvidence(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints/{id:guid}/evidence").WithTags("Complaints");

        group.MapGet("/", async (Guid id, GetFiles handler, Problems problems, CancellationToken ct) =>
                (await handler.ListAsync(ComplaintFileOwner.OwnerKind, id, ct)).ToHttp(problems))
            .WithName("ListComplaintEvidence")
            .WithSummary("The complaint's evidence files, oldest first; download each through its contentUrl.")
            .Produces<IReadOnlyList<StoredFileView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (Guid id, HttpRequest request, UploadFile handler, Problems problems, CancellationToken ct) =>
            {
                var form = await FileEndpoints.ReadUploadAsync(request, ct);
                if (!form.IsOk)
                {
                    return form.Refusal(problems);
                }

                var file = form.Value.File;
                await using var content = file.OpenReadStream();
                return (await handler.HandleAsync(ComplaintFileOwner.OwnerKind, id, file.FileName, content, ct))
                    .ToHttp(problems, f => TypedResults.Created(f.ContentUrl, f));
            })
            .Uploads()
            .Accepts<OwnedFileUploadForm>("multipart/form-data")
            .WithName("AddComplaintEvidence")
            .WithSummary("Adds a photo, video, PDF or receipt to the complaint; the type is decided by content, images lose their metadata.")
            .Produces<StoredFileView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
