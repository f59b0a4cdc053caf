using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>The channels, active first, for the secretariat, working-group members and focal points.</summary>
[Authorize(Policy = Policies.ReadsCommunicationPlan)]
public sealed class ChannelsModel(CommunicationsPlanner planner, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    public bool IsSecretariat { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Channels = await planner.ChannelsAsync(ct);
        IsSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
    }
}
