using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Customers;

public static class CustomerEndpoints
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services
        .AddScoped<SearchCustomers>()
        .AddScoped<RegisterCustomer>()
        .AddScoped<GetCustomer>()
        .AddScoped<UpdateCustomer>()
        .AddScoped<AccessGuard>();

    public static void MapCustomers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Customers");

        group.MapGet("/", async ([AsParameters] SearchCustomersRequest request, SearchCustomers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchCustomers")
            .WithSummary("Find customers by name, phone (or its last 4 digits), plate, VIN, serial or IMEI; paged.");

        group.MapPost("/", async (RegisterCustomerRequest request, RegisterCustomer handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, c => TypedResults.Created($"/api/v1/customers/{c.Id}", c)))
            .WithName("RegisterCustomer")
            .Produces<CustomerView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", async (Guid id, GetCustomer handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetCustomer")
            .Produces<CustomerView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (Guid id, UpdateCustomerRequest request, UpdateCustomer handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateCustomer")
            .Produces<CustomerView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
