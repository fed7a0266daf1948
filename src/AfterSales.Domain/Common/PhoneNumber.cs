using System.Text.RegularExpressions;

namespace AfterSales.Domain.Common;

/// <summary>Chinese mainland mobile and landline numbers, stored as digits (landlines keep their area code).</summary>
public static partial class PhoneNumber
{
    public static string Normalize(string? value)
    {
        var digits = new string((value ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        string national;
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            national = digits[4..];
        }
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length is >= 11 and <= 13)
        {
            // No domestic number starts with 86 (mobiles start with 1, landlines with 0), so this is the country code.
            national = digits[2..];
        }
        else
        {
            return digits;
        }

        // In international form a landline drops its trunk zero (+86 10 6500 1234); it is stored with it (01065001234).
        return Mobile().IsMatch(national) || national.StartsWith('0') ? national : "0" + national;
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
