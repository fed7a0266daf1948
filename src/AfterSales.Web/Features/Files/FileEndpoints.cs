using AfterSales.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Web.Features.Files;

/// <summary>The multipart form of an upload, for the OpenAPI document.</summary>
public sealed record FileUploadForm(string OwnerKind, Guid OwnerId, IFormFile File);

/// <summary>The multipart form of an upload to a known owner (a complaint's evidence).</summary>
public sealed record OwnedFileUploadForm(IFormFile File);

public static class FileEndpoints
{
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.AddOptions<FileStorageOptions>().BindConfiguration(FileStorageOptions.Section);
        return services
            .AddSingleton<FileStorage>()
            .AddScoped<FileOwners>()
            .AddScoped<FileIntake>()
            .AddScoped<UploadFile>()
            .AddScoped<GetFiles>();
    }

    /// <summary>Makes a module's records able to carry files: uploads, lists and downloads check visibility through it.</summary>
    public static IServiceCollection AddFileOwner<TOwner>(this IServiceCollection services)
        where TOwner : class, IFileOwner => services.AddScoped<IFileOwner, TOwner>();

    public static void MapFiles(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/files").WithTags("Files");

        group.MapPost("/", async (HttpRequest request, UploadFile handler, Problems problems, CancellationToken ct) =>
            {
                var form = await ReadUploadAsync(request, ct);
                if (!form.IsOk)
                {
                    return form.Refusal(problems);
                }

                var (fields, file) = form.Value!;
                if (!Guid.TryParse(fields["ownerId"], out var ownerId))
                {
                    return problems.Validation([new("common.invalid_value", "OwnerId")]);
                }

                await using var content = file.OpenReadStream();
                return (await handler.HandleAsync(fields["ownerKind"], ownerId, file.FileName, content, ct))
                    .ToHttp(problems, f => TypedResults.Created(f.ContentUrl, f));
            })
            .Uploads()
            .Accepts<FileUploadForm>("multipart/form-data")
            .WithName("UploadFile")
            .WithSummary("Attaches a file to a record (ownerKind: complaint, …). Type decided by content; images re-encoded without metadata.")
            .Produces<StoredFileView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", async (string ownerKind, Guid ownerId, GetFiles handler, Problems problems, CancellationToken ct) =>
                (await handler.ListAsync(ownerKind, ownerId, ct)).ToHttp(problems))
            .WithName("ListFiles")
            .WithSummary("The files of a record, oldest first.")
            .Produces<IReadOnlyList<StoredFileView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}", async (Guid id, GetFiles handler, Problems problems, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(problems))
            .WithName("GetFile")
            .Produces<StoredFileView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/content", async (Guid id, GetFiles handler, Problems problems, HttpContext context, CancellationToken ct) =>
                (await handler.OpenAsync(id, thumbnail: false, ct)).ToHttp(problems, d => Serve(context, d)))
            .WithName("DownloadFile")
            .WithSummary("The stored bytes. Images and PDFs open inline, everything else downloads; range requests supported.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/thumbnail", async (Guid id, GetFiles handler, Problems problems, HttpContext context, CancellationToken ct) =>
                (await handler.OpenAsync(id, thumbnail: true, ct)).ToHttp(problems, d => Serve(context, d)))
            .WithName("DownloadFileThumbnail")
            .WithSummary("A small JPEG of an image file.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Upload endpoints read the form themselves (so a missing or oversized file is a localized field error) and
    /// allow bodies up to the configured limit plus room for the form around it. Antiforgery is off: cookie
    /// callers are protected by the SameSite=Lax session cookie, token callers need none.
    /// </summary>
    public static RouteHandlerBuilder Uploads(this RouteHandlerBuilder builder) => builder
        .DisableAntiforgery()
        .AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<FileStorageOptions>>().Value;
            if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = options.MaxBytes + (1024 * 1024);
            }

            return await next(context);
        });

    /// <summary>The form's fields and its one file, or a field error that says what is missing or too large.</summary>
    public static async Task<Outcome<(IFormCollection Fields, IFormFile File)>> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Outcome<(IFormCollection, IFormFile)>.Invalid("file.missing", FileIntake.Field);
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<FileStorageOptions>>().Value;
        var intake = request.HttpContext.RequestServices.GetRequiredService<FileIntake>();
        IFormCollection form;
        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = options.MaxBytes + (1024 * 1024) }));
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own limit: the file is larger than the configured maximum.
            return Outcome<(IFormCollection, IFormFile)>.Invalid([intake.TooLarge()]);
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null)
        {
            return Outcome<(IFormCollection, IFormFile)>.Invalid("file.missing", FileIntake.Field);
        }

        if (file.Length > options.MaxBytes)
        {
            return Outcome<(IFormCollection, IFormFile)>.Invalid([intake.TooLarge()]);
        }

        return (form, file);
    }

    /// <summary>
    /// Sends stored bytes so that a browser cannot be tricked into running them: the type is the one decided at
    /// upload, sniffing is off, only images and PDFs may show inline, and the content security policy forbids
    /// scripts, plugins and framing by other sites.
    /// </summary>
    public static IResult Serve(HttpContext context, FileDownload download)
    {
        var file = download.File;
        var type = FileTypes.All.FirstOrDefault(t => t.ContentType == file.ContentType);
        var contentType = download.IsThumbnail ? "image/jpeg" : file.ContentType;
        var inline = download.IsThumbnail || type?.ShowsInline == true;
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = file.ContentType == "application/pdf" && !download.IsThumbnail
            ? "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'"
            : "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers[HeaderNames.CacheControl] = "private, no-cache";
        var name = download.IsThumbnail ? Path.ChangeExtension(file.FileName, null) + "-thumbnail.jpg" : file.FileName;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(name);
        headers[HeaderNames.ContentDisposition] = disposition.ToString();
        var etag = new EntityTagHeaderValue($"\"{file.Sha256[..32]}{(download.IsThumbnail ? "-t" : string.Empty)}\"");
        return TypedResults.PhysicalFile(download.Path, contentType, lastModified: file.CreatedAt, entityTag: etag, enableRangeProcessing: !download.IsThumbnail);
    }
}
