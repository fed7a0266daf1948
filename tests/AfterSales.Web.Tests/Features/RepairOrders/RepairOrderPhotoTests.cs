using System.Net;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Tests.Features.Files;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.RepairOrders;

public abstract class RepairOrderPhotoTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_in_photos_are_kept_on_the_order_until_it_is_closed_and_hidden_from_other_stores()
    {
        var advisor = await app.ClientForAsync("advisor", "en");
        var order = await OpenAsync(advisor, await CustomerAsync(advisor), WalkAround);
        var fields = new Dictionary<string, string> { ["ownerKind"] = RepairOrderFileOwner.OwnerKind, ["ownerId"] = order.Id.ToString() };

        var photo = await (await advisor.PostAsync("/api/v1/files", TestFiles.Form(TestFiles.Jpeg(), "front-bumper.jpg", fields: fields), Ct)).ReadAsync<StoredFileView>(HttpStatusCode.Created);
        var listed = await (await advisor.GetAsync($"/api/v1/files?ownerKind=repair-order&ownerId={order.Id}", Ct)).ReadAsync<List<StoredFileView>>();
        Assert.Equal([photo.Id], listed.Select(f => f.Id));

        var shanghai = await app.ClientForAsync("advisor.sh", "en");
        Assert.Equal("common.not_found", (await (await shanghai.GetAsync($"/api/v1/files?ownerKind=repair-order&ownerId={order.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound)).Code);

        await MoveAsync(advisor, order, "cancel", "客户不修了");
        var refused = await (await advisor.PostAsync("/api/v1/files", TestFiles.Form(TestFiles.Jpeg(), "late.jpg", fields: fields), Ct)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("repair_order.files_closed", refused.Code);
    }
}

public sealed class SqliteRepairOrderPhotoTests(SqliteApp app) : RepairOrderPhotoTests<SqliteApp>(app);

public sealed class PostgresRepairOrderPhotoTests(PostgresApp app) : RepairOrderPhotoTests<PostgresApp>(app);
