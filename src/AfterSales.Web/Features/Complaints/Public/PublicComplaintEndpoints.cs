using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.PublicAccess;
using AfterSales.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Web.Features.Complaints.Public;

public static class PublicComplaintEndpoints
{
    public static IServiceCollection AddPublicComplaints(this IServiceCollection services) => services
        .AddScoped<PublicComplaints>()
        .AddScoped<ComplaintConversation>();

    /// <summary>The base of links texted to customers: the address the request came to.</summary>
    public static string PublicBase(this HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>Staff endpoints (under the authorized /api/v1 group): the conversation with the customer.</summary>
    public static void MapComplaintConversation(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints/{id:guid}/messages").WithTags("Complaints");

        group.MapGet("/", async (Guid id, ComplaintConversation handler, Problems problems, CancellationToken ct) =>
                (await handler.ListAsync(id, ct)).ToHttp(problems))
            .WithName("ListComplaintMessages")
            .WithSummary("Messages between the customer (from the tracking page) and the handlers, oldest first.")
            .Produces<IReadOnlyList<ComplaintMessageView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (Guid id, ComplaintMessageRequest request, HttpRequest http, ComplaintConversation handler, Problems problems, CancellationToken ct) =>
                (await handler.ReplyAsync(id, request, http.PublicBase(), ct)).ToHttp(problems, m => TypedResults.Created($"/api/v1/complaints/{id}/messages", m)))
            .WithName("ReplyToComplaintCustomer")
            .WithSummary("Replies to the customer: shown on their tracking page and texted to their mobile with the link.")
            .Produces<ComplaintMessageView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The purpose word of phone verifications for complaints.</summary>
    public const string VerificationPurpose = "complaint";

    /// <summary>Anonymous endpoints: a verified phone (header X-Customer-Token) files; the tracking token in the path opens one complaint.</summary>
    public static void MapPublicComplaints(this RouteGroupBuilder publicApi)
    {
        var filing = publicApi.MapGroup("/complaints").WithTags("Public complaints");

        filing.MapGet("/options", async (HttpContext context, CustomerTokens tokens, PublicComplaints handler, Problems problems, CancellationToken ct) =>
                tokens.ReadPhone(context, VerificationPurpose) is { } phone
                    ? (IResult)TypedResults.Ok(await handler.OptionsAsync(phone, ct))
                    : NotVerified(problems))
            .WithName("GetOnlineComplaintOptions")
            .WithSummary("For a verified phone (X-Customer-Token, purpose \"complaint\"): the customer's name and assets if known, the stores, and their complaints with tracking links.")
            .Produces<CustomerComplaintOptions>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        filing.MapPost("/", async (OnlineComplaintRequest request, HttpContext context, CustomerTokens tokens, PublicComplaints handler, Problems problems, CancellationToken ct) =>
                tokens.ReadPhone(context, VerificationPurpose) is { } phone
                    ? (await handler.FileAsync(phone, request, context.Request.PublicBase(), ct)).ToHttp(problems, f => TypedResults.Created($"/api/v1/public/complaints/track/{f.TrackingToken}", f))
                    : NotVerified(problems))
            .WithName("FileOnlineComplaint")
            .WithSummary("A customer files a complaint (channel OnlineApp); a phone nobody has yet becomes a new customer. Answers the number and the tracking link, also texted.")
            .Produces<FiledComplaint>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        filing.MapPublicComplaintTracking();
    }

    private static ProblemHttpResult NotVerified(Problems problems) =>
        TypedResults.Problem(problems.Problem(StatusCodes.Status401Unauthorized, new Domain.Common.FieldError("complaint.phone_not_verified")));

    private static void MapPublicComplaintTracking(this RouteGroupBuilder complaints)
    {
        var group = complaints.MapGroup("/track/{token}");

        group.MapGet("/", async (string token, PublicComplaints handler, Problems problems, CancellationToken ct) =>
                (await handler.TrackAsync(token, ct)).ToHttp(problems))
            .WithName("TrackComplaint")
            .WithSummary("The customer's view of a complaint: status, timeline, messages and the files they sent.")
            .Produces<ComplaintTrackingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/messages", async (string token, ComplaintMessageRequest request, PublicComplaints handler, Problems problems, CancellationToken ct) =>
                (await handler.AddMessageAsync(token, request, ct)).ToHttp(problems, m => TypedResults.Created($"/api/v1/public/complaints/track/{token}", m)))
            .WithName("AddCustomerComplaintMessage")
            .Produces<ComplaintMessageView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/evidence", async (string token, HttpRequest request, PublicComplaints handler, Problems problems, CancellationToken ct) =>
            {
                var form = await FileEndpoints.ReadUploadAsync(request, ct);
                if (!form.IsOk)
                {
                    return form.Refusal(problems);
                }

                var file = form.Value.File;
                await using var content = file.OpenReadStream();
                return (await handler.AddEvidenceAsync(token, file.FileName, content, ct)).ToHttp(problems, f => TypedResults.Created(f.ContentUrl, f));
            })
            .Uploads()
            .Accepts<OwnedFileUploadForm>("multipart/form-data")
            .WithName("AddCustomerComplaintEvidence")
            .Produces<TrackedFile>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/evidence/{fileId:guid}/content", async (string token, Guid fileId, PublicComplaints handler, Problems problems, HttpContext context, CancellationToken ct) =>
                (await handler.OpenEvidenceAsync(token, fileId, thumbnail: false, ct)).ToHttp(problems, d => FileEndpoints.Serve(context, d)))
            .WithName("DownloadCustomerComplaintEvidence")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/evidence/{fileId:guid}/thumbnail", async (string token, Guid fileId, PublicComplaints handler, Problems problems, HttpContext context, CancellationToken ct) =>
                (await handler.OpenEvidenceAsync(token, fileId, thumbnail: true, ct)).ToHttp(problems, d => FileEndpoints.Serve(context, d)))
            .WithName("DownloadCustomerComplaintEvidenceThumbnail")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
