namespace AfterSales.Domain.Common;

/// <summary>A business refusal: a stable code (also the localization key), the field it concerns, and a ready message where the code alone cannot say it.</summary>
public sealed record FieldError(string Code, string? Field = null, string? Message = null);
