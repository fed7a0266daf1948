using System.Text.RegularExpressions;

namespace AfterSales.Domain.Common;

/// <summary>Chinese mainland mobile and landline numbers, stored as digits (landlines keep their area code).</summary>
public static partial class PhoneNumber
{
    public static string Normalize(string? value)
    {
        var digits = new string((value ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13)
        {
            digits = digits[2..];
        }

        return digits;
    }

    public static bool IsValid(string? value)
    {
        var raw = value ?? string.Empty;
        if (raw.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')')))
        {
            return false;
        }

        var digits = Normalize(raw);
        return Mobile().IsMatch(digits) || Landline().IsMatch(digits);
    }

    public static bool IsMobile(string digits) => Mobile().IsMatch(digits);

    /// <summary>The last four digits: what a customer most often gives at the counter.</summary>
    public static string LastFour(string digits) => digits.Length <= 4 ? digits : digits[^4..];

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}\d{7,8}$")]
    private static partial Regex Landline();
}
