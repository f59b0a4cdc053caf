using CooperaNet.Web.Features.Participation;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Participation;

/// <summary>The states that went quiet: no change to an entry and no answer to a match for the configured number of days.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class ParticipationQuietModel(ParticipationViews views) : PageModel
{
    public IReadOnlyList<QuietStateView> States { get; private set; } = [];

    public int Days => views.Options.QuietAfterDays;

    public async Task OnGetAsync(CancellationToken ct) => States = await views.QuietAsync(UiStrings.CurrentLanguage, ct);
}
