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

/// <summary>A new campaign, saved as a draft.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class NewModel(FollowUpCommands commands, FollowUpViews views, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : CampaignFormPage(db, cache, text)
{
    public async Task OnGetAsync()
    {
        var today = views.Today;
        Form.StartsOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Form.EndsOn = today.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input() is not { } input)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }

        var result = await commands.CreateCampaignAsync(User, input);
        if (result.Refusal != Features.Catalog.EntryRefusal.None)
        {
            return await Refused(result);
        }

        TempData[Notices.Key] = "FollowUp.Campaign.Done.created";
        return Redirect($"/{UiStrings.CurrentLanguage}{FollowUpRoutes.Campaign(result.Id!.Value)}");
    }
}
