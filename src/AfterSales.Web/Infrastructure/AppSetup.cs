using System.Globalization;
using AfterSales.Domain.Staff;
using AfterSales.Web.Components;
using AfterSales.Web.Features;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace AfterSales.Web.Infrastructure;

public static class AppSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddAfterSales(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddAfterSalesDatabase(database);
        services.AddKeyRing(builder.Configuration, builder.Environment);
        services.AddCurrentUser();
        services.AddHttpContextAccessor();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                // NIST SP 800-63B: length over composition rules.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                // No permanent lockout: it locked the real owner out. Sign-ins are slowed by Features.Login.LoginAllowances.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AfterSalesDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Smart";
                o.DefaultChallengeScheme = "Smart";
            })
            .AddPolicyScheme("Smart", "Cookie or API token", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "aftersales.auth";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.Events = new CookieAuthenticationEvents
                {
                    // Replacing Events drops Identity's own handler: keep it, so disabled users and changed roles end sessions.
                    OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                    // The API answers 401/403 as problem details instead of redirecting to the login page.
                    OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden),
                };
            }));

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = null;
            o.AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser());
            o.AddPolicy(Policies.Administrator, p => p.RequireRole(nameof(StaffRole.Administrator)));
        });
        services.AddCascadingAuthenticationState();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Malformed JSON and unreadable parameters: say so in the caller's language instead of a bare "Bad Request".
            if (context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad)
            {
                var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.ProblemDetails.Title = localizer["common.malformed_request"];
                context.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json ? json.Message : bad.Message;
                context.ProblemDetails.Extensions["code"] = "common.malformed_request";
                return;
            }

            // Refusals by the authorization layer (no session, wrong role) get the same localized shape as the handlers' own.
            var code = context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized when !context.ProblemDetails.Extensions.ContainsKey("code") => "common.unauthenticated",
                StatusCodes.Status403Forbidden when !context.ProblemDetails.Extensions.ContainsKey("code") => "common.forbidden",
                _ => null,
            };
            if (code is not null)
            {
                var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.ProblemDetails.Title = localizer[code];
                context.ProblemDetails.Extensions["code"] = code;
            }
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "AfterSales API";
            doc.Info.Description = "售后服务管理 REST API. Authenticate with a browser session cookie or 'Authorization: Bearer <token>' issued by an administrator.";
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["ApiToken"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token issued under Administration → API tokens (as_…).",
            };
            doc.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("ApiToken", doc)] = [] }];
            return Task.CompletedTask;
        }));

        services.AddValidatorsFromAssemblyContaining<SharedResource>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<RequestValidation>();
        services.AddScoped<Problems>();
        services.AddScoped<Throttle>();
        services.AddFeatures();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices().AddTransient<MudBlazor.MudLocalizer, Components.Shared.AppMudLocalizer>();
        services.AddScoped<Components.Shared.HandlerScope>();
        services.AddAfterSalesHealth();
        services.AddIdempotencyKeys();
        services.AddReverseProxy(builder.Configuration);
        return builder;
    }

    public static WebApplication UseAfterSales(this WebApplication app)
    {
        RequestValidation.UseLocalizedDisplayNames(app.Services.GetRequiredService<IStringLocalizerFactory>());

        app.UseReverseProxy(app.Configuration);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : 500,

            // A client's malformed request is answered, not logged as a server error.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseCurrentUser();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseIdempotencyKeys();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("AfterSales API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapAfterSalesHealth();
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext context) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture) ?? Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') ? redirectUri : "/");
        }).ExcludeFromDescription();

        app.MapFeatures();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseInitializer.InitializeAsync(scope.ServiceProvider, app.Services.GetRequiredService<DatabaseOptions>(), CancellationToken.None);
    }

    public static void PrintWelcome(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("AfterSales 售后服务管理 is running:");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  {address}");
            }

            Console.WriteLine($"  API reference: {addresses.FirstOrDefault()}/api/reference");
            Console.WriteLine("Demo logins (password for all: " + DemoData.Password + "):");
            foreach (var (user, role) in DemoData.Logins)
            {
                Console.WriteLine($"  {user,-12} {role}");
            }

            Console.WriteLine();
        });
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string Staff = "staff";
    public const string Administrator = "administrator";
}
