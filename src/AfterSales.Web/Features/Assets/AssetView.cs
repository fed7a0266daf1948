using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using FluentValidation;

namespace AfterSales.Web.Features.Assets;

public sealed record AssetView(
    Guid Id,
    Guid CustomerId,
    Guid StoreId,
    AssetKind Kind,
    string DisplayName,
    string Brand,
    string Model,
    int? Year,
    string? Vin,
    string? Plate,
    int? MileageKm,
    bool IsElectric,
    decimal? BatteryCapacityKwh,
    string? BatteryType,
    string? BatterySerial,
    string? SerialNumber,
    string? Imei,
    DateOnly? PurchaseDate,
    string? PurchaseProof,
    DateTimeOffset CreatedAt,
    int Version)
{
    public static AssetView From(Asset a) => new(
        a.Id, a.CustomerId, a.StoreId, a.Kind, a.DisplayName, a.Brand, a.Model, a.Year, a.Vin, a.Plate, a.MileageKm, a.IsElectric,
        a.BatteryCapacityKwh, a.BatteryType, a.BatterySerial, a.SerialNumber, a.Imei, a.PurchaseDate, a.PurchaseProof, a.CreatedAt, a.Version);
}

/// <summary>The editable fields of an asset, for registration (alone or with a new customer) and update.</summary>
public sealed record AssetInput(
    AssetKind Kind,
    string Brand,
    string Model,
    int? Year = null,
    string? Vin = null,
    string? Plate = null,
    int? MileageKm = null,
    bool IsElectric = false,
    decimal? BatteryCapacityKwh = null,
    string? BatteryType = null,
    string? BatterySerial = null,
    string? SerialNumber = null,
    string? Imei = null,
    DateOnly? PurchaseDate = null,
    string? PurchaseProof = null)
{
    public AssetDetails ToDetails() => new(
        Kind, Brand ?? string.Empty, Model ?? string.Empty, Year, Vin, Plate, MileageKm, IsElectric, BatteryCapacityKwh, BatteryType, BatterySerial, SerialNumber, Imei, PurchaseDate, PurchaseProof);

    public static AssetInput From(AssetView a) => new(
        a.Kind, a.Brand, a.Model, a.Year, a.Vin, a.Plate, a.MileageKm, a.IsElectric, a.BatteryCapacityKwh, a.BatteryType, a.BatterySerial, a.SerialNumber, a.Imei, a.PurchaseDate, a.PurchaseProof);
}

/// <summary>Lengths here; what each kind needs (VIN check digit, IMEI Luhn, serial) is the domain's <see cref="AssetRules"/>.</summary>
internal sealed class AssetInputValidator : AbstractValidator<AssetInput>
{
    public AssetInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Brand).MaximumLength(Asset.TextMaxLength);
        RuleFor(x => x.Model).MaximumLength(Asset.TextMaxLength);
        RuleFor(x => x.BatteryType).MaximumLength(50);
        RuleFor(x => x.BatterySerial).MaximumLength(Asset.TextMaxLength);
        RuleFor(x => x.SerialNumber).MaximumLength(Asset.TextMaxLength);
        RuleFor(x => x.PurchaseProof).MaximumLength(Asset.TextMaxLength);
        RuleFor(x => x).Custom((input, context) =>
        {
            if (!Enum.IsDefined(input.Kind))
            {
                return;
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            foreach (var error in AssetRules.Check(input.ToDetails(), today))
            {
                var path = string.IsNullOrEmpty(context.PropertyPath) ? error.Field : $"{context.PropertyPath}.{error.Field}";
                context.AddFailure(new FluentValidation.Results.ValidationFailure(path, error.Code) { ErrorCode = error.Code });
            }
        });
    }
}

internal static class AssetFieldErrors
{
    public static IEnumerable<FieldError> Prefixed(this IEnumerable<FieldError> errors, string prefix) =>
        errors.Select(e => e with { Field = string.IsNullOrEmpty(e.Field) ? prefix : $"{prefix}.{e.Field}" });
}
