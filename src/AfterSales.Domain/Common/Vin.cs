namespace AfterSales.Domain.Common;

/// <summary>Vehicle identification number (ISO 3779) with the North American / Chinese GB 16735 check digit in position 9.</summary>
public static class Vin
{
    private const string Weights = "8765432X098765432";

    public static string Normalize(string? value) =>
        (value ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsValid(string? value)
    {
        var vin = Normalize(value);
        if (vin.Length != 17)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Transliterate(vin[i]);
            if (v < 0)
            {
                return false;
            }

            var w = Weights[i] == 'X' ? 10 : Weights[i] - '0';
            sum += v * w;
        }

        var remainder = sum % 11;
        var expected = remainder == 10 ? 'X' : (char)('0' + remainder);
        return vin[8] == expected;
    }

    /// <summary>Letters I, O and Q are never used in a VIN, so they make it invalid.</summary>
    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'A' or 'J' => 1,
        'B' or 'K' or 'S' => 2,
        'C' or 'L' or 'T' => 3,
        'D' or 'M' or 'U' => 4,
        'E' or 'N' or 'V' => 5,
        'F' or 'W' => 6,
        'G' or 'P' or 'X' => 7,
        'H' or 'Y' => 8,
        'R' or 'Z' => 9,
        _ => -1,
    };

    /// <summary>Computes the check digit for the other 16 characters (used by demo data).</summary>
    public static char CheckDigit(string vin)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (i == 8)
            {
                continue;
            }

            var w = Weights[i] == 'X' ? 10 : Weights[i] - '0';
            sum += Transliterate(vin[i]) * w;
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }
}
