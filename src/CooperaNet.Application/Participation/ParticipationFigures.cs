using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Participation;

/// <summary>How much a state publishes, in the classes the map colours.</summary>
public enum ActivityLevel
{
    /// <summary>No published entry.</summary>
    None = 0,

    /// <summary>1 to 4 published entries.</summary>
    Few = 1,

    /// <summary>5 to 19.</summary>
    Some = 2,

    /// <summary>20 or more.</summary>
    Many = 3,
}

/// <summary>A member state's published offers and demands: the public figures of the participation page.</summary>
/// <param name="Code">Alpha-2 code.</param>
/// <param name="Offers">Published offers still open, as the catalog lists them.</param>
/// <param name="Demands">Published demands still open.</param>
/// <param name="LastPublishedAt">When the most recent of them was published.</param>
public sealed record StateActivity(string Code, int Offers, int Demands, DateTimeOffset? LastPublishedAt)
{
    public int Published => Offers + Demands;

    public ActivityLevel Level => Published switch
    {
        0 => ActivityLevel.None,
        < 5 => ActivityLevel.Few,
        < 20 => ActivityLevel.Some,
        _ => ActivityLevel.Many,
    };
}

/// <summary>Every member state's activity, and how many of them have published at least one entry.</summary>
public sealed record ParticipationSummary(IReadOnlyList<StateActivity> States)
{
    public int Active => States.Count(s => s.Published > 0);

    public int Total => States.Count;
}

/// <summary>The public figures, counted as the catalog lists entries: published, still open on <c>today</c> (deleted ones are filtered for every query).</summary>
public static class ParticipationFigures
{
    public static async Task<ParticipationSummary> SummaryAsync(CooperaNetDbContext db, DateOnly today, CancellationToken ct)
    {
        var codes = await db.MemberStates.AsNoTracking().Select(s => s.Code).OrderBy(c => c).ToListAsync(ct);
        var rows = await db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Published && (e.ExpiresOn == null || e.ExpiresOn >= today))
            .GroupBy(e => new { e.StateCode, e.Kind })
            .Select(g => new { g.Key.StateCode, g.Key.Kind, Count = g.Count(), Last = g.Max(e => e.PublishedAt) })
            .ToListAsync(ct);
        var byState = rows.ToLookup(r => r.StateCode, StringComparer.Ordinal);
        return new ParticipationSummary([.. codes.Select(code =>
        {
            var state = byState[code].ToList();
            return new StateActivity(
                code,
                state.Where(r => r.Kind == EntryKind.Offer).Sum(r => r.Count),
                state.Where(r => r.Kind == EntryKind.Demand).Sum(r => r.Count),
                state.Max(r => r.Last));
        })]);
    }
}
