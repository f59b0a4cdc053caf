using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>The public page: each audience, who they are and its key message in the reader's language.</summary>
public sealed class CommunicationsIndexModel(CommunicationsPlanner planner, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<AudienceMessage> Messages { get; private set; } = [];

    public bool IsSecretariat { get; private set; }

    /// <summary>The secretariat, a working-group member or a focal point: sees the plan and channels.</summary>
    public bool ReadsPlan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Messages = await planner.MessagesAsync(ct);
        IsSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
        ReadsPlan = (await auth.AuthorizeAsync(User, Policies.ReadsCommunicationPlan)).Succeeded;
    }
}
