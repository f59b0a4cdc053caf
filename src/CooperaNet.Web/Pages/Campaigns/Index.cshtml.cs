using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Campaigns;

/// <summary>The socialisation campaigns, for the secretariat (who runs them) and the working group (who reads them).</summary>
[Authorize(Policy = FollowUpPolicies.Readers)]
public sealed class IndexModel(FollowUpViews views, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync()
    {
        Notice = Notices.Take(this);
        Campaigns = await views.CampaignsAsync();
        CanWrite = (await auth.AuthorizeAsync(User, Infrastructure.Policies.Secretariat)).Succeeded;
    }
}
