using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Crossing;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Pages.Matches;

/// <summary>
/// A state's pairs (its focal points see their own state's; the secretariat chooses a state), those
/// waiting on the state first; for the secretariat without a state, the overview of the crossing.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MatchesIndexModel(PairViews views, CooperaNetDbContext db, IMemoryCache cache) : PageModel
{
    public static readonly IReadOnlyList<string> Statuses = ["open", "agreed", "declined", "brokered"];

    public string? State { get; private set; }

    public string? Status { get; private set; }

    public CatalogLookups Lookups { get; private set; } = null!;

    public IReadOnlyList<PairView> Pairs { get; private set; } = [];

    public CrossingOverview? Overview { get; private set; }

    public IReadOnlyList<PairView> Agreed { get; private set; } = [];

    public IReadOnlyList<TriangularProposal> Triangular { get; private set; } = [];

    public bool IsSecretariat => User.IsSecretariat();

    public async Task<IActionResult> OnGetAsync(string? state, string? status)
    {
        if (!User.WritesForAState())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var lang = UiStrings.CurrentLanguage;
        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        State = PairViews.StateFor(User, state);
        if (State is not null && !Lookups.StatesByCode.ContainsKey(State))
        {
            return NotFound();
        }

        Status = Statuses.Contains(status) ? status : null;
        if (State is not null)
        {
            Pairs = await views.ForStateAsync(State, lang, Status);
            Triangular = await views.TriangularAsync(lang, State, take: 5);
            return Page();
        }

        Overview = await views.OverviewAsync();
        Agreed = await views.AgreedAsync(lang);
        Triangular = await views.TriangularAsync(lang, take: 10);
        return Page();
    }
}
