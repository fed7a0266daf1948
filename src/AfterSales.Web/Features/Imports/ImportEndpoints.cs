using System.Text.Json;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Imports;

public static class ImportEndpoints
{
    public static IServiceCollection AddImports(this IServiceCollection services) => services
        .AddScoped<ComplaintImportPlanner>()
        .AddScoped<PreviewComplaintImport>()
        .AddScoped<ImportComplaints>()
        .AddScoped<ListComplaintImports>()
        .AddScoped<GetImportErrorSheet>()
        .AddScoped<ListCategoryMappings>()
        .AddScoped<SaveCategoryMapping>()
        .AddScoped<DeleteCategoryMapping>();

    public static void MapImports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports").ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/complaints/preview", async (HttpRequest request, PreviewComplaintImport handler, Problems problems, CancellationToken ct) =>
            {
                var upload = await ReadAsync(request, ct);
                return upload.IsOk ? (await handler.HandleAsync(upload.Value!, ct)).ToHttp(problems) : upload.Refusal(problems);
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("PreviewComplaintImport")
            .WithSummary("Checks a CSV, TSV or .xlsx file of historical complaints without storing anything (form fields: file, storeId, optional mapping as JSON {field: header}): the columns, the mapping used, the first rows, every row's refusals, unmapped categories, and an earlier import of the same file.")
            .Produces<ComplaintImportPreview>()
            .ProducesValidationProblem();

        group.MapPost("/complaints", async (HttpRequest request, ImportComplaints handler, Problems problems, CancellationToken ct) =>
            {
                var upload = await ReadAsync(request, ct);
                if (!upload.IsOk)
                {
                    return upload.Refusal(problems);
                }

                var outcome = await handler.HandleAsync(upload.Value!, ct);
                if (!outcome.IsOk)
                {
                    return outcome.Refusal(problems);
                }

                var result = outcome.Value!;
                return result.Import.Outcome == ImportOutcome.Committed
                    ? TypedResults.Created($"/api/v1/imports/complaints/{result.Import.Id}", result)
                    : Refused(result, problems);
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("ImportComplaints")
            .WithSummary("Imports every row of the file as historical complaints, or none: a refused row answers 400 with the refusals per row (rows[n].field), the import's id and the address of its error sheet. The same file twice in a store is refused (409).")
            .Produces<ComplaintImportResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/complaints", async (ListComplaintImports handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(problems))
            .WithName("ListComplaintImports")
            .WithSummary("The latest imports of the user's stores: who, when, file name and SHA-256, rows in, stored and refused.")
            .Produces<IReadOnlyList<ComplaintImportSummary>>();

        group.MapGet("/complaints/{id:guid}/errors", async (Guid id, GetImportErrorSheet handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems, f => TypedResults.File(f.Content, GetImportErrorSheet.ContentType, f.FileName)))
            .WithName("GetImportErrorSheet")
            .WithSummary("The error sheet of a refused import (.xlsx): row number, column, message, value.")
            .Produces(StatusCodes.Status200OK, contentType: GetImportErrorSheet.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/category-mappings", async (ListCategoryMappings handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(problems))
            .WithName("ListImportCategoryMappings")
            .WithSummary("How categories written in files map to the product's categories.")
            .Produces<IReadOnlyList<CategoryMappingView>>();

        group.MapPost("/category-mappings", async (SaveCategoryMappingRequest request, SaveCategoryMapping handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("SaveImportCategoryMapping")
            .WithSummary("Adds a mapping, or changes the one of the same value (administrators).")
            .Produces<CategoryMappingView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/category-mappings/{id:guid}", async (Guid id, DeleteCategoryMapping handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems, _ => TypedResults.NoContent()))
            .WithName("DeleteImportCategoryMapping")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Refused(ComplaintImportResult result, Problems problems)
    {
        var errors = result.Errors
            .GroupBy(e => $"rows[{e.Row}].{Problems.JsonName(e.Field?.ToString() ?? "row")}")
            .ToDictionary(g => g.Key, g => g.Select(e => problems.Text(new Domain.Common.FieldError(e.Code))).ToArray());
        var sheet = $"/api/v1/imports/complaints/{result.Import.Id}/errors";
        return TypedResults.ValidationProblem(errors, title: problems.Text(new Domain.Common.FieldError("import.rows_refused")), extensions: new Dictionary<string, object?>
        {
            ["codes"] = result.Errors.Select(e => e.Code).Distinct().ToArray(),
            ["importId"] = result.Import.Id,
            ["rowsIn"] = result.Import.RowsIn,
            ["rowsRefused"] = result.Import.RowsRefused,
            ["errorSheet"] = sheet,
        });
    }

    /// <summary>The form of an import: the file, the store, and the mapping (JSON) if the caller chose one.</summary>
    private static async Task<Outcome<ComplaintImportUpload>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Outcome<ComplaintImportUpload>.Invalid("file.missing", "file");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Outcome<ComplaintImportUpload>.Invalid("file.missing", "file");
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null || file.Length == 0)
        {
            return Outcome<ComplaintImportUpload>.Invalid("file.missing", "file");
        }

        if (file.Length > ImportTable.MaxBytes)
        {
            return Outcome<ComplaintImportUpload>.Invalid("import.file_too_large", "file");
        }

        if (!Guid.TryParse(form["storeId"], out var storeId))
        {
            return Outcome<ComplaintImportUpload>.Invalid("import.store_unknown", "storeId");
        }

        IReadOnlyDictionary<ImportField, string>? mapping = null;
        if (!string.IsNullOrWhiteSpace(form["mapping"]))
        {
            try
            {
                mapping = JsonSerializer.Deserialize<Dictionary<ImportField, string>>(form["mapping"].ToString(), ImportComplaints.Json);
            }
            catch (JsonException)
            {
                return Outcome<ComplaintImportUpload>.Invalid("import.mapping_invalid", "mapping");
            }
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new ComplaintImportUpload(storeId, Path.GetFileName(file.FileName), buffer.ToArray(), mapping);
    }
}
