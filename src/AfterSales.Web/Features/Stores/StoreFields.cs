using System.Linq.Expressions;
using AfterSales.Domain.Common;
using AfterSales.Domain.Stores;
using FluentValidation;

namespace AfterSales.Web.Features.Stores;

/// <summary>Opening hours of one weekday; weekdays left out are closed.</summary>
public sealed record OpeningHoursInput(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A closed public holiday, or with <see cref="IsMakeUpWorkingDay"/> a weekend day worked instead (调休).</summary>
public sealed record HolidayInput(DateOnly Date, string Name, bool IsMakeUpWorkingDay = false);

/// <summary>The editable fields of a store, shared by creation and update.</summary>
public interface IStoreFields
{
    string Code { get; }

    string Name { get; }

    string Address { get; }

    string? Phone { get; }

    string TimeZoneId { get; }

    IReadOnlyList<OpeningHoursInput> OpeningHours { get; }
}

internal static partial class StoreFields
{
    public static IEnumerable<OpeningHours> ToDomain(this IEnumerable<OpeningHoursInput> hours) =>
        hours.Select(h => new OpeningHours(h.Day, h.Opens, h.Closes));

    public static IEnumerable<StoreHoliday> ToDomain(this IEnumerable<HolidayInput> holidays) =>
        holidays.Select(h => new StoreHoliday(h.Date, (h.Name ?? string.Empty).Trim(), h.IsMakeUpWorkingDay));

    public static string NormalizeCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>Shape and length rules of a store record, once, for both creation and update; calendar rules live in the domain (<see cref="CalendarErrors"/>).</summary>
    public static void AddStoreRules<T>(this AbstractValidator<T> v)
        where T : IStoreFields
    {
        v.RuleFor(x => x.Code).NotEmpty().MaximumLength(Store.CodeMaxLength)
            .Must(c => c is null || CodePattern().IsMatch(c.Trim())).WithErrorCode("store.code_invalid");
        v.RuleFor(x => x.Name).NotEmpty().MaximumLength(Store.NameMaxLength);
        v.RuleFor(x => x.Address).NotEmpty().MaximumLength(Store.AddressMaxLength);
        v.RuleFor(x => x.Phone).Must(PhoneNumber.IsValid).When(x => !string.IsNullOrWhiteSpace(x.Phone)).WithErrorCode("store.phone_invalid");
        v.RuleFor(x => x.TimeZoneId).NotEmpty().MaximumLength(Store.TimeZoneMaxLength);
        v.RuleFor(x => x.OpeningHours).NotNull();
        v.RuleForEach(x => x.OpeningHours).ChildRules(h => h.RuleFor(x => x.Day).IsInEnum());
    }

    public static void AddHolidayRules<T>(this AbstractValidator<T> v, Expression<Func<T, IEnumerable<HolidayInput>>> holidays)
    {
        v.RuleFor(holidays).Must(h => h.Count() <= Store.MaxHolidays).WithErrorCode("store.too_many_holidays").OverridePropertyName("Holidays");
        v.RuleForEach(holidays).ChildRules(h => h.RuleFor(x => x.Name).MaximumLength(Store.HolidayNameMaxLength)).OverridePropertyName("Holidays");
    }

    /// <summary>The domain's calendar rules, skipping fields the validator already refused so that one mistake gives one message.</summary>
    public static List<FieldError> CalendarErrors(
        IReadOnlyList<FieldError> shapeErrors, string? timeZoneId, IEnumerable<OpeningHoursInput>? hours, IEnumerable<HolidayInput>? holidays)
    {
        var errors = shapeErrors.ToList();
        var domain = new List<FieldError>();
        if (hours is not null && !string.IsNullOrWhiteSpace(timeZoneId))
        {
            domain.AddRange(Store.Check(timeZoneId, hours.ToDomain()));
        }

        if (holidays is not null)
        {
            domain.AddRange(Store.CheckHolidays(holidays.ToDomain()));
        }

        errors.AddRange(domain.Where(d => !shapeErrors.Any(e => e.Field == d.Field)));
        return errors;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();
}
