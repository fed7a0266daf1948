using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Imports;

/// <summary>The complaint fields a file's columns can be mapped to.</summary>
public enum ImportField
{
    Number,
    ReceivedAt,
    Channel,
    Status,
    Urgency,
    Category,
    CoreProblem,
    CustomerExpectation,
    CustomerName,
    CustomerPhone,
    Brand,
    Model,
    RepairOrderReference,
}

/// <summary>
/// What to import: the file, the store it goes to, and which column feeds which field (by header; null: detected from
/// the headers). Row numbers count as a spreadsheet does: the header is row 1, the first record row 2.
/// </summary>
public sealed record ComplaintImportUpload(Guid StoreId, string FileName, byte[] Content, IReadOnlyDictionary<ImportField, string>? Mapping);

/// <summary>Why a row is refused: its row number, the field and column (header) concerned, a message code, and the value read.</summary>
public sealed record ImportRowError(int Row, ImportField? Field, string? Column, string Code, string? Value);

public sealed record ImportPreviewRow(int Row, IReadOnlyDictionary<ImportField, string?> Values, bool IsValid);

/// <summary>An import as the list and the duplicate warning show it.</summary>
public sealed record ComplaintImportSummary(
    Guid Id, Guid StoreId, string FileName, string Sha256, ImportOutcome Outcome, string UserName, DateTimeOffset At, int RowsIn, int RowsStored, int RowsRefused)
{
    internal static ComplaintImportSummary Of(ComplaintImport i) =>
        new(i.Id, i.StoreId, i.FileName, i.Sha256, i.Outcome, i.UserName, i.At, i.RowsIn, i.RowsStored, i.RowsRefused);
}

/// <summary>
/// The check before committing: the columns found, the mapping used, the first rows as they will be stored, every
/// refusal of every row, the category values no mapping covers yet, and the earlier import of the same file if any.
/// </summary>
public sealed record ComplaintImportPreview(
    string FileName,
    string Sha256,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<ImportField, string> Mapping,
    IReadOnlyList<ImportPreviewRow> FirstRows,
    int RowsIn,
    int RowsValid,
    int RowsRefused,
    IReadOnlyList<ImportRowError> Errors,
    IReadOnlyList<string> UnmappedCategories,
    ComplaintImportSummary? AlreadyImported);

/// <summary>One row ready to store.</summary>
internal sealed record PlannedRow(
    int Row,
    string? Number,
    DateTimeOffset ReceivedAt,
    ComplaintChannel Channel,
    ComplaintStatus Status,
    ComplaintUrgency Urgency,
    ComplaintCategory Category,
    string? SourceCategory,
    string CoreProblem,
    string CustomerExpectation,
    string? CustomerName,
    string? CustomerPhone,
    string? Brand,
    string? Model,
    string? RepairOrderReference);

internal sealed record ComplaintImportPlan(
    ImportTable Table, string Sha256, IReadOnlyDictionary<ImportField, string> Mapping, List<PlannedRow> Rows, List<ImportRowError> Errors, List<string> UnmappedCategories, TimeZoneInfo Zone)
{
    public int RefusedRows => Errors.Select(e => e.Row).Distinct().Count();
}

