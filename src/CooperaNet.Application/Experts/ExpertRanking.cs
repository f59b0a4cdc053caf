using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Matching;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Experts;
using CooperaNet.Matching;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Experts;

/// <summary>An expert ranked for a demand: the score and the engine's reasons, as for a pair of offer and demand.</summary>
public sealed record RankedExpert(Guid ExpertId, string FullName, string Nationality, Availability Availability, double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// The experts of the roster who can take a mission (available or partly) in the matching engine's
/// index, as the "offer" side: their summary, position and education as text, their sectors, SDGs
/// and working languages as codes. Kept in step with the database by reading the profiles changed
/// since the last look (<c>UpdatedAt</c> watermark), as <see cref="CatalogMatcher"/> does, so every
/// app instance ranks the same experts whichever instance changed them. A singleton.
/// </summary>
public sealed class ExpertIndex : IDisposable
{
    private const int SyncPage = 5000;

    private readonly SemaphoreSlim syncing = new(1, 1);
    private readonly Dictionary<Guid, DateTimeOffset> appliedVersions = [];
    private readonly MatchIndex experts = MatchingKnowledgeLoader.Engine.CreateIndex();
    private DateTimeOffset watermark = DateTimeOffset.MinValue;

    /// <summary>Experts in the index.</summary>
    public int Count => experts.Count;

    /// <summary>Whether the profile is ranked: in the roster and available, fully or partly.</summary>
    public static bool IsRankable(ExpertProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.IsInRoster && profile.Availability is Availability.Available or Availability.Partly;
    }

    /// <summary>Reads the profiles changed since the last call (all of them the first time) into the index.</summary>
    public async Task SyncAsync(CooperaNetDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await syncing.WaitAsync(ct);
        try
        {
            // A little overlap: a change committed late with an earlier time is read again, never missed.
            var since = watermark == DateTimeOffset.MinValue ? watermark : watermark - TimeSpan.FromSeconds(5);
            var latest = watermark;
            for (var skip = 0; ; skip += SyncPage)
            {
                var page = await db.ExpertProfiles.AsNoTracking()
                    .Include(p => p.Languages).Include(p => p.Sectors).Include(p => p.Sdgs)
                    .AsSplitQuery()
                    .Where(p => p.UpdatedAt > since)
                    .OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id)
                    .Skip(skip).Take(SyncPage)
                    .ToListAsync(ct);
                foreach (var profile in page)
                {
                    // Indexing an unchanged profile again would skew the text statistics.
                    if (appliedVersions.TryGetValue(profile.Id, out var applied) && applied == profile.UpdatedAt)
                    {
                        continue;
                    }

                    Apply(profile);
                    appliedVersions[profile.Id] = profile.UpdatedAt;
                    latest = profile.UpdatedAt > latest ? profile.UpdatedAt : latest;
                }

                if (page.Count < SyncPage)
                {
                    break;
                }
            }

            watermark = latest;
        }
        finally
        {
            syncing.Release();
        }
    }

    /// <summary>Adds, replaces or removes one profile (the sync does it; a bulk load may too).</summary>
    public void Apply(ExpertProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (IsRankable(profile))
        {
            experts.AddOrUpdate(ToMatchEntry(profile));
        }
        else
        {
            experts.Remove(profile.Id.ToString());
        }
    }

    /// <summary>The <paramref name="top"/> best experts for the demand, best first, with reasons.</summary>
    public IReadOnlyList<Match> Rank(MatchEntry demand, int top) => experts.Count == 0 ? [] : experts.Search(demand, top);

    /// <summary>
    /// An expert as the engine's "offer": the summary, position and education as text, in the best
    /// of the four languages the expert speaks (the profile does not say which one the summary is
    /// in); the working languages they command (advanced or native); the form of cooperation an
    /// expert mission.
    /// </summary>
    public static MatchEntry ToMatchEntry(ExpertProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var languages = profile.Languages.OrderByDescending(l => l.Level).ThenBy(l => IndexOf(l.Language)).ToList();
        return new MatchEntry
        {
            Id = profile.Id.ToString(),
            Side = EntrySide.Offer,
            Title = profile.CurrentPosition,
            Description = string.Join('\n', new[] { profile.Summary, profile.Education }.Where(t => t.Length > 0)),
            Language = languages.Select(l => l.Language).FirstOrDefault(Languages.IsSupported) ?? Languages.Default,
            Sectors = [.. profile.Sectors.Select(s => s.SectorCode)],
            Sdgs = [.. profile.Sdgs.Select(s => s.Code)],
            Modality = Modalities.NameOf(Modality.ExpertMission),
            WorkingLanguages = [.. languages.Where(l => l.Level >= LanguageLevel.Advanced).Select(l => l.Language)],
        };
    }

    /// <summary>A demand as the query: the same reading <see cref="CatalogMatcher"/> gives it against offers.</summary>
    public static MatchEntry ToQuery(CatalogEntry demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return new MatchEntry
        {
            Id = demand.Id.ToString(),
            Side = EntrySide.Demand,
            Title = demand.Title,
            Description = demand.Description.Length > 0 ? $"{demand.Summary}\n{demand.Description}" : demand.Summary,
            Language = demand.Language,
            Sectors = [.. demand.Sectors.Select(s => s.SectorCode)],
            Sdgs = [.. demand.Sdgs.Select(s => s.Code)],
            Countries = [demand.StateCode],
            Modality = Modalities.NameOf(demand.Modality),
            WorkingLanguages = demand.WorkingLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries),
            StartsOn = demand.StartsOn,
            EndsOn = demand.EndsOn,
        };
    }

    public void Dispose()
    {
        syncing.Dispose();
        experts.Dispose();
    }

    private static int IndexOf(string language)
    {
        var i = Languages.All.ToList().IndexOf(language);
        return i < 0 ? int.MaxValue : i;
    }
}

/// <summary>Ranks the roster's experts for a demand, after bringing the index up to date.</summary>
public sealed class ExpertRanking(CooperaNetDbContext db, ExpertIndex index)
{
    /// <summary>Most experts returned.</summary>
    public const int MaxTop = 50;

    /// <summary>The best <paramref name="top"/> experts for the demand, best first; null when there is no such demand.</summary>
    public async Task<IReadOnlyList<RankedExpert>?> RankAsync(Guid demandId, int top, CancellationToken ct)
    {
        var demand = await db.Entries.AsNoTracking()
            .Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == demandId && e.Kind == EntryKind.Demand, ct);
        if (demand is null)
        {
            return null;
        }

        await index.SyncAsync(db, ct);
        top = Math.Clamp(top, 1, MaxTop);

        // A few more than asked: an expert erased since the last sync is still in the index until it is rebuilt.
        var matches = index.Rank(ExpertIndex.ToQuery(demand), top + 5);
        var ids = matches.Select(m => Guid.Parse(m.Id)).ToList();
        var experts = await db.ExpertProfiles.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.InRosterSince != null && p.Availability != Availability.Unavailable)
            .Select(p => new { p.Id, p.FullName, p.Nationality, p.Availability })
            .ToDictionaryAsync(p => p.Id, ct);
        return matches
            .Select(m => (Match: m, Expert: experts.GetValueOrDefault(Guid.Parse(m.Id))))
            .Where(x => x.Expert is not null)
            .Take(top)
            .Select(x => new RankedExpert(x.Expert!.Id, x.Expert.FullName, x.Expert.Nationality, x.Expert.Availability, x.Match.Score, x.Match.Reasons))
            .ToList();
    }
}
