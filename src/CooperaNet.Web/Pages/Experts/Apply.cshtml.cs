using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>The account fields of an application, with the consent.</summary>
public sealed class ApplyAccount
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool Consent { get; set; }
}

/// <summary>
/// Anyone applies as an expert: an account, a profile and the recorded consent in one step; the new
/// expert is then signed in and sees their profile. A signed-in user is told to sign out first.
/// </summary>
public sealed class ApplyModel(ExpertCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text, IOptions<IdentityOptions> identity)
    : ExpertFormPage(commands, db, cache, text)
{
    [BindProperty]
    public ApplyAccount Account { get; set; } = new();

    public string? Notice { get; private set; }

    public int MinimumLength => identity.Value.Password.RequiredLength;

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsInRole(Roles.Expert))
        {
            return Redirect($"/{UiStrings.CurrentLanguage}{ExpertRoutes.Profile}");
        }

        Notice = Notices.Take(this);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SignedIn)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await ReadFormAsync() is not { } input)
        {
            return await ShowAsync();
        }

        var request = new ApplicationRequest(Account.Email, Account.Password, Account.Consent, UiStrings.CurrentLanguage, input);
        var result = await Commands.ApplyAsync(request, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, nameof(Account));
            foreach (var error in result.AccountErrors)
            {
                var field = ExpertEndpoints.AccountField(error.Code) == "email" ? nameof(ApplyAccount.Email) : nameof(ApplyAccount.Password);
                ModelState.AddModelError($"{nameof(Account)}.{field}", ExpertEndpoints.AccountMessage(Text, error, identity.Value.Password));
            }

            return await ShowAsync();
        }

        await Commands.SignInAsync(result.Profile!);
        TempData[Notices.Key] = "Experts.Applied";
        return Redirect($"/{UiStrings.CurrentLanguage}{ExpertRoutes.Profile}");
    }

    public async Task<IActionResult> OnPostSuggestAsync() =>
        SignedIn ? StatusCode(StatusCodes.Status403Forbidden) : await ShowSuggestionsAsync();
}
