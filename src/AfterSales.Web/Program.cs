using AfterSales.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddAfterSales();

var app = builder.Build();
app.UseAfterSales();
await app.PrepareDatabaseAsync();
app.PrintWelcome();
await app.RunAsync();

/// <summary>Entry point; public so tests and benchmarks can host the real application.</summary>
public partial class Program;
