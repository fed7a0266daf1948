using System.Threading.RateLimiting;
using AfterSales.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.PublicAccess;

/// <summary>
/// What customers use without a staff login: verification by a code to their phone. Other areas put their own
/// public endpoints on the same group (<c>/api/v1/public</c>), which is anonymous and rate limited per address.
/// </summary>
public static class PublicAccessEndpoints
{
    public const string RateLimitPolicy = "public";

    public static IServiceCollection AddPublicAccess(this IServiceCollection services)
    {
        services.AddOptions<PublicAccessOptions>().BindConfiguration(PublicAccessOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PublicAccessOptions>>().Value);
        services.AddSingleton<CustomerTokens>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<Problems>();
                await problems.TooManyRequests(new Domain.Common.FieldError("common.too_many_requests")).ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<PublicAccessOptions>().RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return services
            .AddScoped<SendVerificationCode>()
            .AddScoped<VerifyPhoneCode>();
    }

    public static void MapPublicAccess(this RouteGroupBuilder publicApi)
    {
        var group = publicApi.MapGroup("/").WithTags("Public");

        group.MapPost("/verification-codes", async (SendCodeRequest request, SendVerificationCode handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, http.Connection.RemoteIpAddress?.ToString(), ct)).ToHttp(problems, sent => TypedResults.Accepted((string?)null, sent)))
            .WithName("SendVerificationCode")
            .WithSummary("Send a 6-digit code by SMS to a customer's mobile phone, for one purpose (appointment, complaint, approval…); beyond an allowance (per phone, per address, per store) 429 with Retry-After.")
            .Produces<CodeSentView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/verifications", async (VerifyCodeRequest request, VerifyPhoneCode handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("VerifyPhoneCode")
            .WithSummary($"Check the code; the answer's token proves the phone for that purpose: send it as the {CustomerTokens.HeaderName} header.")
            .Produces<VerifiedPhone>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
