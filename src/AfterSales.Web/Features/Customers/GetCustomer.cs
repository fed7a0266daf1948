using AfterSales.Domain.Customers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Customers;

public sealed class GetCustomer(AfterSalesDb db, ICurrentUser user, AccessGuard guard)
{
    public async Task<Outcome<CustomerView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return customer is null ? await guard.NotFoundAsync<Customer, CustomerView>(id, ct) : await ViewAsync(db, customer, user, ct);
    }

    internal static async Task<Outcome<CustomerView>> ViewAsync(AfterSalesDb db, Customer customer, ICurrentUser user, CancellationToken ct)
    {
        var storeName = await db.Stores.Where(s => s.Id == customer.StoreId).Select(s => s.Name).FirstAsync(ct);
        var assets = await db.Assets.AsNoTracking().Where(a => a.CustomerId == customer.Id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return CustomerView.From(customer, storeName, assets, user.SeesFullContact);
    }
}
