using System.Text.Json;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Catalog;

/// <summary>
/// The public catalog: search and filters as a GET form with the API's query names, so any result
/// list is a shareable address and its download is the same address on the API.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CatalogListCache.PagePolicy)]
public sealed class CatalogIndexModel(CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, TimeProvider clock, IStringLocalizer<Program> text) : PageModel
{
    /// <summary>What the shared list cache keeps for a published listing: the page's ids, the total and the counts.</summary>
    private sealed record Listing(List<Guid> Ids, int Total, int Page, int PageSize, EntryFacets Facets);

    /// <summary>The query names that have a field on the page; errors on others are listed without a link.</summary>
    public static readonly IReadOnlyList<string> Fields = ["q", "kind", "state", "subregion", "category", "sector", "sdg", "modality", "language", "status", "sort"];

    private static readonly string[] ListOnly = ["page", "pageSize"];

    public CatalogLookups Lookups { get; private set; } = null!;

    public EntryFilter Filter { get; private set; } = new();

    public EntryPage? Results { get; private set; }

    public EntryFacets? Facets { get; private set; }

    /// <summary>Focal points and the secretariat may list entries that are not published.</summary>
    public bool CanFilterByStatus { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var lang = UiStrings.CurrentLanguage;
        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        CanFilterByStatus = User.WritesForAState();
        Notice = Account.Notices.Take(this);

        var (filter, errors) = CatalogFilters.Parse(Request.Query, kind: null, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        foreach (var error in errors)
        {
            ModelState.AddModelError(Fields.Contains(error.Field) ? error.Field : string.Empty, Problems.Message(text, error));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Filter = filter;
        var visible = CatalogEndpoints.VisibleStates(User);
        if (lists.Enabled && filter.Status is null or EntryStatus.Published)
        {
            // Published listings are the same for every reader: the search and its counts are shared
            // through the list cache (cleared by every write); only the page's entries are read here.
            var listing = JsonSerializer.Deserialize<Listing>(await lists.GetAsync($"page|{JsonSerializer.Serialize(filter)}", async services =>
            {
                var shared = services.GetRequiredService<CooperaNetDbContext>();
                var codes = await ReferenceCodes.LoadAsync(shared, cache);
                var page = await EntrySearch.PageAsync(shared, codes, filter, visible);
                var facets = await EntrySearch.FacetsAsync(shared, codes, filter, visible);
                return JsonSerializer.SerializeToUtf8Bytes(new Listing([.. page.Items.Select(e => e.Id)], page.Total, page.Page, page.PageSize, facets));
            }))!;
            var entries = await db.Entries.AsNoTracking()
                .Include(e => e.Translations).Include(e => e.Sectors).Include(e => e.Sdgs)
                .AsSplitQuery()
                .Where(e => listing.Ids.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, ct);
            Results = new EntryPage([.. listing.Ids.Where(entries.ContainsKey).Select(id => entries[id])], listing.Total, listing.Page, listing.PageSize);
            Facets = listing.Facets;
            return;
        }

        var reference = await ReferenceCodes.LoadAsync(db, cache);
        Results = await EntrySearch.PageAsync(db, reference, filter, visible, ct);
        Facets = await EntrySearch.FacetsAsync(db, reference, filter, visible, ct);
    }

    /// <summary>The value the reader gave for <paramref name="key"/>, to show it again in its field.</summary>
    public string Value(string key) => Request.Query[key].ToString();

    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public EntryCard Card(CatalogEntry entry) =>
        new(entry, Lookups.StateName(entry.StateCode), [.. entry.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal).Select(Lookups.SectorName)]);

    public Pager Pager() => new(Results!.Page, Results.PageSize, Results.Total, text["Pages.Catalog.Pages"], PageLink);

    /// <summary>This list on another page.</summary>
    public string PageLink(int page)
    {
        var query = Current(except: ["page"]);
        if (page > 1)
        {
            query = query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return $"/{UiStrings.CurrentLanguage}{Routes.Catalog}{query}";
    }

    /// <summary>The same filters on the API, as a file in the page language.</summary>
    public string DownloadLink(EntryKind kind, string format)
    {
        var query = Current(except: [.. ListOnly, "kind", "format", ApiLanguage.QueryKey]).Add("format", format).Add(ApiLanguage.QueryKey, UiStrings.CurrentLanguage);
        return $"/api/v1/{EntryKinds.NameOf(kind)}s{query}";
    }

    /// <summary>The kinds a download is offered for: the filtered one, or both.</summary>
    public IEnumerable<EntryKind> DownloadKinds() => Filter.Kind is { } kind ? [kind] : [EntryKind.Offer, EntryKind.Demand];

    public int Count(EntryKind kind) => Facets?.Kinds.GetValueOrDefault(kind) ?? 0;

    public int Count(Modality modality) => Facets?.Modalities.GetValueOrDefault(modality) ?? 0;

    public int Count(string state) => Facets?.States.GetValueOrDefault(state) ?? 0;

    public bool HasFilters => Fields.Any(f => f != "sort" && Value(f).Length > 0);

    /// <summary>The non-empty parameters of this request but <paramref name="except"/>; an empty form field adds nothing.</summary>
    private QueryString Current(string[] except) => QueryString.Create(Request.Query
        .Where(p => !except.Contains(p.Key) && !string.IsNullOrWhiteSpace(p.Value.ToString()))
        .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())));
}
