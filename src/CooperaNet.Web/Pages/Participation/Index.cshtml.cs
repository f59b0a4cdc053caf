using CooperaNet.Application.Catalog;
using CooperaNet.Application.Participation;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Participation;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Participation;

/// <summary>
/// Which member states publish: the headline figure, a map of the Americas coloured by each state's
/// published entries, and the same figures as a table. Every number links to the catalog list it counts.
/// Anonymous readers share the rendered page with the catalog's pages, evicted by every catalog write.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CatalogListCache.PagePolicy)]
public sealed class ParticipationIndexModel(ParticipationViews views, ParticipationMap map) : PageModel
{
    public static readonly IReadOnlyList<ActivityLevel> Levels = Enum.GetValues<ActivityLevel>();

    public ParticipationView View { get; private set; } = null!;

    public ParticipationMap Map => map;

    public async Task OnGetAsync(CancellationToken ct) => View = await views.SummaryAsync(UiStrings.CurrentLanguage, ct);

    public static string CatalogLink(string? state = null, EntryKind? kind = null)
    {
        var query = QueryString.Empty;
        if (state is not null)
        {
            query = query.Add("state", state);
        }

        if (kind is { } k)
        {
            query = query.Add("kind", EntryKinds.NameOf(k));
        }

        return $"/{UiStrings.CurrentLanguage}{Routes.Catalog}{query}";
    }

    public static string StateLink(string code) => $"/{UiStrings.CurrentLanguage}{Routes.State(code)}";

    public static string LevelClass(ActivityLevel level) => "activity-" + level.ToString().ToLowerInvariant();
}
