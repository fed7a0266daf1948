namespace AfterSales.Domain.Common;

/// <summary>Masks personal data for roles that do not need it (138****1234, 北京市朝阳区****).</summary>
public static class Masking
{
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return string.Empty;
        }

        if (phone.Length <= 4)
        {
            return new string('*', phone.Length);
        }

        if (phone.Length < 8)
        {
            return new string('*', phone.Length - 4) + phone[^4..];
        }

        return phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
    }

    /// <summary>Keeps the first six characters (province and city) and hides the rest.</summary>
    public static string MaskAddress(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return string.Empty;
        }

        const int keep = 6;
        return address.Length <= keep ? new string('*', address.Length) : address[..keep] + "****";
    }
}
