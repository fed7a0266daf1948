using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Bogus;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.BrowserTests;

/// <summary>Fresh, unique customer data per scenario, so scenarios never depend on each other or on the demo data.</summary>
internal sealed record NewCustomer(string Name, string Phone, string Vin, string Plate)
{
    private static readonly Randomizer Random = new();

    public string LastFour => Phone[^4..];

    public static NewCustomer Unique() => new(
        "测试客户" + Random.Replace("????").ToUpperInvariant(),
        "139" + Random.Replace("########"),
        DemoData.VehicleNumber(Random),
        // 鲁B is not among the demo data's provinces, so a plate search finds exactly this customer.
        "鲁B" + Random.Replace("#####"));

    /// <summary>Registers the customer with a vehicle through the real handler, as the given user.</summary>
    public async Task<Guid> RegisterAsync(AppServer app, string userName = "advisor")
    {
        var store = await app.StoreIdAsync(DemoData.BeijingStore);
        var outcome = await app.AsUserAsync(userName, services => services.GetRequiredService<RegisterCustomer>().HandleAsync(
            new RegisterCustomerRequest(
                CustomerKind.Person,
                Name,
                [new PhoneInput(Phone, PhoneLabel.Mobile, true)],
                store,
                Address: "北京市朝阳区建国路1号",
                ContactConsent: true,
                Assets: [new AssetInput(AssetKind.Vehicle, "比亚迪", "汉 EV", 2024, Vin, Plate, 12000, true, 76.9m, "磷酸铁锂", "BT0000000001")]),
            CancellationToken.None));
        Assert.True(outcome.Kind == OutcomeKind.Ok, string.Join("; ", outcome.Errors));
        return outcome.Value!.Id;
    }
}
