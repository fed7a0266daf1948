using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Imports;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;

namespace AfterSales.Web.Tests.Features.Imports;

/// <summary>
/// The two Chinese sets of ../shared/data (internal use only, never copied into the project) imported whole, as they
/// are, when that folder is present (or AFTERSALES_SHARED_DATA names it); skipped with the reason otherwise.
/// </summary>
public abstract class SharedDataImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("cn_auto_complaints_2024/public.csv", "投诉编号", "投诉简述", null)]
    [InlineData("cn_12365auto_complaint_titles/public.csv", "id", "desc", """{"Number":"id","ReceivedAt":"datetime","CoreProblem":"desc","Category":"primary_group","Brand":"brand","Model":"car_model"}""")]
    public async Task Every_row_of_a_shared_chinese_set_is_imported_with_its_text_unchanged(string file, string numberHeader, string textHeader, string? mapping)
    {
        var path = Path.Combine(SharedData() ?? string.Empty, file);
        if (!File.Exists(path))
        {
            Assert.Skip($"Shared data set not found ({path}): set AFTERSALES_SHARED_DATA to the shared/data folder to run this test.");
        }

        var bytes = await File.ReadAllBytesAsync(path, Ct);
        var expected = Read(path, numberHeader, textHeader);
        var admin = await app.ClientForAsync("admin", "zh-CN");
        var store = await app.StoreIdAsync(DemoData.BeijingStore);

        var preview = await (await admin.PostAsync("/api/v1/imports/complaints/preview", Form(bytes, Path.GetFileName(file), store, mapping), Ct)).ReadAsync<ComplaintImportPreview>();
        Assert.Equal(expected.Count, preview.RowsIn);
        foreach (var value in preview.UnmappedCategories)
        {
            await (await admin.PostAsync("/api/v1/imports/category-mappings", new SaveCategoryMappingRequest(value, ComplaintCategory.Parts))).ReadAsync<CategoryMappingView>();
        }

        var result = await (await admin.PostAsync("/api/v1/imports/complaints", Form(bytes, Path.GetFileName(file), store, mapping), Ct)).ReadAsync<ComplaintImportResult>(HttpStatusCode.Created);

        Assert.Equal((expected.Count, expected.Count, 0), (result.Import.RowsIn, result.Import.RowsStored, result.Import.RowsRefused));
        var stored = await app.WithDbAsync(db => db.Set<ComplaintImportLine>().Where(l => l.ImportId == result.Import.Id)
            .Join(db.Set<Complaint>().IgnoreQueryFilters(), l => l.ComplaintId, c => c.Id, (l, c) => new { c.Number, c.CoreProblem, c.IsHistorical })
            .ToListAsync(Ct));
        Assert.Equal(expected.Count, stored.Count);
        Assert.All(stored, c =>
        {
            Assert.True(c.IsHistorical);
            Assert.Equal(Encoding.UTF8.GetBytes(expected[c.Number]), Encoding.UTF8.GetBytes(c.CoreProblem));
        });
    }

    private static Dictionary<string, string> Read(string path, string numberHeader, string textHeader)
    {
        using var parser = new TextFieldParser(path, Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var headers = parser.ReadFields()!.ToList();
        var (number, text) = (headers.IndexOf(numberHeader), headers.IndexOf(textHeader));
        var rows = new Dictionary<string, string>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            rows.Add(fields[number].Trim(), fields[text]);
        }

        return rows;
    }

    private static string? SharedData()
    {
        if (Environment.GetEnvironmentVariable("AFTERSALES_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, Guid storeId, string? mapping)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(storeId.ToString()), "storeId" } };
        if (mapping is not null)
        {
            Assert.NotNull(JsonDocument.Parse(mapping));
            form.Add(new StringContent(mapping), "mapping");
        }

        return form;
    }
}

public sealed class SqliteSharedDataImportTests(SqliteApp app) : SharedDataImportTests<SqliteApp>(app);

public sealed class PostgresSharedDataImportTests(PostgresApp app) : SharedDataImportTests<PostgresApp>(app);
