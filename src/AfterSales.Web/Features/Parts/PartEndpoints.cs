using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Parts;

public static class PartEndpoints
{
    public static IServiceCollection AddParts(this IServiceCollection services) => services
        .AddScoped<SearchParts>()
        .AddScoped<GetPart>()
        .AddScoped<SavePart>()
        .AddScoped<PartCatalogueExcel>();

    public static void MapParts(this RouteGroupBuilder api)
    {
        var parts = api.MapGroup("/parts").WithTags("Parts");

        parts.MapGet("/", async ([AsParameters] SearchPartsRequest request, SearchParts handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchParts")
            .WithSummary("The parts catalogue: q matches the part number or the Chinese or English name by prefix; filter by category; paged by number.");

        parts.MapGet("/export", async (PartCatalogueExcel handler, Problems problems, TimeProvider clock, CancellationToken ct) =>
                (await handler.ExportAsync(ct)).ToHttp(problems, bytes =>
                    TypedResults.File(bytes, PartCatalogueExcel.ContentType, $"parts-{clock.GetUtcNow():yyyyMMdd}.xlsx")))
            .WithName("ExportParts")
            .WithSummary("The whole catalogue as an Excel workbook, headers in the caller's language; cost only for roles that see it.")
            .Produces(StatusCodes.Status200OK, contentType: PartCatalogueExcel.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        parts.MapPost("/import", async (HttpRequest request, bool? apply, PartCatalogueExcel handler, Problems problems, CancellationToken ct) =>
            {
                var upload = await PartImportUpload.ReadAsync(request, ct);
                if (!upload.IsOk)
                {
                    return upload.As<PartImportResult>().ToHttp(problems);
                }

                using var workbook = upload.Value!;
                return (await handler.ImportAsync(workbook, apply ?? false, ct)).ToHttp(problems);
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("ImportParts")
            .WithSummary("Imports a workbook in the export's layout (headers in either language): every row checked, all saved or none. Without apply=true it only previews.")
            .Produces<PartImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        parts.MapGet("/{id:guid}", async (Guid id, GetPart handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetPart")
            .WithSummary("One part with its supersession: what replaces it and what it replaces.")
            .Produces<PartView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        parts.MapGet("/by-number/{number}", async (string number, GetPart handler, Problems problems, CancellationToken ct) =>
                (await handler.ByNumberAsync(number, ct)).ToHttp(problems))
            .WithName("GetPartByNumber")
            .Produces<PartView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        parts.MapPost("/", async (SavePartRequest request, SavePart handler, Problems problems, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(problems, p => TypedResults.Created($"/api/v1/parts/{p.Id}", p)))
            .WithName("CreatePart")
            .Produces<PartView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        parts.MapPut("/{id:guid}", async (Guid id, SavePartRequest request, SavePart handler, Problems problems, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdatePart")
            .WithSummary("Changes a part; send the version you started from.")
            .Produces<PartView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

/// <summary>Reads the one workbook of an import form into memory, refusing what is missing, too large or not a zip (xlsx) file.</summary>
internal static class PartImportUpload
{
    public static async Task<Outcome<MemoryStream>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Outcome<MemoryStream>.Invalid("file.missing", PartCatalogueExcel.FileField);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            // A malformed or empty multipart body: there is no workbook in it.
            return Outcome<MemoryStream>.Invalid("file.missing", PartCatalogueExcel.FileField);
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null || file.Length == 0)
        {
            return Outcome<MemoryStream>.Invalid("file.missing", PartCatalogueExcel.FileField);
        }

        if (file.Length > PartCatalogueExcel.MaxBytes)
        {
            return Outcome<MemoryStream>.Invalid("part.import_too_large", PartCatalogueExcel.FileField);
        }

        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return buffer;
    }
}
