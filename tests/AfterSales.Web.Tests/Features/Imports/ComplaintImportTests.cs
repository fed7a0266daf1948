using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Features.Imports;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Features.ComplaintSla;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AfterSales.Web.Tests.Features.Imports;

public abstract class ComplaintImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nhtsa_flat_cmpl_sample.csv", "ODINO", "COMPONENT_TOP")]
    [InlineData("openrepair_mobifix_sample.csv", "id", "fault_type")]
    [InlineData("openrepair_fixitclinic_sample.csv", "id", "product_category")]
    public async Task Every_row_of_a_real_public_set_is_imported_and_its_text_reads_back_byte_for_byte(string fixture, string numberHeader, string categoryHeader)
    {
        var admin = await app.ClientForAsync("admin", "en");
        var store = await app.StoreIdAsync(DemoData.BeijingStore);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Features/Imports/Fixtures", fixture), Ct);
        var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Features/Imports/Fixtures", fixture + ".expected.json"), Ct))!;

        // The preview detects the columns and names the categories nobody has mapped yet; the administrator maps them.
        var preview = await (await admin.PostAsync("/api/v1/imports/complaints/preview", Form(bytes, fixture, store), Ct)).ReadAsync<ComplaintImportPreview>();
        Assert.Equal(expected.Count, preview.RowsIn);
        Assert.Equal(numberHeader, preview.Mapping[ImportField.Number]);
        Assert.Equal(categoryHeader, preview.Mapping[ImportField.Category]);
        Assert.NotEmpty(preview.UnmappedCategories);
        Assert.Equal(Math.Min(ComplaintImportPlanner.PreviewRows, expected.Count), preview.FirstRows.Count);
        foreach (var value in preview.UnmappedCategories)
        {
            await (await admin.PostAsync("/api/v1/imports/category-mappings", new SaveCategoryMappingRequest(value, ComplaintCategory.Parts))).ReadAsync<CategoryMappingView>();
        }

        var checkedAgain = await (await admin.PostAsync("/api/v1/imports/complaints/preview", Form(bytes, fixture, store), Ct)).ReadAsync<ComplaintImportPreview>();
        Assert.Equal((expected.Count, 0, 0), (checkedAgain.RowsValid, checkedAgain.RowsRefused, checkedAgain.UnmappedCategories.Count));

        var result = await (await admin.PostAsync("/api/v1/imports/complaints", Form(bytes, fixture, store), Ct)).ReadAsync<ComplaintImportResult>(HttpStatusCode.Created);

        Assert.Equal((ImportOutcome.Committed, expected.Count, expected.Count, 0), (result.Import.Outcome, result.Import.RowsIn, result.Import.RowsStored, result.Import.RowsRefused));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), result.Import.Sha256);
        var lines = await app.WithDbAsync(db => db.Set<ComplaintImportLine>().Where(l => l.ImportId == result.Import.Id).ToDictionaryAsync(l => l.ComplaintId, l => l.SourceCategory, Ct));
        Assert.Equal(expected.Count, lines.Count);
        foreach (var (id, source) in lines)
        {
            var complaint = await (await admin.GetAsync($"/api/v1/complaints/{id}", Ct)).ReadAsync<ComplaintView>();
            Assert.True(complaint.IsHistorical);
            Assert.True(expected.TryGetValue(complaint.Number, out var text), $"{complaint.Number} is not a number of the file");
            Assert.Equal(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(complaint.CoreProblem));
            Assert.Equal(ComplaintStatus.Closed, complaint.Status);
            // Mapped values count as mapped; a value that is a category's own name ("Other") needs no mapping.
            Assert.Equal(source == "Other" ? ComplaintCategory.Other : ComplaintCategory.Parts, complaint.Category);
        }

        var imports = await (await admin.GetAsync("/api/v1/imports/complaints", Ct)).ReadAsync<List<ComplaintImportSummary>>();
        Assert.Contains(imports, i => i.Id == result.Import.Id && i.FileName == fixture && i.UserName == "系统管理员");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ComplaintImport) && a.Action == "Added" && a.Changes.Contains(result.Import.Sha256), Ct)));

        // The same file (same hash) again is refused, with nothing stored twice.
        var again = await (await admin.PostAsync("/api/v1/imports/complaints", Form(bytes, "renamed-" + fixture, store), Ct)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("import.already_imported", again.Code);
        var warned = await (await admin.PostAsync("/api/v1/imports/complaints/preview", Form(bytes, fixture, store), Ct)).ReadAsync<ComplaintImportPreview>();
        Assert.Equal(result.Import.Id, warned.AlreadyImported?.Id);
        var numbers = expected.Keys.ToList();
        Assert.Equal(expected.Count, await app.WithDbAsync(db => db.Set<Complaint>().CountAsync(c => numbers.Contains(c.Number), Ct)));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_stores_nothing_and_its_error_sheet_lists_row_column_and_message()
    {
        var manager = await app.ClientForAsync("manager", "en");
        var store = await app.StoreIdAsync(DemoData.BeijingStore);
        var (good, bad) = (Unique("GOOD"), Unique("BAD"));
        var csv = "编号,投诉日期,渠道,状态,投诉问题,投诉简述\r\n"
            + $"{good},2024-03-01,Hotline,Closed,RepairQuality,\"  空调不制冷，\"\"修了三次\"\"\r\n仍未解决  \"\r\n"
            + $"{bad},2024-13-45,Fax,Closed,星际旅行,刹车异响\r\n";

        var response = await manager.PostAsync("/api/v1/imports/complaints", Form(Encoding.UTF8.GetBytes(csv), "bad.csv", store), Ct);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("rows[3].receivedAt", problem.Errors.Keys);
        Assert.Contains("rows[3].channel", problem.Errors.Keys);
        Assert.Contains("rows[3].category", problem.Errors.Keys);
        Assert.DoesNotContain(problem.Errors.Keys, k => k.StartsWith("rows[2]", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.Number == good || c.Number == bad, Ct)));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var sheetUrl = body.RootElement.GetProperty("errorSheet").GetString()!;
        var sheet = await manager.GetAsync(sheetUrl, Ct);
        await sheet.ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(GetImportErrorSheet.ContentType, sheet.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await sheet.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(3d, Convert.ToDouble(r["Row"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(rows, r => (string?)r["Column"] == "投诉日期" && ((string?)r["Message"])!.StartsWith("The received date is not a date", StringComparison.Ordinal) && (string?)r["Value"] == "2024-13-45");
        Assert.Contains(rows, r => (string?)r["Column"] == "投诉问题" && (string?)r["Message"] == "This category is not in the category mapping.");

        var importId = body.RootElement.GetProperty("importId").GetGuid();
        var imports = await (await manager.GetAsync("/api/v1/imports/complaints", Ct)).ReadAsync<List<ComplaintImportSummary>>();
        Assert.Contains(imports, i => i.Id == importId && i.Outcome == ImportOutcome.Refused && (i.RowsIn, i.RowsStored, i.RowsRefused) == (2, 0, 1));

        // Fixed, the same rows go in; the text keeps its spaces, quotes and line break exactly.
        var fixedCsv = csv.Replace("2024-13-45,Fax,Closed,星际旅行", "2024-02-28,热线电话,已结案,Fees", StringComparison.Ordinal);
        var stored = await (await manager.PostAsync("/api/v1/imports/complaints", Form(Encoding.UTF8.GetBytes(fixedCsv), "good.csv", store), Ct)).ReadAsync<ComplaintImportResult>(HttpStatusCode.Created);
        Assert.Equal((2, 2, 0), (stored.Import.RowsIn, stored.Import.RowsStored, stored.Import.RowsRefused));
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Number == good, Ct));
        Assert.Equal("  空调不制冷，\"修了三次\"\r\n仍未解决  ", complaint.CoreProblem);
        Assert.Equal((ComplaintChannel.Hotline, ComplaintCategory.RepairQuality), (complaint.Channel, complaint.Category));
        var second = await app.WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Number == bad, Ct));
        Assert.Equal((ComplaintChannel.Hotline, ComplaintStatus.Closed, ComplaintCategory.Fees), (second.Channel, second.Status, second.Category));
        Assert.Equal(new DateTimeOffset(2024, 2, 27, 16, 0, 0, TimeSpan.Zero), second.ReceivedAt);
        await (await manager.GetAsync($"/api/v1/imports/complaints/{stored.Import.Id}/errors", Ct)).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Open_historical_complaints_fire_no_sla_escalation_and_no_message()
    {
        var admin = await app.ClientForAsync("admin", "zh-CN");
        var store = await app.StoreIdAsync(DemoData.BeijingStore);
        var numbers = new[] { Unique("SLA"), Unique("SLA") };
        var received = app.Clock.GetUtcNow().AddDays(-30).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var csv = "number,received,channel,status,urgency,description\n"
            + string.Concat(numbers.Select(n => $"{n},{received},Hotline,Received,Critical,刹车失灵，很危险\n"));

        await (await admin.PostAsync("/api/v1/imports/complaints", Form(Encoding.UTF8.GetBytes(csv), "open.csv", store), Ct)).ReadAsync<ComplaintImportResult>(HttpStatusCode.Created);
        await SlaFixtures.EscalateAsync(app.Services);

        var ids = await app.WithDbAsync(db => db.Set<Complaint>().Where(c => numbers.Contains(c.Number)).Select(c => c.Id).ToListAsync(Ct));
        Assert.Equal(2, ids.Count);
        Assert.False(await app.WithDbAsync(db => db.Set<ComplaintSlaEvent>().AnyAsync(e => ids.Contains(e.ComplaintId), Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<ComplaintSlaTracking>().AnyAsync(t => ids.Contains(t.ComplaintId), Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Body.Contains(numbers[0]) || m.Body.Contains(numbers[1]), Ct)));
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Number == numbers[0], Ct));
        Assert.Equal((ComplaintStatus.Received, ComplaintUrgency.Critical, true), (complaint.Status, complaint.Urgency, complaint.IsHistorical));
        Assert.Null(complaint.AssignedSpecialistId);
    }

    [Fact]
    public async Task Rows_without_a_number_take_the_normal_numbering_past_numbers_of_the_products_form()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var store = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var year = 2000 + Random.Shared.Next(1, 19);
        var own = $"TS-{year}-000777";
        var withNumber = $"number,date,problem\n{own},{year}-05-01,Old number kept\n";
        await (await admin.PostAsync("/api/v1/imports/complaints", Form(Encoding.UTF8.GetBytes(withNumber), "own.csv", store), Ct)).ReadAsync<ComplaintImportResult>(HttpStatusCode.Created);

        var withoutNumber = $"date\tproblem\n{year}-06-01\tFirst without a number\n{year}-06-02\tSecond without a number\n";
        var result = await (await admin.PostAsync("/api/v1/imports/complaints", Form(Encoding.UTF8.GetBytes(withoutNumber), "none.tsv", store), Ct)).ReadAsync<ComplaintImportResult>(HttpStatusCode.Created);

        Assert.Equal(2, result.Import.RowsStored);
        var numbers = await app.WithDbAsync(db => db.Set<ComplaintImportLine>().Where(l => l.ImportId == result.Import.Id).OrderBy(l => l.RowNumber)
            .Select(l => db.Set<Complaint>().First(c => c.Id == l.ComplaintId).Number).ToListAsync(Ct));
        Assert.Equal([$"TS-{year}-000778", $"TS-{year}-000779"], numbers);
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_like_a_csv()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var store = await app.StoreIdAsync(DemoData.BeijingStore);
        var number = Unique("XLSX");
        using var book = new MemoryStream();
        await book.SaveAsAsync(new[] { new Dictionary<string, object?> { ["投诉编号"] = number, ["投诉日期"] = "2024-04-29", ["投诉简述"] = "变速箱顿挫 ", ["客户姓名"] = "王先生", ["联系电话"] = "13800138000" } }, excelType: ExcelType.XLSX, cancellationToken: Ct);

        var result = await (await admin.PostAsync("/api/v1/imports/complaints", Form(book.ToArray(), "complaints.xlsx", store), Ct)).ReadAsync<ComplaintImportResult>(HttpStatusCode.Created);

        Assert.Equal(1, result.Import.RowsStored);
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Number == number, Ct));
        Assert.Equal("变速箱顿挫 ", complaint.CoreProblem);
        var customer = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == complaint.CustomerId, Ct));
        Assert.Equal(("王先生", "13800138000"), (customer.Name, customer.PrimaryPhone));
    }

    [Fact]
    public async Task Only_managers_and_administrators_import_into_their_own_stores_and_only_administrators_edit_the_mapping()
    {
        var csv = Encoding.UTF8.GetBytes($"number,date,problem\n{Unique("ROLE")},2024-01-01,x\n");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var advisor = await app.ClientForAsync("advisor", "en");
        var manager = await app.ClientForAsync("manager", "zh-CN");

        var refused = await (await advisor.PostAsync("/api/v1/imports/complaints/preview", Form(csv, "a.csv", beijing), Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("import.forbidden", refused.Code);
        var otherStore = await (await manager.PostAsync("/api/v1/imports/complaints", Form(csv, "a.csv", shanghai), Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("common.other_store", otherStore.Code);
        var mapping = await (await manager.PostAsync("/api/v1/imports/category-mappings", new SaveCategoryMappingRequest("制动系", ComplaintCategory.Parts))).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("import.mapping_forbidden", mapping.Code);
        await (await advisor.GetAsync("/api/v1/imports/complaints", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);

        var notATable = await (await manager.PostAsync("/api/v1/imports/complaints/preview", Form("PK\u0003\u0004garbage"u8.ToArray(), "a.xlsx", beijing), Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("import.file_unreadable", notATable.Codes);
        var noProblem = await (await manager.PostAsync("/api/v1/imports/complaints/preview", Form("a,b\n1,2\n"u8.ToArray(), "a.csv", beijing), Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("import.problem_column_required", noProblem.Codes);

        // Another store's import is unknown to the manager, exactly like an unknown id.
        var admin = await app.ClientForAsync("admin", "en");
        var refusedInShanghai = await admin.PostAsync("/api/v1/imports/complaints", Form(Encoding.UTF8.GetBytes($"number,date,problem\n{Unique("SH")},not a date,x\n"), "sh.csv", shanghai), Ct);
        await refusedInShanghai.ExpectStatusAsync(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await refusedInShanghai.Content.ReadAsStringAsync(Ct));
        var shanghaiImport = body.RootElement.GetProperty("importId").GetGuid();
        await (await admin.GetAsync($"/api/v1/imports/complaints/{shanghaiImport}/errors", Ct)).ExpectStatusAsync(HttpStatusCode.OK);
        await (await manager.GetAsync($"/api/v1/imports/complaints/{shanghaiImport}/errors", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var managersList = await (await manager.GetAsync("/api/v1/imports/complaints", Ct)).ReadAsync<List<ComplaintImportSummary>>();
        Assert.DoesNotContain(managersList, i => i.StoreId == shanghai);
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, Guid storeId, string? mapping = null)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? GetImportErrorSheet.ContentType : "text/csv");
        var form = new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(storeId.ToString()), "storeId" } };
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }

        return form;
    }
}

public sealed class SqliteComplaintImportTests(SqliteApp app) : ComplaintImportTests<SqliteApp>(app);

public sealed class PostgresComplaintImportTests(PostgresApp app) : ComplaintImportTests<PostgresApp>(app);
