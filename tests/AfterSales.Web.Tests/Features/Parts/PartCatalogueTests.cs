using System.Net;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Parts;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Parts;

public abstract class PartCatalogueTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("byd-3501010", "BYD-3501010-HAN")]
    [InlineData("BYD-21", "BYD-2110010-HAN")]
    [InlineData("动力电池模组", "TSL-2110010-M3")]
    [InlineData("机油滤清器", "BYD-1012010-SGP")]
    [InlineData("front brake PADS", "BYD-3501000-HAN")]
    public async Task The_counter_finds_demo_parts_by_number_or_name_prefix(string query, string expected)
    {
        var client = await app.ClientForAsync("parts");

        var page = await (await client.GetAsync($"/api/v1/parts?q={Uri.EscapeDataString(query)}&pageSize=100", Ct)).ReadAsync<Page<PartSummary>>();

        Assert.Contains(page.Items, p => p.Number == expected);
        Assert.True(page.TotalCount >= 1);
    }

    [Fact]
    public async Task The_demo_catalogue_has_a_few_hundred_parts_for_cars_appliances_and_phones()
    {
        var client = await app.ClientForAsync("advisor");

        var all = await (await client.GetAsync("/api/v1/parts?pageSize=1", Ct)).ReadAsync<Page<PartSummary>>();
        var ev = await (await client.GetAsync("/api/v1/parts?category=HighVoltage&pageSize=100", Ct)).ReadAsync<Page<PartSummary>>();
        var phone = await (await client.GetAsync("/api/v1/parts?category=Phone&pageSize=100", Ct)).ReadAsync<Page<PartSummary>>();

        Assert.InRange(all.TotalCount, 300, 1000);
        Assert.Single(all.Items);
        Assert.NotEmpty(ev.Items);
        Assert.All(ev.Items, p => Assert.Equal(PartCategory.HighVoltage, p.Category));
        Assert.NotEmpty(phone.Items);
    }

    [Fact]
    public async Task A_superseded_part_leads_to_its_replacement_and_back()
    {
        var client = await app.ClientForAsync("parts");

        var old = await (await client.GetAsync("/api/v1/parts/by-number/byd-3501000-han", Ct)).ReadAsync<PartView>();
        Assert.Equal("BYD-3501010-HAN", old.ReplacedBy?.Number);
        var replacement = await (await client.GetAsync($"/api/v1/parts/{old.ReplacedBy!.Id}", Ct)).ReadAsync<PartView>();

        Assert.Contains(replacement.Replaces, p => p.Number == old.Number);
        Assert.NotNull(replacement.Cost);
    }

    [Fact]
    public async Task A_parts_clerk_adds_a_part_and_its_number_stays_unique()
    {
        var client = await app.ClientForAsync("parts");
        var number = "T-" + Guid.NewGuid().ToString("N")[..10];
        var request = new SavePartRequest(number.ToLowerInvariant(), "测试滤芯", "Test filter", "博世", PartCategory.Filter, PartUnit.Piece, 100m, 60m,
            Fits: [new PartFitRequest(AssetKind.Vehicle, "丰田", "凯美瑞")]);

        var created = await (await client.PostAsync("/api/v1/parts", request)).ReadAsync<PartView>(HttpStatusCode.Created);
        var again = await (await client.PostAsync("/api/v1/parts", request with { Number = " " + number + " " })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(number.ToUpperInvariant(), created.Number);
        Assert.Single(created.Fits);
        Assert.Contains("part.number_taken", again.Codes);
    }

    [Fact]
    public async Task Bad_part_input_gets_field_errors_and_an_advisor_may_not_edit_the_catalogue()
    {
        var clerk = await app.ClientForAsync("parts", "en");
        var advisor = await app.ClientForAsync("advisor");
        var bad = new SavePartRequest(" ", "", "", "x", PartCategory.Filter, PartUnit.Piece, -1m, 1m);

        var problem = await (await clerk.PostAsync("/api/v1/parts", bad)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var refused = await (await advisor.PostAsync("/api/v1/parts", bad with { Number = "X1", NameZh = "x", ListPrice = 1 })).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("part.number_required", problem.Codes);
        Assert.Contains("part.name_required", problem.Codes);
        Assert.Contains("part.price_negative", problem.Codes);
        Assert.Equal("Enter the part number.", problem.ErrorsOf("number")[0]);
        Assert.Equal("common.forbidden", refused.Code);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var client = await app.ClientForAsync("parts");
        var request = new SavePartRequest("V-" + Guid.NewGuid().ToString("N")[..10], "版本测试", "Version test", "博世", PartCategory.Other, PartUnit.Piece, 10m, 5m);
        var created = await (await client.PostAsync("/api/v1/parts", request)).ReadAsync<PartView>(HttpStatusCode.Created);

        var first = await (await client.PutAsync($"/api/v1/parts/{created.Id}", request with { ListPrice = 12m, Version = created.Version })).ReadAsync<PartView>();
        var stale = await (await client.PutAsync($"/api/v1/parts/{created.Id}", request with { ListPrice = 13m, Version = created.Version })).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(12m, first.ListPrice);
        Assert.Equal("part.changed_by_someone_else", stale.Code);
    }
}

public sealed class SqlitePartCatalogueTests(SqliteApp app) : PartCatalogueTests<SqliteApp>(app);

public sealed class PostgresPartCatalogueTests(PostgresApp app) : PartCatalogueTests<PostgresApp>(app);
