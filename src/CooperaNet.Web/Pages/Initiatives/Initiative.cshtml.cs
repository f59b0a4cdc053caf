using CooperaNet.Application.Data;
using CooperaNet.Domain.Crossing;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Crossing;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Initiatives;

/// <summary>An initiative: SEGIB type and modality, each state's role, its status and the secretariat's buttons to move it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class InitiativeModel(PairCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    public Initiative Initiative { get; private set; } = null!;

    public CatalogLookups Lookups { get; private set; } = null!;

    public bool CanMove { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? move)
    {
        var outcome = await commands.MoveInitiativeAsync(User, id, move ?? string.Empty);
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = "Pages.Initiative.Done." + move;
                return Redirect($"/{UiStrings.CurrentLanguage}{Routes.Initiative(id)}");
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        await ShowAsync(id);
        ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> ShowAsync(Guid id)
    {
        var initiative = await commands.ReadInitiativeAsync(User, id);
        if (initiative is null)
        {
            return false;
        }

        Initiative = initiative;
        Lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);
        CanMove = User.IsSecretariat() && initiative.Status != InitiativeStatus.Completed;
        return true;
    }
}
