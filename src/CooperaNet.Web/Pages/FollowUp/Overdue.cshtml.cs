using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.FollowUp;

/// <summary>Every next step still open after its day, across the states, oldest first.</summary>
[Authorize(Policy = FollowUpPolicies.Readers)]
public sealed class OverdueModel(FollowUpViews views, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<FollowUpEntryView> Entries { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync()
    {
        Entries = await views.OverdueAsync(UiStrings.CurrentLanguage);
        CanWrite = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
    }
}
