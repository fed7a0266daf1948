using AfterSales.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Infrastructure;

/// <summary>Runs a request's FluentValidation rules and returns field errors with localized messages.</summary>
public sealed class RequestValidation(IServiceProvider services, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IReadOnlyList<FieldError>> CheckAsync<T>(T request, CancellationToken ct)
    {
        var validator = services.GetService<IValidator<T>>();
        if (validator is null)
        {
            return [];
        }

        var result = await validator.ValidateAsync(request, ct);
        return result.Errors
            .Select(e => IsOwnCode(e.ErrorCode)
                ? new FieldError(e.ErrorCode, e.PropertyName, localizer[e.ErrorCode, e.AttemptedValue ?? string.Empty])
                : new FieldError("common.invalid_value", e.PropertyName, e.ErrorMessage))
            .ToList();
    }

    /// <summary>Our codes look like "asset.vin_invalid"; FluentValidation's built-ins like "NotEmptyValidator".</summary>
    private static bool IsOwnCode(string code) => code.Contains('.', StringComparison.Ordinal);

    /// <summary>Localized field names in FluentValidation's own messages ("'姓名' 不能为空。").</summary>
    public static void UseLocalizedDisplayNames(IStringLocalizerFactory factory)
    {
        var localizer = factory.Create(typeof(SharedResource));
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
        {
            if (member is null)
            {
                return null;
            }

            var text = localizer["field." + member.Name];
            return text.ResourceNotFound ? member.Name : text.Value;
        };
    }
}
