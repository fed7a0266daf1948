namespace AfterSales.Domain.Labour;

/// <summary>Amounts are CNY with two decimals; half a fen rounds away from zero, as a till does.</summary>
public static class Amounts
{
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
