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

public sealed record TwoFactorInput
{
    [Required(ErrorMessage = "Account.Validation.CodeRequired")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Account.Validation.CodeFormat")]
    public string Code { get; init; } = string.Empty;

    public bool RememberBrowser { get; init; }
}

/// <summary>The second step of signing in: the six-digit code from the authenticator app.</summary>
public sealed class TwoFactorModel(SignInManager<ApplicationUser> signIn, CooperaNetDbContext db, TimeProvider clock, IStringLocalizer<Program> text, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    /// <summary>False for the secretariat, who must give a code at every sign-in.</summary>
    public bool MayRememberBrowser { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect($"/{UiStrings.CurrentLanguage}{Routes.SignIn}");
        }

        MayRememberBrowser = !await SecretariatTwoFactor.IsRequiredForAsync(signIn.UserManager, user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect($"/{UiStrings.CurrentLanguage}{Routes.SignIn}");
        }

        MayRememberBrowser = !await SecretariatTwoFactor.IsRequiredForAsync(signIn.UserManager, user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await throttle.TrySecondFactorAsync(HttpContext.Connection.RemoteIpAddress, user.Id.ToString(), HttpContext.RequestAborted) is { } wait)
        {
            return this.TooManyAttempts(wait, text["Harden.SecondFactor.TooMany", SignInThrottle.Seconds(wait)]);
        }

        var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, MayRememberBrowser && Input.RememberBrowser);
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
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", text["Account.TwoFactor.WrongCode"]);
        }

        return Page();
    }
}