/// <summary>
/// Reads and checks an import, for the preview and the commit alike (one place for the rules): who may import into the
/// store, the file, the mapping, and every row's fields.
/// </summary>
public sealed partial class ComplaintImportPlanner(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public const int PreviewRows = 10;

    private static readonly ResourceManager Resources = new("AfterSales.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>Headers each field is recognised by (compared without case, spaces or underscores), most specific first.</summary>
    private static readonly Dictionary<ImportField, string[]> Aliases = new()
    {
        [ImportField.Number] = ["投诉编号", "编号", "complaintnumber", "number", "odino", "no", "id"],
        [ImportField.ReceivedAt] = ["投诉日期", "受理日期", "受理时间", "投诉时间", "日期", "receivedat", "received", "date", "datea", "eventdate", "datetime"],
        [ImportField.Channel] = ["受理渠道", "渠道", "来源", "channel"],
        [ImportField.Status] = ["状态", "处理状态", "status"],
        [ImportField.Urgency] = ["紧急程度", "紧急度", "urgency"],
        [ImportField.Category] = ["投诉问题", "投诉类别", "问题类别", "类别", "分类", "category", "componenttop", "faulttype", "productcategory"],
        [ImportField.CoreProblem] = ["投诉简述", "投诉内容", "问题描述", "描述", "简述", "coreproblem", "description", "problem", "cdescr", "desc"],
        [ImportField.CustomerExpectation] = ["诉求", "客户诉求", "customerexpectation", "expectation"],
        [ImportField.CustomerName] = ["客户姓名", "客户", "姓名", "customername", "customer", "name"],
        [ImportField.CustomerPhone] = ["联系电话", "电话", "手机", "手机号", "customerphone", "phone", "mobile"],
        [ImportField.Brand] = ["投诉品牌", "品牌", "brand", "maketxt", "make"],
        [ImportField.Model] = ["投诉车系", "车系", "型号", "model", "modeltxt", "carmodel"],
        [ImportField.RepairOrderReference] = ["维修单号", "工单号", "repairorder", "repairorderreference"],
    };

    public static bool MayImport(ICurrentUser user) => user.IsInRole(StaffRole.ServiceManager) || user.IsInRole(StaffRole.Administrator);

    /// <summary>The mapping a set of headers suggests: each field takes the first header that one of its names matches.</summary>
    public static Dictionary<ImportField, string> Detect(IReadOnlyList<string> headers)
    {
        var keys = headers.Select(Key).ToList();
        var taken = new HashSet<int>();
        var mapping = new Dictionary<ImportField, string>();
        foreach (var (field, names) in Aliases)
        {
            foreach (var name in names)
            {
                var index = keys.FindIndex(k => k == name);
                if (index >= 0 && taken.Add(index))
                {
                    mapping[field] = headers[index];
                    break;
                }
            }
        }

        return mapping;
    }

    internal async Task<Outcome<ComplaintImportPlan>> PlanAsync(ComplaintImportUpload upload, CancellationToken ct)
    {
        if (!MayImport(user))
        {
            return Outcome<ComplaintImportPlan>.Forbidden("import.forbidden");
        }

        var store = await db.Stores.AsNoTracking().Where(s => s.Id == upload.StoreId).Select(s => new { s.Id, s.IsActive, s.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (store is null || !store.IsActive)
        {
            return Outcome<ComplaintImportPlan>.Invalid("import.store_unknown", nameof(upload.StoreId));
        }

        if (!user.Scope.Includes(store.Id))
        {
            return Outcome<ComplaintImportPlan>.Forbidden("common.other_store");
        }

        if (string.IsNullOrWhiteSpace(upload.FileName) || upload.FileName.Length > ComplaintImport.FileNameMaxLength)
        {
            return Outcome<ComplaintImportPlan>.Invalid("import.file_name_invalid", "file");
        }

        if (upload.Content.Length > ImportTable.MaxBytes)
        {
            return Outcome<ComplaintImportPlan>.Invalid("import.file_too_large", "file");
        }

        var read = ImportTable.Read(upload.FileName, upload.Content);
        if (!read.IsOk)
        {
            return read.As<ComplaintImportPlan>();
        }

        var table = read.Value!;
        var mapping = upload.Mapping is { } given ? new Dictionary<ImportField, string>(given) : Detect(table.Headers);
        var mappingErrors = new List<FieldError>();
        foreach (var (field, header) in mapping)
        {
            if (!table.Headers.Contains(header))
            {
                mappingErrors.Add(new FieldError("import.column_missing", $"mapping.{field}"));
            }
        }

        foreach (var required in new[] { ImportField.CoreProblem, ImportField.ReceivedAt })
        {
            if (!mapping.ContainsKey(required))
            {
                mappingErrors.Add(new FieldError(required == ImportField.CoreProblem ? "import.problem_column_required" : "import.date_column_required", $"mapping.{required}"));
            }
        }

        if (mappingErrors.Count > 0)
        {
            return Outcome<ComplaintImportPlan>.Invalid(mappingErrors);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZoneId);
        var categories = await db.Set<ImportCategoryMapping>().AsNoTracking().ToDictionaryAsync(m => m.NormalizedValue, m => m.Category, ct);
        var columns = mapping.ToDictionary(kv => kv.Key, kv => IndexOf(table.Headers, kv.Value));
        var rows = new List<PlannedRow>();
        var errors = new List<ImportRowError>();
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var rowNumber = i + 2;
            string? Get(ImportField f) => columns.TryGetValue(f, out var c) ? table.Cell(i, c) : null;
            var rowErrors = new List<ImportRowError>();
            void Refuse(ImportField f, string code, string? value) => rowErrors.Add(new ImportRowError(rowNumber, f, mapping.GetValueOrDefault(f), code, value));

            var problem = Get(ImportField.CoreProblem);
            if (string.IsNullOrWhiteSpace(problem))
            {
                Refuse(ImportField.CoreProblem, "import.problem_required", problem);
            }
            else if (problem.Length > Complaint.HistoricalTextMaxLength)
            {
                Refuse(ImportField.CoreProblem, "import.problem_too_long", problem[..50] + "…");
            }

            var expectation = Get(ImportField.CustomerExpectation) ?? string.Empty;
            if (expectation.Length > Complaint.HistoricalTextMaxLength)
            {
                Refuse(ImportField.CustomerExpectation, "import.expectation_too_long", expectation[..50] + "…");
            }

            var dateText = Get(ImportField.ReceivedAt);
            var receivedAt = ImportTable.ParseDate(dateText, zone);
            if (receivedAt is null)
            {
                Refuse(ImportField.ReceivedAt, string.IsNullOrWhiteSpace(dateText) ? "import.date_required" : "import.date_invalid", dateText);
            }
            else if (receivedAt > now)
            {
                Refuse(ImportField.ReceivedAt, "import.date_in_future", dateText);
            }

            var number = Blank(Get(ImportField.Number));
            if (number is not null)
            {
                if (number.Length > Complaint.NumberMaxLength)
                {
                    Refuse(ImportField.Number, "import.number_too_long", number);
                }
                else if (numbers.ContainsKey(number))
                {
                    Refuse(ImportField.Number, "import.number_repeated", number);
                }
                else
                {
                    numbers[number] = rowNumber;
                }
            }

            var channel = Parse(Get(ImportField.Channel), ComplaintChannel.Other, out var channelOk);
            if (!channelOk)
            {
                Refuse(ImportField.Channel, "import.channel_unknown", Get(ImportField.Channel));
            }

            var status = Parse(Get(ImportField.Status), ComplaintStatus.Closed, out var statusOk);
            if (!statusOk)
            {
                Refuse(ImportField.Status, "import.status_unknown", Get(ImportField.Status));
            }

            var urgency = Parse(Get(ImportField.Urgency), ComplaintUrgency.Normal, out var urgencyOk);
            if (!urgencyOk)
            {
                Refuse(ImportField.Urgency, "import.urgency_unknown", Get(ImportField.Urgency));
            }

            var sourceCategory = Blank(Get(ImportField.Category));
            var category = ComplaintCategory.Other;
            if (sourceCategory is not null)
            {
                if (categories.TryGetValue(ImportCategoryMapping.Normalize(sourceCategory), out var mapped))
                {
                    category = mapped;
                }
                else
                {
                    category = Parse(sourceCategory, ComplaintCategory.Other, out var categoryOk);
                    if (!categoryOk)
                    {
                        unmapped.Add(sourceCategory.Length > ImportCategoryMapping.SourceMaxLength ? sourceCategory[..ImportCategoryMapping.SourceMaxLength] : sourceCategory);
                        Refuse(ImportField.Category, "import.category_unmapped", sourceCategory);
                    }
                }
            }

            var name = Blank(Get(ImportField.CustomerName));
            if (name is { Length: > Customer.NameMaxLength })
            {
                Refuse(ImportField.CustomerName, "import.customer_name_too_long", name);
            }

            var phoneText = Blank(Get(ImportField.CustomerPhone));
            if (phoneText is not null && !PhoneNumber.IsValid(phoneText))
            {
                Refuse(ImportField.CustomerPhone, "import.phone_invalid", phoneText);
            }

            var brand = Blank(Get(ImportField.Brand));
            var model = Blank(Get(ImportField.Model));
            var reference = Blank(Get(ImportField.RepairOrderReference));
            foreach (var (field, value, max) in new[]
            {
                (ImportField.Brand, brand, ImportCategoryMapping.SourceMaxLength),
                (ImportField.Model, model, ImportCategoryMapping.SourceMaxLength),
                (ImportField.RepairOrderReference, reference, Complaint.RepairOrderReferenceMaxLength),
            })
            {
                if (value is not null && value.Length > max)
                {
                    Refuse(field, "import.value_too_long", value);
                }
            }

            if (sourceCategory is { Length: > ImportCategoryMapping.SourceMaxLength })
            {
                Refuse(ImportField.Category, "import.value_too_long", sourceCategory);
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            rows.Add(new PlannedRow(rowNumber, number, receivedAt!.Value, channel, status, urgency, category, sourceCategory, problem!, expectation,
                name, phoneText is null ? null : PhoneNumber.Normalize(phoneText), brand, model, reference));
        }

        // Numbers are unique across the group: one already taken refuses its row.
        foreach (var chunk in numbers.Keys.ToList().Chunk(500))
        {
            var taken = await db.Set<Complaint>().IgnoreQueryFilters().Where(c => chunk.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct);
            foreach (var number in taken)
            {
                var row = numbers[number];
                errors.Add(new ImportRowError(row, ImportField.Number, mapping[ImportField.Number], "import.number_taken", number));
                rows.RemoveAll(r => r.Row == row);
            }
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new ComplaintImportPlan(table, Sha256Of(upload.Content), mapping, rows, errors, unmapped.ToList(), zone);
    }

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The year and sequence of a number in the product's own form, which the normal numbering must then skip.</summary>
    internal static (int Year, int Sequence)? OwnNumber(string number)
    {
        var match = OwnNumberPattern().Match(number);
        return match.Success ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>A value by its name (Closed) or its label in either language (已结案, Closed); blank gives the default.</summary>
    internal static TEnum Parse<TEnum>(string? text, TEnum fallback, out bool ok)
        where TEnum : struct, Enum
    {
        ok = true;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (!value.All(char.IsAsciiDigit) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var byName) && Enum.IsDefined(byName))
        {
            return byName;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var label = Resources.GetString($"enum.{typeof(TEnum).Name}.{candidate}", CultureInfo.GetCultureInfo(culture));
                if (label is not null && string.Equals(label, value, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }
        }

        ok = false;
        return fallback;
    }

    private static int IndexOf(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] == header)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Key(string header) => new(header.Trim().ToLowerInvariant().Where(c => c is not (' ' or '_' or '-')).ToArray());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^TS-(\d{4})-(\d{6})$")]
    private static partial Regex OwnNumberPattern();
}
