using CooperaNet.Application.Identity;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Account;

/// <summary>
/// Signing out happens only on a POST with the antiforgery token, so a link or an image on another
/// site cannot sign anyone out. A GET shows the button, for browsers that land here by address.
/// </summary>
public sealed class SignOutModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect($"/{UiStrings.CurrentLanguage}/");
    }
}
