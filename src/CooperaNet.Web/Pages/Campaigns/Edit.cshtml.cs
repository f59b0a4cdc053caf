using CooperaNet.Application.Data;
using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Campaigns;

/// <summary>Changes a draft campaign; a running or ended one is no longer changed (409).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditModel(FollowUpCommands commands, FollowUpViews views, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : CampaignFormPage(db, cache, text)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await views.CampaignAsync(id, UiStrings.CurrentLanguage) is not { } campaign)
        {
            return NotFound();
        }

        if (campaign.Status != "draft")
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        Form = CampaignForm.Of(campaign);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (Input() is not { } input)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }

        var result = await commands.EditCampaignAsync(User, id, input);
        if (result.Refusal != Features.Catalog.EntryRefusal.None)
        {
            return await Refused(result);
        }

        TempData[Notices.Key] = "FollowUp.Campaign.Done.saved";
        return Redirect($"/{UiStrings.CurrentLanguage}{FollowUpRoutes.Campaign(id)}");
    }
}
