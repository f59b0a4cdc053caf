using System.ComponentModel.DataAnnotations;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Participation;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Account;

public sealed record SignInInput
{
    [Required(ErrorMessage = "Account.Validation.EmailRequired")]
    [EmailAddress(ErrorMessage = "Account.Validation.EmailInvalid")]
    public string Email { get; init; } = string.Empty;

    [Required(ErrorMessage = "Account.Validation.PasswordRequired")]
    public string Password { get; init; } = string.Empty;

    public bool RememberMe { get; init; }
}

public sealed class SignInModel(SignInManager<ApplicationUser> signIn, CooperaNetDbContext db, TimeProvider clock, IStringLocalizer<Program> text, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>Where to go after signing in; honoured only when it is a path on this site.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await throttle.TryAttemptAsync(HttpContext.Connection.RemoteIpAddress, Input.Email, HttpContext.RequestAborted) is { } wait)
        {
            return this.TooManyAttempts(wait, text["Security.SignIn.TooMany", SignInThrottle.Seconds(wait)]);
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (await signIn.UserManager.FindByNameAsync(Input.Email.Trim()) is { } user)
            {
                await LastSignIn.RecordAsync(db, user.Id, clock);
            }

            return LocalRedirect(AccountRedirects.AfterSignIn(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect(AccountRedirects.WithReturnUrl(Routes.TwoFactor, ReturnUrl, Input.RememberMe));
        }

        ModelState.AddModelError(string.Empty, text[result.IsLockedOut ? "Account.SignIn.LockedOut" : "Account.SignIn.Failed"]);
        return Page();
    }
}
