namespace AfterSales.Domain.Common;

/// <summary>15-digit IMEI whose last digit is the Luhn check digit.</summary>
public static class Imei
{
    public static string Normalize(string? value) =>
        new((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    public static bool IsValid(string? value)
    {
        var imei = Normalize(value);
        return imei.Length == 15 && imei.All(char.IsAsciiDigit) && Luhn.IsValid(imei);
    }
}

public static class Luhn
{
    public static bool IsValid(string digits) => digits.Length > 1 && CheckDigit(digits[..^1]) == digits[^1] - '0';

    public static int CheckDigit(string payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }
}
