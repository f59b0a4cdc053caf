using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Matching;

/// <summary>What pairing one entry changed.</summary>
public readonly record struct PairChanges(int Added, int Updated, int Removed, int Retired)
{
    public static PairChanges operator +(PairChanges a, PairChanges b) =>
        new(a.Added + b.Added, a.Updated + b.Updated, a.Removed + b.Removed, a.Retired + b.Retired);
}

/// <summary>
/// Stores an entry's best counterparts as pairs. Pairs nobody answered are replaced freely; a pair a
/// state has answered is never deleted: when the engine stops proposing it, it is marked as no longer
/// current and stays with its answers.
/// </summary>
public sealed class PairMaker(CooperaNetDbContext db, CatalogMatcher matcher, IOptions<MatchingOptions> options, TimeProvider clock)
{
    /// <summary>Pairs <paramref name="entryId"/> again with what the indexes hold now.</summary>
    public async Task<PairChanges> PairAsync(Guid entryId, CancellationToken ct = default)
    {
        try
        {
            return await PairOnceAsync(entryId, ct);
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same pair (one offer, one demand) at the same moment, or an
            // answer changed a pair meanwhile: read again and redo, once.
            db.ChangeTracker.Clear();
            return await PairOnceAsync(entryId, ct);
        }
    }

    private async Task<PairChanges> PairOnceAsync(Guid entryId, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var entry = await db.Entries.IgnoreQueryFilters().AsNoTracking()
            .Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == entryId, ct);
        var open = entry is not null && CatalogMatcher.IsOpen(entry, DateOnly.FromDateTime(now.UtcDateTime));
        var existing = await db.Pairs.Where(p => p.OfferId == entryId || p.DemandId == entryId).ToListAsync(ct);
        var byOther = existing.ToDictionary(p => p.OfferId == entryId ? p.DemandId : p.OfferId);

        var kept = new HashSet<Guid>();
        int added = 0, updated = 0, removed = 0, retired = 0;
        foreach (var match in open ? matcher.Find(entry!, settings.Top + 5) : [])
        {
            var other = Guid.Parse(match.Id);
            var otherState = matcher.StateOf(other);
            if (kept.Count == settings.Top || match.Score < settings.MinScore || otherState is null || otherState == entry!.StateCode)
            {
                // A state does not cooperate with itself.
                continue;
            }

            kept.Add(other);

            // The engine scores a pair a little differently from each side. A pair the demand ranks
            // carries the demand's view, so its score does not depend on which entry was paired last.
            var scored = entry!.Kind == EntryKind.Offer && await RankedByAsync(other, entryId, settings, ct) is { } demandView ? demandView : match;
            var reasons = CatalogMatcher.Serialize(scored.Reasons);
            if (byOther.TryGetValue(other, out var pair))
            {
                if (Math.Abs(pair.Score - scored.Score) > 0.0001 || pair.Reasons != reasons || !pair.IsCurrent)
                {
                    pair.Rescore(scored.Score, reasons, now);
                    updated++;
                }

                continue;
            }

            db.Pairs.Add(entry.Kind == EntryKind.Offer
                ? Pair.Propose(Guid.CreateVersion7(now), entry.Id, entry.StateCode, other, otherState, scored.Score, reasons, now)
                : Pair.Propose(Guid.CreateVersion7(now), other, otherState, entry.Id, entry.StateCode, scored.Score, reasons, now));
            added++;
        }

        foreach (var (other, pair) in byOther.Where(p => !kept.Contains(p.Key)))
        {
            // The pair may be there because the other entry ranks this one among its best.
            if (open && await RankedByAsync(other, entryId, settings, ct) is { } theirs)
            {
                var theirReasons = CatalogMatcher.Serialize(theirs.Reasons);
                if (Math.Abs(pair.Score - theirs.Score) > 0.0001 || pair.Reasons != theirReasons || !pair.IsCurrent)
                {
                    pair.Rescore(theirs.Score, theirReasons, now);
                    updated++;
                }

                continue;
            }

            if (pair.IsUnanswered)
            {
                db.Pairs.Remove(pair);
                removed++;
            }
            else if (pair.IsCurrent)
            {
                pair.Retire();
                retired++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new PairChanges(added, updated, removed, retired);
    }

    /// <summary>The match of <paramref name="entryId"/> among the best of <paramref name="otherId"/>, if it is one of them.</summary>
    private async Task<CooperaNet.Matching.Match?> RankedByAsync(Guid otherId, Guid entryId, MatchingOptions settings, CancellationToken ct)
    {
        var other = await db.Entries.AsNoTracking()
            .Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == otherId, ct);
        if (other is null || !CatalogMatcher.IsOpen(other, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            return null;
        }

        var id = entryId.ToString();
        return matcher.Find(other, settings.Top + 5)
            .Where(m => m.Score >= settings.MinScore && matcher.StateOf(Guid.Parse(m.Id)) is { } state && state != other.StateCode)
            .Take(settings.Top)
            .FirstOrDefault(m => m.Id == id);
    }
}
