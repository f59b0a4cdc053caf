using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Catalog;

/// <summary>What a reader asks of the catalog. Every filter is optional.</summary>
public sealed record EntryFilter
{
    public EntryKind? Kind { get; init; }

    public string? Query { get; init; }

    public string? State { get; init; }

    public string? Subregion { get; init; }

    public string? SectorCategory { get; init; }

    public string? Sector { get; init; }

    public string? Sdg { get; init; }

    public Modality? Modality { get; init; }

    public string? Language { get; init; }

    /// <summary>Null: published only. Other statuses are shown to those allowed to see them.</summary>
    public EntryStatus? Status { get; init; }

    /// <summary>When set, published entries that expired before this day are left out.</summary>
    public DateOnly? OpenOn { get; init; }

    public string Sort { get; init; } = EntrySorts.Recent;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

public static class EntrySorts
{
    public const string Recent = "recent";
    public const string Title = "title";
    public const string Expiry = "expiry";

    public static IReadOnlyList<string> All { get; } = [Recent, Title, Expiry];
}

/// <summary>
/// How many entries each value of a filter would give, every other filter staying as it is: what a
/// reader sees beside each choice before making it.
/// </summary>
public sealed record EntryFacets(IReadOnlyDictionary<EntryKind, int> Kinds, IReadOnlyDictionary<Modality, int> Modalities, IReadOnlyDictionary<string, int> States);

/// <summary>A page of results and the total they come from.</summary>
public sealed record EntryPage(IReadOnlyList<CatalogEntry> Items, int Total, int Page, int PageSize);

/// <summary>
/// The catalog query. Text search matches the folded, stemmed terms of the query against the
/// entries' term index (every term must match), and crosses languages through sector names
/// (<see cref="SectorTerms"/>).
/// </summary>
public static class EntrySearch
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// Filters without paging; <paramref name="visibleStates"/> limits non-published statuses to the
    /// states a reader may see (null: all, for the secretariat). The words of a query that are words of a
    /// sector's name are looked up in <paramref name="codes"/>.
    /// </summary>
    public static IQueryable<CatalogEntry> Apply(CooperaNetDbContext db, ReferenceCodes codes, EntryFilter filter, IReadOnlyCollection<string>? visibleStates)
    {
        var query = db.Entries.AsNoTracking();
        if (filter.Status is null or EntryStatus.Published)
        {
            query = query.Where(e => e.Status == EntryStatus.Published);
            if (filter.OpenOn is { } day)
            {
                query = query.Where(e => e.ExpiresOn == null || e.ExpiresOn >= day);
            }
        }
        else
        {
            var status = filter.Status.Value;
            query = query.Where(e => e.Status == status);
            if (visibleStates is not null)
            {
                query = query.Where(e => visibleStates.Contains(e.StateCode));
            }
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        foreach (var term in SearchText.Terms(filter.Query).Take(8))
        {
            // IN rather than EXISTS: SQLite can then start from the term's postings instead of testing every entry.
            // A word of a sector's name finds the entries of that sector, in whatever language they are written.
            if (codes.SectorTerms.TryGetValue(term, out var sectors))
            {
                // One IN over a UNION, not an OR of two: SQLite still starts from the postings.
                query = query.Where(e => db.EntrySearchTerms.Where(t => t.Term == term).Select(t => t.EntryId)
                    .Union(db.Set<EntrySector>().Where(s => sectors.Contains(s.SectorCode)).Select(s => s.EntryId))
                    .Contains(e.Id));
            }
            else
            {
                query = query.Where(e => db.EntrySearchTerms.Where(t => t.Term == term).Select(t => t.EntryId).Contains(e.Id));
            }
        }

        if (!string.IsNullOrEmpty(filter.State))
        {
            query = query.Where(e => e.StateCode == filter.State);
        }

        if (!string.IsNullOrEmpty(filter.Subregion))
        {
            query = query.Where(e => db.MemberStates.Any(s => s.Code == e.StateCode && s.Subregion == filter.Subregion));
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(e => e.Sectors.Any(s => s.SectorCode == filter.Sector));
        }
        else if (!string.IsNullOrEmpty(filter.SectorCategory))
        {
            var prefix = filter.SectorCategory;
            query = query.Where(e => e.Sectors.Any(s => s.SectorCode.StartsWith(prefix)));
        }

        if (!string.IsNullOrEmpty(filter.Sdg))
        {
            var goalPrefix = filter.Sdg + ".";
            query = query.Where(e => e.Sdgs.Any(s => s.Code == filter.Sdg || s.Code.StartsWith(goalPrefix)));
        }

        if (filter.Modality is { } modality)
        {
            query = query.Where(e => e.Modality == modality);
        }

        if (!string.IsNullOrEmpty(filter.Language))
        {
            var lang = filter.Language;
            query = query.Where(e => e.Language == lang || e.Translations.Any(t => t.Language == lang));
        }

        return query;
    }

    /// <summary>Counts per kind, modality and state, each over the filtered entries without its own filter.</summary>
    public static async Task<EntryFacets> FacetsAsync(CooperaNetDbContext db, ReferenceCodes codes, EntryFilter filter, IReadOnlyCollection<string>? visibleStates, CancellationToken cancellationToken = default)
    {
        var kinds = await Apply(db, codes, filter with { Kind = null }, visibleStates)
            .GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var modalities = await Apply(db, codes, filter with { Modality = null }, visibleStates)
            .GroupBy(e => e.Modality).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var states = await Apply(db, codes, filter with { State = null }, visibleStates)
            .GroupBy(e => e.StateCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        return new EntryFacets(kinds, modalities, states);
    }

    public static async Task<EntryPage> PageAsync(CooperaNetDbContext db, ReferenceCodes codes, EntryFilter filter, IReadOnlyCollection<string>? visibleStates, CancellationToken cancellationToken = default)
    {
        var query = Apply(db, codes, filter, visibleStates);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var ordered = filter.Sort switch
        {
            EntrySorts.Title => query.OrderBy(e => e.Title).ThenBy(e => e.Id),
            EntrySorts.Expiry => query.OrderBy(e => e.ExpiresOn == null).ThenBy(e => e.ExpiresOn).ThenBy(e => e.Id),
            // A published entry always has PublishedAt; ordering on the bare column lets the listing index serve it.
            _ when filter.Status is null or EntryStatus.Published => query.OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id),
            _ => query.OrderByDescending(e => e.PublishedAt ?? e.UpdatedAt).ThenByDescending(e => e.Id),
        };
        var narrow = SearchText.Terms(filter.Query).Any();
        var (ids, total) = await EntryPaging.IdsAndTotalAsync(query, ordered, narrow, (page - 1) * size, size, cancellationToken);
        var items = await db.Entries.AsNoTracking()
            .Include(e => e.Translations).Include(e => e.Sectors).Include(e => e.Sdgs)
            .AsSplitQuery()
            .Where(e => ids.Contains(e.Id))
            .ToListAsync(cancellationToken);
        var byId = items.ToDictionary(e => e.Id);
        return new EntryPage(ids.Select(id => byId[id]).ToList(), total, page, size);
    }
}
