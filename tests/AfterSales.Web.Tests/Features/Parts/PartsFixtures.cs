using System.Net;
using AfterSales.Domain.Parts;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Parts;

/// <summary>Fresh parts with stock, so that tests sharing a database never share a stock row.</summary>
internal static class PartsFixtures
{
    public static async Task<PartView> NewPartAsync(TestApp app, decimal cost = 60m, decimal price = 100m)
    {
        var clerk = await app.ClientForAsync("parts");
        var number = "TP-" + Guid.NewGuid().ToString("N")[..12];
        var request = new SavePartRequest(number, "测试零件 " + number, "Test part " + number, "博世", PartCategory.Other, PartUnit.Piece, price, cost);
        return await (await clerk.PostAsync("/api/v1/parts", request)).ReadAsync<PartView>(HttpStatusCode.Created);
    }

    public static async Task<(PartView Part, StockRow Stock)> StockedPartAsync(TestApp app, decimal quantity, string store = DemoData.BeijingStore, string bin = "T-01-01")
    {
        var part = await NewPartAsync(app);
        var storeId = await app.StoreIdAsync(store);
        var client = await app.ClientForAsync(store == DemoData.BeijingStore ? "parts" : "admin");
        var stock = await (await client.PostAsync("/api/v1/stock/receipts", new StockQuantityRequest(storeId, part.Id, quantity, bin, null, "DN-1"))).ReadAsync<StockRow>();
        return (part, stock);
    }
}
