using AfterSales.Domain.Common;

namespace AfterSales.Web.Infrastructure;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
    TooManyRequests,
}

/// <summary>
/// What a handler returns: a value, or a business refusal with codes. Endpoints map it to HTTP,
/// Blazor components to field messages and snackbars; both localize the codes.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, IReadOnlyList<FieldError> errors, TimeSpan? retryAfter = null)
    {
        Kind = kind;
        Value = value;
        Errors = errors;
        RetryAfter = retryAfter;
    }

    public OutcomeKind Kind { get; }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>For <see cref="OutcomeKind.TooManyRequests"/>: how long the caller should wait, when known.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, []);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, [new FieldError("common.not_found")]);

    public static Outcome<T> Forbidden(string code = "common.forbidden") => new(OutcomeKind.Forbidden, default, [new FieldError(code)]);

    /// <summary>Asked again too soon or too often; the caller may try later.</summary>
    public static Outcome<T> TooManyRequests(string code, TimeSpan? retryAfter = null) =>
        new(OutcomeKind.TooManyRequests, default, [new FieldError(code)], retryAfter);

    public static Outcome<T> Conflict(string code = "common.concurrency_conflict") => new(OutcomeKind.Conflict, default, [new FieldError(code)]);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, default, errors);

    public static Outcome<T> Invalid(string code, string? field = null) => new(OutcomeKind.Invalid, default, [new FieldError(code, field)]);

    public Outcome<TOther> As<TOther>() => new(Kind, default, Errors, RetryAfter);

    public static implicit operator Outcome<T>(T value) => Ok(value);
}

internal static class Outcome
{
    // Lets a refusal cross types: Outcome<Customer> failures become Outcome<CustomerView>.
    public static Outcome<TOther> As<T, TOther>(Outcome<T> outcome) => outcome.As<TOther>();
}
