using System.Text.Json;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace AfterSales.Web.Features.Imports;

public sealed record ImportErrorSheetFile(string FileName, byte[] Content);

/// <summary>The refusals of an import as a workbook: row number, column, message (in the reader's language) and the value read.</summary>
public sealed class GetImportErrorSheet(AfterSalesDb db, ICurrentUser user, IStringLocalizer<SharedResource> localizer)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Outcome<ImportErrorSheetFile>> HandleAsync(Guid importId, CancellationToken ct)
    {
        if (!ComplaintImportPlanner.MayImport(user))
        {
            return Outcome<ImportErrorSheetFile>.Forbidden("import.forbidden");
        }

        // The query filter hides other stores' imports, exactly like unknown ids.
        var import = await db.Set<ComplaintImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, ct);
        if (import is null)
        {
            return Outcome<ImportErrorSheetFile>.NotFound();
        }

        if (import.Outcome != ImportOutcome.Refused)
        {
            return Outcome<ImportErrorSheetFile>.Conflict("import.no_errors");
        }

        var errors = JsonSerializer.Deserialize<List<ImportRowError>>(import.Errors, ImportComplaints.Json) ?? [];
        var (row, column, message, value) = (localizer["import.sheet.row"].Value, localizer["import.sheet.column"].Value, localizer["import.sheet.message"].Value, localizer["import.sheet.value"].Value);
        var rows = errors.Select(e => new Dictionary<string, object?>
        {
            [row] = e.Row,
            [column] = e.Column ?? string.Empty,
            [message] = localizer[e.Code].Value,
            [value] = e.Value ?? string.Empty,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: localizer["import.sheet.name"].Value, excelType: ExcelType.XLSX, cancellationToken: ct);
        var name = Path.GetFileNameWithoutExtension(import.FileName);
        return new ImportErrorSheetFile($"{name}-errors.xlsx", stream.ToArray());
    }
}
