using System.ComponentModel.DataAnnotations;
using System.Text;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CooperaNet.Web.Pages.Account;

public sealed record ForgotPasswordInput
{
    [Required(ErrorMessage = "Account.Validation.EmailRequired")]
    [EmailAddress(ErrorMessage = "Account.Validation.EmailInvalid")]
    public string Email { get; init; } = string.Empty;
}

/// <summary>
/// Sends a reset link. The answer is the same whether or not the address has an account, so the
/// page cannot be used to find out who is registered.
/// </summary>
public sealed class ForgotPasswordModel(UserManager<ApplicationUser> users, AccountEmails emails, CooperaNetDbContext db) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    /// <summary>True after a request, to show the confirmation instead of the form.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var language = AccountEmails.LanguageFor(user);
            var query = QueryString.Create("email", user.Email!).Add("code", code);
            emails.QueuePasswordReset(user, language, $"{emails.BaseUrl(Request)}/{language}{Routes.ResetPassword}{query}");
            await db.SaveChangesAsync();
        }

        return Redirect($"/{UiStrings.CurrentLanguage}{Routes.ForgotPassword}?sent=true");
    }
}
