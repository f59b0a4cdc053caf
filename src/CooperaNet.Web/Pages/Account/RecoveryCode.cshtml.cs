using System.ComponentModel.DataAnnotations;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Participation;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Account;

public sealed record RecoveryCodeInput
{
    [Required(ErrorMessage = "Account.Validation.RecoveryCodeRequired")]
    [StringLength(50, ErrorMessage = "Account.Validation.RecoveryCodeFormat")]
    public string Code { get; init; } = string.Empty;
}

/// <summary>The second step of signing in when the authenticator is lost: one of the single-use recovery codes.</summary>
public sealed class RecoveryCodeModel(SignInManager<ApplicationUser> signIn, CooperaNetDbContext db, TimeProvider clock, IStringLocalizer<Program> text, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public RecoveryCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect($"/{UiStrings.CurrentLanguage}{Routes.SignIn}") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect($"/{UiStrings.CurrentLanguage}{Routes.SignIn}");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await throttle.TrySecondFactorAsync(HttpContext.Connection.RemoteIpAddress, user.Id.ToString(), HttpContext.RequestAborted) is { } wait)
        {
            return this.TooManyAttempts(wait, text["Harden.SecondFactor.TooMany", SignInThrottle.Seconds(wait)]);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            await LastSignIn.RecordAsync(db, user.Id, clock);
            return LocalRedirect(AccountRedirects.AfterSignIn(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, text["Account.SignIn.LockedOut"]);
        }
        else
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", text["Account.RecoveryCode.WrongCode"]);
        }

        return Page();
    }
}
