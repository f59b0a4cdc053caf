using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Experiences;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Experiences;

/// <summary>What a reader asks of the published experiences; every part is optional.</summary>
public sealed record ExperienceFilter
{
    public const int PageSize = 20;

    public ExperienceKind? Kind { get; init; }

    /// <summary>Alpha-2 code of a state the experience is about.</summary>
    public string? State { get; init; }

    /// <summary>A 5-digit DAC sector, or a 3-digit category.</summary>
    public string? Sector { get; init; }

    /// <summary>An SDG goal number: targets of the goal count.</summary>
    public string? Sdg { get; init; }

    /// <summary>Words, in any of the four languages.</summary>
    public string? Text { get; init; }

    public int Page { get; init; } = 1;
}

/// <summary>One page of experiences and how many there are in all.</summary>
public sealed record ExperiencePage(int Total, int Page, IReadOnlyList<Experience> Items);

/// <summary>
/// Published experiences: search and filters for the list and the API, the newest for the feed, and
/// the related ones for an offer, a demand or an initiative. Text search matches the folded, stemmed
/// terms kept in <see cref="Experience.SearchText"/> by prefix, with plain string operations that mean
/// the same on SQLite and PostgreSQL.
/// </summary>
public static class ExperienceSearch
{
    public static async Task<ExperiencePage> PageAsync(CooperaNetDbContext db, ExperienceFilter filter, CancellationToken ct = default)
    {
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var items = await query
            .OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * ExperienceFilter.PageSize).Take(ExperienceFilter.PageSize)
            .Include(e => e.Translations).Include(e => e.States).Include(e => e.Sectors).Include(e => e.Sdgs)
            .AsSplitQuery().AsNoTracking()
            .ToListAsync(ct);
        return new ExperiencePage(total, page, items);
    }

    /// <summary>The newest published experiences, for the feed.</summary>
    public static Task<List<Experience>> NewestAsync(CooperaNetDbContext db, int count, CancellationToken ct = default) =>
        Published(db).OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id).Take(count)
            .Include(e => e.Translations).Include(e => e.Sectors).Include(e => e.Sdgs).Include(e => e.States)
            .AsSplitQuery().AsNoTracking().ToListAsync(ct);

    /// <summary>
    /// The published experiences most related to <paramref name="subject"/>, ranked by
    /// <see cref="RelatedExperiences"/>. Only the codes of the published experiences are read to rank
    /// them (a few columns each), then the few that made it are loaded whole.
    /// </summary>
    public static async Task<List<Experience>> RelatedAsync(CooperaNetDbContext db, Subject subject, int take, Guid? except = null, CancellationToken ct = default)
    {
        var candidates = await Published(db)
            .Select(e => new
            {
                e.Id,
                e.InitiativeId,
                e.PublishedAt,
                Sectors = e.Sectors.Select(s => s.SectorCode).ToList(),
                Sdgs = e.Sdgs.Select(s => s.Code).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var ranked = RelatedExperiences.Rank(
            subject,
            candidates.Select(c => new RelatedCandidate(c.Id, new Subject(c.Sectors, c.Sdgs, c.InitiativeId), c.PublishedAt!.Value)),
            take,
            except);
        var ids = ranked.Select(r => r.Id).ToList();
        var experiences = await db.Experiences.AsNoTracking().Include(e => e.Translations).Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        return [.. ids.Select(id => experiences.Single(e => e.Id == id))];
    }

    private static IQueryable<Experience> Published(CooperaNetDbContext db) =>
        db.Experiences.Where(e => e.Status == ExperienceStatus.Published && e.PublishedAt != null);

    private static IQueryable<Experience> Filtered(CooperaNetDbContext db, ExperienceFilter filter)
    {
        var query = Published(db);
        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            var state = filter.State.Trim().ToUpperInvariant();
            query = query.Where(e => e.States.Any(s => s.StateCode == state));
        }

        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            var sector = filter.Sector.Trim();
            query = sector.Length == 3
                ? query.Where(e => e.Sectors.Any(s => s.SectorCode.StartsWith(sector)))
                : query.Where(e => e.Sectors.Any(s => s.SectorCode == sector));
        }

        if (!string.IsNullOrWhiteSpace(filter.Sdg))
        {
            var goal = filter.Sdg.Trim();
            var prefix = goal + ".";
            query = query.Where(e => e.Sdgs.Any(s => s.Code == goal || s.Code.StartsWith(prefix)));
        }

        foreach (var term in SearchText.Terms(filter.Text).Take(8))
        {
            var word = " " + term;
            query = query.Where(e => e.SearchText.Contains(word));
        }

        return query;
    }
}
