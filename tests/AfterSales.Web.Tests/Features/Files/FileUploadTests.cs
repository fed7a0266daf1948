using System.Net;
using System.Security.Cryptography;
using System.Text;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Files;

/// <summary>Evidence files through the complaint's evidence endpoint and the generic file endpoints.</summary>
public abstract class FileUploadTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_photo_is_reencoded_upright_without_its_exif_and_gps_and_served_inline_with_safe_headers()
    {
        var (client, complaint) = await ComplaintAsync();

        var response = await client.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", TestFiles.Form(TestFiles.JpegWithExif(), "仪表盘.jpg"), Ct);
        var file = await response.ReadAsync<StoredFileView>(HttpStatusCode.Created);

        Assert.Equal(("仪表盘.jpg", "image/jpeg", StoredFileKind.Image, "complaint", complaint.Id), (file.FileName, file.ContentType, file.Kind, file.OwnerKind, file.OwnerId));

        // Orientation 6 means the camera was turned: the stored pixels are turned instead, 20×40.
        Assert.Equal((20, 40), (file.Width, file.Height));
        Assert.True(file.HasThumbnail);
        var download = await client.GetAsync(file.ContentUrl, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(file.SizeBytes, bytes.Length);
        var text = Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain(TestFiles.ExifSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exif\0\0", text, StringComparison.Ordinal);
        using (var codec = SKCodec.Create(new MemoryStream(bytes)))
        {
            Assert.Equal((20, 40, SKEncodedOrigin.TopLeft), (codec.Info.Width, codec.Info.Height, codec.EncodedOrigin));
        }

        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        var csp = string.Join(",", download.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("sandbox", csp, StringComparison.Ordinal);
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("仪表盘.jpg", download.Content.Headers.ContentDisposition?.FileNameStar);

        var thumbnail = await client.GetAsync(file.ThumbnailUrl, Ct);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", thumbnail.Headers.GetValues("X-Content-Type-Options")));

        // Stored outside the web root under a name the server made, not the uploader's.
        var stored = await app.WithDbAsync(db => db.Set<StoredFile>().SingleAsync(f => f.Id == file.Id, Ct));
        var path = Path.Combine(app.FilesFolder, stored.StorageName[..2], stored.StorageName);
        Assert.True(File.Exists(path), path);
        Assert.Matches("^[0-9a-f]{32}$", stored.StorageName);
        Assert.Equal(complaint.StoreId, stored.StoreId);
        var listed = await (await client.GetAsync($"/api/v1/complaints/{complaint.Id}/evidence", Ct)).ReadAsync<List<StoredFileView>>();
        Assert.Equal([file.Id], listed.Select(f => f.Id));
    }

    public static TheoryData<string, string, string, StoredFileKind> Accepted() => new()
    {
        { "png", "划痕.png", "image/png", StoredFileKind.Image },
        { "webp", "scratch.webp", "image/webp", StoredFileKind.Image },
        { "pdf", "发票.PDF", "application/pdf", StoredFileKind.Document },
        { "mp4", "engine-noise.mp4", "video/mp4", StoredFileKind.Video },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Photos_pdfs_and_videos_are_accepted_by_their_content(string sample, string name, string contentType, StoredFileKind kind)
    {
        var (client, complaint) = await ComplaintAsync();

        // The browser's claimed type is ignored: the content decides.
        var file = await (await client.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", TestFiles.Form(Sample(sample), name, "application/octet-stream"), Ct))
            .ReadAsync<StoredFileView>(HttpStatusCode.Created);

        Assert.Equal((name, contentType, kind), (file.FileName, file.ContentType, file.Kind));
        var download = await client.GetAsync(file.ContentUrl, Ct);
        Assert.Equal(contentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(kind == StoredFileKind.Video ? "attachment" : "inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("default-src 'none'", string.Join(",", download.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        if (kind == StoredFileKind.Video)
        {
            var bytes = await download.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal(TestFiles.Mp4().Length, bytes.Length);
            Assert.DoesNotContain(TestFiles.VideoSecret, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "text", "photo.jpg", "file.type_not_allowed" },
        { "png", "photo.jpg", "file.extension_mismatch" },
        { "jpeg", "x.jpg.exe", "file.double_extension" },
        { "jpeg", "invoice.pdf.jpg", "file.double_extension" },
        { "jpeg", "photo", "file.extension_missing" },
        { "svg", "drawing.svg", "file.svg_or_markup_refused" },
        { "svg", "drawing.png", "file.svg_or_markup_refused" },
        { "exe", "setup.jpg", "file.executable_refused" },
        { "pdf-js", "receipt.pdf", "file.pdf_active_content" },
        { "oversized", "huge.png", "file.too_large" },
        { "empty", "empty.jpg", "file.empty" },
        { "broken-jpeg", "broken.jpg", "file.image_unreadable" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Anything_else_is_refused_with_a_localized_reason_and_nothing_is_kept(string sample, string name, string code)
    {
        var (client, complaint) = await ComplaintAsync("en");

        var problem = await (await client.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", TestFiles.Form(Sample(sample), name), Ct))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([code], problem.Codes);
        var message = Assert.Single(problem.ErrorsOf("file"));
        Assert.DoesNotContain("file.", message, StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync(db => db.Set<StoredFile>().Where(f => f.OwnerId == complaint.Id).ToListAsync(Ct)));
        var known = await app.WithDbAsync(db => db.Set<StoredFile>().Select(f => f.StorageName).ToListAsync(Ct));
        var leftovers = Directory.EnumerateFiles(app.FilesFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(f).Replace(".thumb", string.Empty, StringComparison.Ordinal))
            .Where(name => !known.Contains(name));
        Assert.Empty(leftovers);
    }

    [Fact]
    public async Task An_oversized_file_says_the_limit_in_the_callers_language()
    {
        var (client, complaint) = await ComplaintAsync("zh-CN");

        var problem = await (await client.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", TestFiles.Form(Sample("oversized"), "huge.png"), Ct))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["文件超过 3 MB 的大小上限。"], problem.ErrorsOf("file"));
    }

    [Fact]
    public async Task A_request_without_a_file_is_a_field_error()
    {
        var (client, complaint) = await ComplaintAsync("en");
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        var problem = await (await client.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", form, Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Choose a file to upload."], problem.ErrorsOf("file"));
    }

    [Fact]
    public async Task The_generic_endpoints_take_an_owner_kind_and_refuse_unknown_kinds()
    {
        var (client, complaint) = await ComplaintAsync("en");
        var fields = new Dictionary<string, string> { ["ownerKind"] = "complaint", ["ownerId"] = complaint.Id.ToString() };

        var file = await (await client.PostAsync("/api/v1/files", TestFiles.Form(TestFiles.Png(), "a.png", fields: fields), Ct)).ReadAsync<StoredFileView>(HttpStatusCode.Created);
        var listed = await (await client.GetAsync($"/api/v1/files?ownerKind=complaint&ownerId={complaint.Id}", Ct)).ReadAsync<List<StoredFileView>>();
        var read = await (await client.GetAsync($"/api/v1/files/{file.Id}", Ct)).ReadAsync<StoredFileView>();
        var unknown = await (await client.PostAsync("/api/v1/files", TestFiles.Form(TestFiles.Png(), "a.png", fields: new Dictionary<string, string> { ["ownerKind"] = "spaceship", ["ownerId"] = complaint.Id.ToString() }), Ct))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var noThumbnail = await (await client.PostAsync("/api/v1/files", TestFiles.Form(TestFiles.Pdf(), "a.pdf", fields: fields), Ct)).ReadAsync<StoredFileView>(HttpStatusCode.Created);

        Assert.Equal([file.Id], listed.Select(f => f.Id));
        Assert.Equal(file.Sha256, read.Sha256);
        Assert.Equal(["file.owner_kind_unknown"], unknown.Codes);
        Assert.Null(noThumbnail.ThumbnailUrl);
        await (await client.GetAsync($"/api/v1/files/{noThumbnail.Id}/thumbnail", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Other_stores_cannot_list_download_or_add_and_the_attempt_is_audited()
    {
        var (client, complaint) = await ComplaintAsync(user: "advisor.sh");
        var file = await (await client.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", TestFiles.Form(TestFiles.Png(), "a.png"), Ct)).ReadAsync<StoredFileView>(HttpStatusCode.Created);
        var beijing = await app.ClientForAsync("advisor");

        await (await beijing.GetAsync($"/api/v1/complaints/{complaint.Id}/evidence", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await beijing.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", TestFiles.Form(TestFiles.Png(), "b.png"), Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await beijing.GetAsync(file.ContentUrl, Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await beijing.GetAsync(file.ThumbnailUrl, Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await beijing.GetAsync($"/api/v1/files/{file.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);

        var denied = await app.WithDbAsync(db => db.AuditEntries.Where(e => (e.EntityId == complaint.Id || e.EntityId == file.Id) && e.Action == "AccessDenied").CountAsync(Ct));
        Assert.Equal(5, denied);
        Assert.Single(await app.WithDbAsync(db => db.Set<StoredFile>().Where(f => f.OwnerId == complaint.Id).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var (_, complaint) = await ComplaintAsync();
        var anonymous = app.AnonymousClient();

        var response = await anonymous.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", TestFiles.Form(TestFiles.Png(), "a.png"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static byte[] Sample(string sample) => sample switch
    {
        "png" => TestFiles.Png(),
        "webp" => TestFiles.WebP(),
        "jpeg" => TestFiles.Jpeg(),
        "pdf" => TestFiles.Pdf(),
        "pdf-js" => TestFiles.Pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
        "mp4" => TestFiles.Mp4(),
        "svg" => TestFiles.SvgWithScript(),
        "exe" => TestFiles.Executable(),
        "text" => Encoding.UTF8.GetBytes("just some text pretending to be a photo"),
        "oversized" => [.. TestFiles.Png(), .. new byte[TestApp.MaxUploadBytes]],
        "empty" => [],
        "broken-jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[100]],
        _ => throw new ArgumentOutOfRangeException(nameof(sample)),
    };

    private async Task<(HttpClient Client, ComplaintView Complaint)> ComplaintAsync(string? culture = null, string user = "complaints")
    {
        var client = await app.ClientForAsync(user, culture);
        var customer = await CustomerAsync(await app.ClientForAsync(user == "advisor.sh" ? user : "advisor"));
        var recorded = await RecordAsync(client, Intake(customer, customer.Assets[0].Id));
        return (client, recorded.Complaint);
    }
}

public sealed class SqliteFileUploadTests(SqliteApp app) : FileUploadTests<SqliteApp>(app);

public sealed class PostgresFileUploadTests(PostgresApp app) : FileUploadTests<PostgresApp>(app);
