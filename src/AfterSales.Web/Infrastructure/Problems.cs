using AfterSales.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Infrastructure;

/// <summary>Turns refusals into RFC 9457 problem details with localized texts and stable codes.</summary>
public sealed class Problems(IStringLocalizer<SharedResource> localizer)
{
    public string Text(FieldError error) => error.Message ?? localizer[error.Code];

    public ValidationProblem Validation(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => JsonName(e.Field ?? string.Empty)).ToDictionary(g => g.Key, g => g.Select(Text).ToArray()),
            title: localizer["common.validation_failed"],
            extensions: new Dictionary<string, object?> { ["codes"] = errors.Select(e => e.Code).Distinct().ToArray() });

    // TypedResults.Problem, not TypedResults.NotFound(problem): only the former answers application/problem+json.
    public ProblemHttpResult NotFound() => TypedResults.Problem(Problem(StatusCodes.Status404NotFound, new FieldError("common.not_found")));

    public ProblemHttpResult Conflict(FieldError error) => TypedResults.Problem(Problem(StatusCodes.Status409Conflict, error));

    public ProblemHttpResult Forbidden(FieldError error) => TypedResults.Problem(Problem(StatusCodes.Status403Forbidden, error));

    public ProblemHttpResult TooManyRequests(FieldError error) => TypedResults.Problem(Problem(StatusCodes.Status429TooManyRequests, error));

    /// <summary>A 429 that says when to come back: the Retry-After header, and <c>retryAfter</c> (seconds) in the body.</summary>
    public IResult TooManyRequests(FieldError error, TimeSpan? retryAfter)
    {
        if (retryAfter is not { } wait)
        {
            return TooManyRequests(error);
        }

        var seconds = RetryAfterSeconds(wait);
        var problem = Problem(StatusCodes.Status429TooManyRequests, error);
        problem.Extensions["retryAfter"] = seconds;
        return new RetryAfterResult(TypedResults.Problem(problem), seconds);
    }

    /// <summary>Whole seconds, at least one, as Retry-After counts them.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public ProblemDetails Problem(int status, FieldError error) => new()
    {
        Status = status,
        Title = Text(error),
        Type = $"https://aftersales.example/problems/{error.Code}",
        Extensions = { ["code"] = error.Code },
    };

    /// <summary>"Phones[0].Number" becomes "phones[0].number", as the JSON body names it.</summary>
    public static string JsonName(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

public static class OutcomeHttp
{
    public static IResult ToHttp<T>(this Outcome<T> outcome, Problems problems, Func<T, IResult> ok) =>
        outcome.IsOk ? ok(outcome.Value!) : outcome.Refusal(problems);

    public static IResult ToHttp<T>(this Outcome<T> outcome, Problems problems) =>
        outcome.ToHttp(problems, value => TypedResults.Ok(value));

    /// <summary>The standard mapping of a refusal; endpoints list the same cases in their Results&lt;…&gt; type.</summary>
    public static IResult Refusal<T>(this Outcome<T> outcome, Problems problems) => outcome.Kind switch
    {
        OutcomeKind.NotFound => problems.NotFound(),
        OutcomeKind.Invalid => problems.Validation(outcome.Errors),
        OutcomeKind.Conflict => problems.Conflict(outcome.Errors[0]),
        OutcomeKind.Forbidden => problems.Forbidden(outcome.Errors[0]),
        OutcomeKind.TooManyRequests => problems.TooManyRequests(outcome.Errors[0], outcome.RetryAfter),
        OutcomeKind.Ok => throw new InvalidOperationException("Not a refusal."),
    };
}

internal sealed class RetryAfterResult(IResult problem, int seconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem.ExecuteAsync(httpContext);
    }
}
