using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Reference;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.States;

/// <summary>A member state: who it is, the groups it belongs to, and its published offers and demands.</summary>
public sealed class StatePageModel(CooperaNetDbContext db, IMemoryCache cache, TimeProvider clock, IStringLocalizer<Program> text) : PageModel
{
    public const int PageSize = 10;

    public MemberStateItem State { get; private set; } = null!;

    public CatalogLookups Lookups { get; private set; } = null!;

    public EntryPage Offers { get; private set; } = null!;

    public EntryPage Demands { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int offers, int demands, CancellationToken ct)
    {
        var lang = UiStrings.CurrentLanguage;
        if (code.Any(char.IsLower))
        {
            return RedirectPermanent($"/{lang}{Routes.State(code.ToUpperInvariant())}{Request.QueryString}");
        }

        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        if (!Lookups.StatesByCode.TryGetValue(code, out var state))
        {
            return NotFound();
        }

        State = state;
        Offers = await ListAsync(EntryKind.Offer, offers, ct);
        Demands = await ListAsync(EntryKind.Demand, demands, ct);
        return Page();
    }

    public EntryCard Card(CatalogEntry entry) =>
        new(entry, State.Name, [.. entry.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal).Select(Lookups.SectorName)], ShowState: false);

    public Pager Pager(EntryKind kind)
    {
        var list = kind == EntryKind.Offer ? Offers : Demands;
        var name = EntryKinds.NameOf(kind);
        return new Pager(list.Page, list.PageSize, list.Total, text[$"Pages.State.Pages.{name}"], page =>
        {
            var (offers, demands) = kind == EntryKind.Offer ? (page, Demands.Page) : (Offers.Page, page);
            return $"?offers={offers}&demands={demands}#{name}s-title";
        });
    }

    /// <summary>The whole list in the catalog, where it can be searched and downloaded.</summary>
    public string CatalogLink(EntryKind kind) =>
        $"/{UiStrings.CurrentLanguage}{Routes.Catalog}{QueryString.Create("state", State.Code).Add("kind", EntryKinds.NameOf(kind))}";

    private async Task<EntryPage> ListAsync(EntryKind kind, int page, CancellationToken ct) =>
        await EntrySearch.PageAsync(db, await ReferenceCodes.LoadAsync(db, cache), new EntryFilter { Kind = kind, State = State.Code, OpenOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Page = Math.Clamp(page, 1, 100_000), PageSize = PageSize }, visibleStates: [], ct);
}
