using System.Globalization;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Labour;
using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace AfterSales.Web.Features.Parts;

/// <summary>What an import did (or, on a preview, would do).</summary>
public sealed record PartImportResult(bool Applied, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<string> CreatedNumbers);

/// <summary>
/// The catalogue as an Excel workbook (导入导出): one row per part, headers in the reader's language. An import
/// accepts the headers of either language, checks every row by the same rules as the editor and saves all rows
/// or none; existing numbers are updated, new numbers created. A preview runs every check and saves nothing.
/// </summary>
public sealed class PartCatalogueExcel(AfterSalesDb db, ICurrentUser user, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 5 * 1024 * 1024;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string FileField = "File";

    /// <summary>The columns, by the key of their header text; cost only for those who may see it.</summary>
    internal static readonly string[] Columns =
    [
        "parts.excel.number", "parts.excel.name_zh", "parts.excel.name_en", "parts.excel.brand", "parts.excel.category",
        "parts.excel.unit", "parts.excel.list_price", "parts.excel.cost", "parts.excel.replaced_by", "parts.excel.fits", "parts.excel.active",
    ];

    private static readonly CultureInfo[] HeaderCultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN")];

    public async Task<Outcome<byte[]>> ExportAsync(CancellationToken ct)
    {
        if (!PartRoles.ManagesCatalogue(user) && !PartRoles.SeesCost(user) && !PartRoles.HandlesStock(user))
        {
            return Outcome<byte[]>.Forbidden();
        }

        var seesCost = PartRoles.SeesCost(user);
        var parts = await db.Set<Part>().AsNoTracking().OrderBy(p => p.Number).ToListAsync(ct);
        var headers = Columns.Where(c => seesCost || c != "parts.excel.cost").ToDictionary(c => c, c => localizer[c].Value);
        var rows = parts.Select(p =>
        {
            var row = new Dictionary<string, object?>
            {
                [headers["parts.excel.number"]] = p.Number,
                [headers["parts.excel.name_zh"]] = p.NameZh,
                [headers["parts.excel.name_en"]] = p.NameEn,
                [headers["parts.excel.brand"]] = p.Brand,
                [headers["parts.excel.category"]] = p.Category.ToString(),
                [headers["parts.excel.unit"]] = p.Unit.ToString(),
                [headers["parts.excel.list_price"]] = p.ListPrice,
            };
            if (seesCost)
            {
                row[headers["parts.excel.cost"]] = p.Cost;
            }

            row[headers["parts.excel.replaced_by"]] = p.ReplacedByNumber ?? string.Empty;
            row[headers["parts.excel.fits"]] = FormatFits(p.Fits);
            row[headers["parts.excel.active"]] = p.IsActive ? "Y" : "N";
            return row;
        }).ToList();

        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            rows.Add(headers.Values.ToDictionary(h => h, _ => (object?)string.Empty));
        }

        stream.SaveAs(rows, sheetName: "Parts", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public async Task<Outcome<PartImportResult>> ImportAsync(Stream workbook, bool apply, CancellationToken ct)
    {
        if (!PartRoles.ManagesCatalogue(user))
        {
            return Outcome<PartImportResult>.Forbidden();
        }

        var read = Read(workbook);
        if (read.Errors.Count > 0)
        {
            return Outcome<PartImportResult>.Invalid(read.Errors);
        }

        var numbers = read.Rows.Select(r => Part.NormalizeNumber(r.Details.Number)).ToList();
        var existing = await db.Set<Part>().Where(p => numbers.Contains(p.Number)).ToDictionaryAsync(p => p.Number, ct);
        int created = 0, updated = 0, unchanged = 0;
        var createdNumbers = new List<string>();
        var now = clock.GetUtcNow();
        foreach (var row in read.Rows)
        {
            var number = Part.NormalizeNumber(row.Details.Number);
            if (existing.TryGetValue(number, out var part))
            {
                if (Same(part, row))
                {
                    unchanged++;
                    continue;
                }

                part.Update(row.Details);
                part.SetActive(row.IsActive);
                updated++;
            }
            else
            {
                part = Part.Create(row.Details, now);
                part.SetActive(row.IsActive);
                db.Add(part);
                created++;
                createdNumbers.Add(number);
            }
        }

        if (apply)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone saved a part with one of these numbers, or changed one of them, since the rows were checked.
                db.ChangeTracker.Clear();
                return Outcome<PartImportResult>.Conflict("part.import_changed_meanwhile");
            }
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        return new PartImportResult(apply, read.Rows.Count, created, updated, unchanged, createdNumbers);
    }

    internal static string FormatFits(IEnumerable<PartFitment> fits) =>
        string.Join("; ", fits.Select(f => string.Join('/', new[] { f.Kind.ToString(), f.Brand, f.Model }.Where(t => !string.IsNullOrEmpty(t)))));

    internal static bool TryParseFits(string? text, out List<PartFitment> fits)
    {
        fits = [];
        foreach (var item in (text ?? string.Empty).Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('/', StringSplitOptions.TrimEntries);
            if (parts.Length > 3 || !Enum.TryParse<AssetKind>(parts[0], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                return false;
            }

            fits.Add(new PartFitment(kind, parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null));
        }

        return true;
    }

    private static bool Same(Part part, ImportRow row)
    {
        var d = row.Details;
        return part.NameZh == d.NameZh.Trim() && part.NameEn == d.NameEn.Trim() && part.Brand == d.Brand.Trim() && part.Category == d.Category
            && part.Unit == d.Unit && part.ListPrice == d.ListPrice && part.Cost == d.Cost && part.IsActive == row.IsActive
            && part.ReplacedByNumber == (Part.NormalizeNumber(d.ReplacedByNumber) is { Length: > 0 } r ? r : null)
            && FormatFits(part.Fits) == FormatFits(d.Fits.Select(f => new PartFitment(f.Kind, Blank(f.Brand), Blank(f.Model))).Distinct());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private (List<ImportRow> Rows, List<FieldError> Errors) Read(Stream workbook)
    {
        var rows = new List<ImportRow>();
        var errors = new List<FieldError>();
        List<IDictionary<string, object?>> sheet;
        try
        {
            sheet = workbook.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Select(r => (IDictionary<string, object?>)r).Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            errors.Add(new FieldError("part.import_not_excel", FileField));
            return (rows, errors);
        }

        if (sheet.Count > MaxRows)
        {
            errors.Add(new FieldError("part.import_too_many_rows", FileField));
            return (rows, errors);
        }

        var columnOf = HeaderMap(sheet.FirstOrDefault()?.Keys ?? []);
        foreach (var required in new[] { "parts.excel.number", "parts.excel.category", "parts.excel.unit", "parts.excel.list_price" })
        {
            if (!columnOf.ContainsKey(required))
            {
                errors.Add(new FieldError("part.import_column_missing", FileField, string.Format(CultureInfo.CurrentCulture, localizer["part.import_column_missing"], localizer[required])));
            }
        }

        if (errors.Count > 0)
        {
            return (rows, errors);
        }

        var seen = new Dictionary<string, int>();
        for (var i = 0; i < sheet.Count; i++)
        {
            var line = i + 2; // the header is row 1
            string Text(string key) => columnOf.TryGetValue(key, out var header) && sheet[i].TryGetValue(header, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty : string.Empty;
            if (Columns.All(c => Text(c).Length == 0))
            {
                continue;
            }

            void Error(string code, string column) => errors.Add(new FieldError(code, $"Rows[{line}].{column}"));
            var category = Enum.TryParse<PartCategory>(Text("parts.excel.category"), ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : (PartCategory?)null;
            var unit = Enum.TryParse<PartUnit>(Text("parts.excel.unit"), ignoreCase: true, out var u) && Enum.IsDefined(u) ? u : (PartUnit?)null;
            var price = Money(Text("parts.excel.list_price"));
            var cost = Text("parts.excel.cost") is { Length: > 0 } costText ? Money(costText) : 0m;
            if (category is null)
            {
                Error("part.import_category_unknown", "Category");
            }

            if (unit is null)
            {
                Error("part.import_unit_unknown", "Unit");
            }

            if (price is null)
            {
                Error("part.import_amount_invalid", "ListPrice");
            }

            if (cost is null)
            {
                Error("part.import_amount_invalid", "Cost");
            }

            if (!TryParseFits(Text("parts.excel.fits"), out var fits) || fits.Count > Part.MaxFitments)
            {
                Error("part.import_fits_invalid", "Fits");
            }

            var active = Text("parts.excel.active").ToUpperInvariant() is not ("N" or "NO" or "FALSE" or "0" or "否");
            var details = new PartDetails(
                Text("parts.excel.number"), Text("parts.excel.name_zh"), Text("parts.excel.name_en"), Text("parts.excel.brand"),
                category ?? PartCategory.Other, unit ?? PartUnit.Piece, price ?? 0m, cost ?? 0m, Text("parts.excel.replaced_by"), fits);
            errors.AddRange(Part.Check(details).Select(e => e with { Field = $"Rows[{line}].{e.Field}" }));
            if (details.NameZh.Length > Part.NameMaxLength || details.NameEn.Length > Part.NameMaxLength)
            {
                Error("part.import_text_too_long", "Name");
            }

            if (details.Brand.Length > Part.BrandMaxLength)
            {
                Error("part.import_text_too_long", "Brand");
            }

            var number = Part.NormalizeNumber(details.Number);
            if (number.Length > 0 && !seen.TryAdd(number, line))
            {
                Error("part.import_duplicate_number", "Number");
            }

            rows.Add(new ImportRow(line, details, active));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError("part.import_empty", FileField));
        }

        return (rows, errors);
    }

    /// <summary>Which header of the sheet holds which column, whichever language the headers are in.</summary>
    private Dictionary<string, string> HeaderMap(IEnumerable<string> headers)
    {
        var byText = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Columns)
        {
            foreach (var culture in HeaderCultures)
            {
                var previous = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = culture;
                try
                {
                    byText.TryAdd(localizer[column].Value.Trim(), column);
                }
                finally
                {
                    CultureInfo.CurrentUICulture = previous;
                }
            }
        }

        var map = new Dictionary<string, string>();
        foreach (var header in headers)
        {
            if (byText.TryGetValue(header.Trim(), out var column))
            {
                map.TryAdd(column, header);
            }
        }

        return map;
    }

    private static decimal? Money(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is >= 0 and < 100_000_000m
            ? Amounts.Round(value)
            : null;

    private sealed record ImportRow(int Line, PartDetails Details, bool IsActive);
}
