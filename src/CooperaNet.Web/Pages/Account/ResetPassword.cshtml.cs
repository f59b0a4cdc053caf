using System.ComponentModel.DataAnnotations;
using System.Text;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Pages.Account;

public sealed record ResetPasswordInput
{
    [Required(ErrorMessage = "Account.Validation.EmailRequired")]
    [EmailAddress(ErrorMessage = "Account.Validation.EmailInvalid")]
    public string Email { get; init; } = string.Empty;

    /// <summary>The Base64Url-encoded token from the e-mail's link (a hidden field: checked by Identity, not here).</summary>
    public string? Code { get; init; }

    [Required(ErrorMessage = "Account.Validation.NewPasswordRequired")]
    public string Password { get; init; } = string.Empty;

    [Required(ErrorMessage = "Account.Validation.ConfirmPasswordRequired")]
    [Compare(nameof(Password), ErrorMessage = "Account.Validation.PasswordsDiffer")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

/// <summary>Sets a new password with the link from the reset e-mail.</summary>
public sealed class ResetPasswordModel(UserManager<ApplicationUser> users, IStringLocalizer<Program> text, IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public int MinimumLength => identity.Value.Password.RequiredLength;

    public void OnGet(string? email, string? code) => Input = new ResetPasswordInput { Email = email ?? string.Empty, Code = code };

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var token = Decode(Input.Code);
        if (user is null || token is null)
        {
            // The same answer for an unknown address as for a bad link: nothing to learn about who has an account.
            ModelState.AddModelError(string.Empty, text[IdentityErrors.KeyFor(nameof(IdentityErrorDescriber.InvalidToken))]);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, result.Errors, text, identity.Value.Password, $"{nameof(Input)}.{nameof(Input.Password)}");
            return Page();
        }

        TempData[Notices.Key] = "Account.ResetPassword.Done";
        return Redirect($"/{UiStrings.CurrentLanguage}{Routes.SignIn}");
    }

    private static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
