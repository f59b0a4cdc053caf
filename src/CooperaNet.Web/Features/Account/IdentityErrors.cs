using CooperaNet.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Account;

/// <summary>
/// Identity describes its errors in English only; the pages show our own text for each code instead,
/// on the password field when the password is at fault.
/// </summary>
public static class IdentityErrors
{
    private static readonly HashSet<string> PasswordCodes = new(StringComparer.Ordinal)
    {
        nameof(IdentityErrorDescriber.PasswordTooShort),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit),
        nameof(IdentityErrorDescriber.PasswordRequiresLower),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars),
        nameof(IdentityErrorDescriber.PasswordMismatch),
        CommonPasswordValidator.Code,
    };

    private static readonly HashSet<string> OtherCodes = new(StringComparer.Ordinal)
    {
        nameof(IdentityErrorDescriber.InvalidToken),
        nameof(IdentityErrorDescriber.InvalidEmail),
        nameof(IdentityErrorDescriber.ConcurrencyFailure),
        nameof(IdentityErrorDescriber.DefaultError),
    };

    /// <summary>The resource key for an error code; unknown codes get the general message.</summary>
    public static string KeyFor(string code) =>
        code == CommonPasswordValidator.Code ? "Security.PasswordCommon"
        : PasswordCodes.Contains(code) || OtherCodes.Contains(code)
            ? "Account.IdentityError." + code
            : "Account.IdentityError." + nameof(IdentityErrorDescriber.DefaultError);

    /// <summary>Adds each error to the model state, in the request's language.</summary>
    public static void AddTo(ModelStateDictionary modelState, IEnumerable<IdentityError> errors, IStringLocalizer text, PasswordOptions password, string passwordField)
    {
        foreach (var error in errors)
        {
            var field = PasswordCodes.Contains(error.Code) ? passwordField : string.Empty;
            modelState.AddModelError(field, text[KeyFor(error.Code), password.RequiredLength, password.RequiredUniqueChars]);
        }
    }
}
