using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Campaigns;

/// <summary>A campaign: its message and steps, the buttons that start and end it, and what was sent to each state.</summary>
[Authorize(Policy = FollowUpPolicies.Readers)]
public sealed class CampaignModel(FollowUpViews views, FollowUpCommands commands, IAuthorizationService auth, IStringLocalizer<Program> text) : PageModel
{
    public CampaignView Campaign { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? move)
    {
        var result = await commands.MoveCampaignAsync(User, id, move ?? string.Empty);
        switch (result.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = "FollowUp.Campaign.Done." + move;
                return Redirect($"/{UiStrings.CurrentLanguage}{FollowUpRoutes.Campaign(id)}");
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        ModelState.AddModelError(string.Empty, text["Error." + result.Conflict]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> ShowAsync(Guid id)
    {
        if (await views.CampaignAsync(id, UiStrings.CurrentLanguage) is not { } campaign)
        {
            return false;
        }

        Campaign = campaign;
        CanWrite = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
        return true;
    }
}
