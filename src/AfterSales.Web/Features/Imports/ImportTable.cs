using System.Globalization;
using System.IO.Compression;
using System.Text;
using AfterSales.Web.Infrastructure;
using MiniExcelLibs;

namespace AfterSales.Web.Features.Imports;

/// <summary>
/// A file read as a table of text: the first row is the header, every later row a record. CSV and TSV (RFC 4180 quoting,
/// line breaks inside quotes kept as written, UTF-8 with or without BOM, else GB18030 as Chinese Excel saves it) and the
/// first sheet of an .xlsx workbook. Cells are kept exactly as written; nothing is trimmed.
/// </summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public const int MaxRows = 100_000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d"];

    public string? Cell(int row, int column) => column < Rows[row].Count ? Rows[row][column] : null;

    /// <summary>Reads the file; refuses one that is empty, not a table, or too long.</summary>
    public static Outcome<ImportTable> Read(string fileName, byte[] bytes)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        ImportTable? table;
        try
        {
            table = extension switch
            {
                ".xlsx" => ReadWorkbook(bytes),
                ".csv" or ".tsv" or ".txt" => ReadText(bytes, extension == ".tsv" ? '\t' : null),
                _ => null,
            };
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException or FormatException)
        {
            table = null;
        }

        if (table is null)
        {
            return Outcome<ImportTable>.Invalid("import.file_unreadable", "file");
        }

        if (table.Headers.Count == 0 || table.Headers.All(string.IsNullOrWhiteSpace) || table.Rows.Count == 0)
        {
            return Outcome<ImportTable>.Invalid("import.file_empty", "file");
        }

        return table.Rows.Count > MaxRows ? Outcome<ImportTable>.Invalid("import.file_too_long", "file") : table;
    }

    /// <summary>A date as files write it (2024-04-29, 19950103, 2024/4/29 10:30), in the store's time zone.</summary>
    public static DateTimeOffset? ParseDate(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset.ToUniversalTime();
        }

        if (!DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private static ImportTable ReadWorkbook(byte[] bytes)
    {
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                throw new InvalidDataException("Not a workbook.");
            }
        }

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(r => (IReadOnlyList<string?>)r.Values.Select(Text).ToList())
            .ToList();
        if (rows.Count == 0)
        {
            return new ImportTable([], []);
        }

        var headers = rows[0].Select(h => h ?? string.Empty).ToList();
        var width = headers.FindLastIndex(h => h.Length > 0) + 1;
        var body = rows.Skip(1).Where(r => r.Any(c => !string.IsNullOrEmpty(c))).Select(r => (IReadOnlyList<string?>)r.Take(width).ToList()).ToList();
        return new ImportTable(headers.Take(width).ToList(), body);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ImportTable ReadText(byte[] bytes, char? delimiter)
    {
        var text = Decode(bytes);
        var separator = delimiter ?? Sniff(text);
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var atCellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && atCellStart)
            {
                quoted = true;
                atCellStart = false;
            }
            else if (c == separator)
            {
                record.Add(cell.ToString());
                cell.Clear();
                atCellStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                atCellStart = true;
            }
            else
            {
                cell.Append(c);
                atCellStart = false;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException("A quoted cell is not closed.");
        }

        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        // Blank lines are no records.
        records.RemoveAll(r => r.Count == 1 && r[0].Length == 0);
        if (records.Count == 0)
        {
            return new ImportTable([], []);
        }

        return new ImportTable(records[0], records.Skip(1).Select(r => (IReadOnlyList<string?>)r).ToList());
    }

    private static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(span);
        }
    }

    /// <summary>The separator of the header line: the most frequent of tab, comma and semicolon outside quotes.</summary>
    private static char Sniff(string text)
    {
        var counts = new Dictionary<char, int> { ['\t'] = 0, [','] = 0, [';'] = 0 };
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && counts.TryGetValue(c, out var count))
            {
                counts[c] = count + 1;
            }
        }

        var best = counts.MaxBy(kv => kv.Value);
        return best.Value == 0 ? ',' : best.Key;
    }
}
