using System.Net;
using System.Net.Http.Headers;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace AfterSales.Web.Tests.Features.Parts;

public abstract class PartCatalogueExcelTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_export_is_a_workbook_of_every_part_that_imports_back_unchanged()
    {
        var clerk = await app.ClientForAsync("parts", "en");

        var export = await clerk.GetAsync("/api/v1/parts/export", Ct);
        await export.ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(PartCatalogueExcel.ContentType, export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        var rows = Rows(bytes);
        var superseded = Assert.Single(rows, r => (string)r["Part number"]! == "BYD-3501000-HAN");
        Assert.Equal("BYD-3501010-HAN", superseded["Replaced by"]);
        Assert.Contains(rows, r => r.ContainsKey("Cost"));

        var preview = await (await clerk.PostAsync("/api/v1/parts/import", Workbook(bytes), Ct)).ReadAsync<PartImportResult>();

        Assert.Equal((false, rows.Count, 0, 0, rows.Count), (preview.Applied, preview.Rows, preview.Created, preview.Updated, preview.Unchanged));
    }

    [Fact]
    public async Task An_import_with_chinese_headers_adds_and_changes_parts_but_a_preview_saves_nothing()
    {
        var clerk = await app.ClientForAsync("parts", "zh-CN");
        var number = $"XLS-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var sheet = new[]
        {
            Row(number, "测试刹车片", "Test brake pads", "Brake", "Set", "388.5", "Vehicle/BYD/Han; Vehicle/Tesla"),
            Row("BYD-3501010-HAN", "前刹车片（新）", "Front brake pads (new)", "Brake", "Set", "468", "Vehicle/BYD/Han"),
        };

        var preview = await (await clerk.PostAsync("/api/v1/parts/import", Workbook(sheet), Ct)).ReadAsync<PartImportResult>();
        Assert.Equal((false, 1, 1), (preview.Applied, preview.Created, preview.Updated));
        await (await clerk.GetAsync($"/api/v1/parts/by-number/{number}", Ct)).ExpectStatusAsync(HttpStatusCode.NotFound);

        var applied = await (await clerk.PostAsync("/api/v1/parts/import?apply=true", Workbook(sheet), Ct)).ReadAsync<PartImportResult>();

        Assert.Equal((true, 1, 1), (applied.Applied, applied.Created, applied.Updated));
        Assert.Equal([number], applied.CreatedNumbers);
        var added = await (await clerk.GetAsync($"/api/v1/parts/by-number/{number}", Ct)).ReadAsync<PartView>();
        Assert.Equal((388.50m, 2), (added.ListPrice, added.Fits.Count));
        var changed = await (await clerk.GetAsync("/api/v1/parts/by-number/BYD-3501010-HAN", Ct)).ReadAsync<PartView>();
        Assert.Equal((468m, "前刹车片（新）"), (changed.ListPrice, changed.NameZh));
    }

    [Fact]
    public async Task A_workbook_with_bad_rows_is_refused_row_by_row_and_nothing_is_saved()
    {
        var clerk = await app.ClientForAsync("parts", "en");
        var good = $"XLS-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var sheet = new[]
        {
            Row(good, "好零件", "Good part", "Filter", "Piece", "10", string.Empty),
            Row("XLS-BAD-1", "坏零件", "Bad part", "Spaceship", "Piece", "-3", "Boat/Yamaha"),
            Row(good, "重复", "Duplicate", "Filter", "Piece", "10", string.Empty),
        };

        var problem = await (await clerk.PostAsync("/api/v1/parts/import?apply=true", Workbook(sheet), Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("rows[3].category", problem.Errors.Keys);
        Assert.Contains("rows[3].listPrice", problem.Errors.Keys);
        Assert.Contains("rows[3].fits", problem.Errors.Keys);
        Assert.Contains("rows[4].number", problem.Errors.Keys);
        await (await clerk.GetAsync($"/api/v1/parts/by-number/{good}", Ct)).ExpectStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_catalogue_managers_import_and_a_file_that_is_not_a_workbook_is_refused()
    {
        var advisor = await app.ClientForAsync("advisor", "en");
        var clerk = await app.ClientForAsync("parts", "en");
        var sheet = new[] { Row("XLS-ROLE-1", "零件", "Part", "Filter", "Piece", "1", string.Empty) };

        await (await advisor.PostAsync("/api/v1/parts/import?apply=true", Workbook(sheet), Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var notExcel = new MultipartFormDataContent { { new ByteArrayContent("<script>alert(1)</script>"u8.ToArray()), "file", "parts.xlsx" } };
        var problem = await (await clerk.PostAsync("/api/v1/parts/import", notExcel, Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("part.import_not_excel", problem.Codes);
        var noFile = await (await clerk.PostAsync("/api/v1/parts/import", new MultipartFormDataContent(), Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("file.missing", noFile.Codes);
    }

    private static Dictionary<string, object?> Row(string number, string nameZh, string nameEn, string category, string unit, string price, string fits) => new()
    {
        ["零件号"] = number,
        ["中文名称"] = nameZh,
        ["英文名称"] = nameEn,
        ["品牌"] = "Test",
        ["类别"] = category,
        ["单位"] = unit,
        ["销售价"] = price,
        ["成本价"] = "1",
        ["替代零件号"] = string.Empty,
        ["适用车型/产品"] = fits,
        ["启用(Y/N)"] = "Y",
    };

    private static List<IDictionary<string, object?>> Rows(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Select(r => (IDictionary<string, object?>)r).ToList();
    }

    private static MultipartFormDataContent Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return Workbook(stream.ToArray());
    }

    private static MultipartFormDataContent Workbook(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(PartCatalogueExcel.ContentType);
        return new MultipartFormDataContent { { file, "file", "parts.xlsx" } };
    }
}

public sealed class SqlitePartCatalogueExcelTests(SqliteApp app) : PartCatalogueExcelTests<SqliteApp>(app);

public sealed class PostgresPartCatalogueExcelTests(PostgresApp app) : PartCatalogueExcelTests<PostgresApp>(app);
