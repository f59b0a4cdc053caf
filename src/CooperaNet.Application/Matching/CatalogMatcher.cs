using System.Text.Json;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Matching;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Matching;

/// <summary>
/// The published, open entries of the catalog in the matching engine's two indexes (offers and
/// demands), kept in step with the database by reading the entries changed since the last look —
/// so every app instance holds the same picture, whichever instance made the change.
/// </summary>
public sealed class CatalogMatcher(TimeProvider clock) : IDisposable
{
    private const int SyncPage = 5000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim syncing = new(1, 1);
    private readonly Dictionary<Guid, string> stateOf = [];
    private readonly Dictionary<Guid, (EntryKind Kind, DateOnly Day)> expiries = [];
    /// <summary>The version of each entry in an index (open entries only).</summary>
    private readonly Dictionary<Guid, DateTimeOffset> appliedVersions = [];
    private readonly MatchIndex offers = MatchingKnowledgeLoader.Engine.CreateIndex();
    private readonly MatchIndex demands = MatchingKnowledgeLoader.Engine.CreateIndex();
    private Dictionary<string, string[]> subregions = [];
    private DateTimeOffset watermark = DateTimeOffset.MinValue;
    private DateOnly sweptOn;

    /// <summary>Published, open entries in the indexes.</summary>
    public int Count => offers.Count + demands.Count;

    /// <summary>The state of an indexed entry.</summary>
    public string? StateOf(Guid id)
    {
        lock (stateOf)
        {
            return stateOf.GetValueOrDefault(id);
        }
    }

    /// <summary>Reads the entries changed since the last call (all of them the first time) into the indexes.</summary>
    public async Task SyncAsync(CooperaNetDbContext db, CancellationToken ct = default)
    {
        await syncing.WaitAsync(ct);
        try
        {
            if (subregions.Count == 0)
            {
                subregions = (await db.MemberStates.AsNoTracking().Select(s => new { s.Code, s.Subregion }).ToListAsync(ct))
                    .GroupBy(s => s.Subregion, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(s => s.Code).ToArray(), StringComparer.Ordinal);
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

            // A little overlap: a change committed late with an earlier time is read again, never missed.
            var since = watermark == DateTimeOffset.MinValue ? watermark : watermark - TimeSpan.FromSeconds(5);
            var latest = watermark;
            for (var skip = 0; ; skip += SyncPage)
            {
                // First what changed, in a few columns: most changes are drafts being written, which are
                // in no index and need no more than that.
                var changed = await db.Entries.IgnoreQueryFilters().AsNoTracking()
                    .Where(e => e.UpdatedAt > since)
                    .OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id)
                    .Select(e => new ChangedEntry(e.Id, e.Kind, e.Status, e.DeletedAt, e.ExpiresOn, e.UpdatedAt))
                    .Skip(skip).Take(SyncPage)
                    .ToListAsync(ct);
                var open = new List<Guid>();
                foreach (var row in changed)
                {
                    latest = row.UpdatedAt > latest ? row.UpdatedAt : latest;

                    // The overlap reads the latest entries again on every sync: an entry indexed again
                    // unchanged would leave its old postings behind and skew the text statistics.
                    if (appliedVersions.TryGetValue(row.Id, out var applied) && applied == row.UpdatedAt)
                    {
                        continue;
                    }

                    if (IsOpen(row.Status, row.DeletedAt, row.ExpiresOn, today))
                    {
                        open.Add(row.Id);
                    }
                    else if (appliedVersions.Remove(row.Id))
                    {
                        // It was indexed and is no longer open.
                        (row.Kind == EntryKind.Offer ? offers : demands).Remove(row.Id.ToString());
                        expiries.Remove(row.Id);
                    }
                }

                foreach (var chunk in open.Chunk(500))
                {
                    var entries = await db.Entries.IgnoreQueryFilters().AsNoTracking()
                        .Include(e => e.Sectors).Include(e => e.Sdgs)
                        .AsSplitQuery()
                        .Where(e => chunk.Contains(e.Id))
                        .ToListAsync(ct);
                    foreach (var entry in entries)
                    {
                        // Read a moment after the row above: the entry as it is now, open or not.
                        Apply(entry, today);
                        if (IsOpen(entry, today))
                        {
                            appliedVersions[entry.Id] = entry.UpdatedAt;
                        }
                        else
                        {
                            appliedVersions.Remove(entry.Id);
                        }
                    }
                }

                if (changed.Count < SyncPage)
                {
                    break;
                }
            }

            watermark = latest;
            if (sweptOn != today)
            {
                // An entry expires without being changed, so no change brings it here: look once a day.
                foreach (var (id, (kind, _)) in expiries.Where(e => e.Value.Day < today).ToList())
                {
                    (kind == EntryKind.Offer ? offers : demands).Remove(id.ToString());
                    expiries.Remove(id);
                    appliedVersions.Remove(id);
                }

                sweptOn = today;
            }
        }
        finally
        {
            syncing.Release();
        }
    }

    /// <summary>The best counterparts of <paramref name="entry"/> from the other index, best first.</summary>
    public IReadOnlyList<Match> Find(CatalogEntry entry, int top)
    {
        var index = entry.Kind == EntryKind.Demand ? offers : demands;
        return index.Count == 0 ? [] : index.Search(ToMatchEntry(entry), top);
    }

    /// <summary>Whether the entry can be paired now: published, not deleted, not expired.</summary>
    public static bool IsOpen(CatalogEntry entry, DateOnly today) => IsOpen(entry.Status, entry.DeletedAt, entry.ExpiresOn, today);

    private static bool IsOpen(EntryStatus status, DateTimeOffset? deletedAt, DateOnly? expiresOn, DateOnly today) =>
        status == EntryStatus.Published && deletedAt is null && (expiresOn is null || expiresOn >= today);

    /// <summary>The reasons as stored with a pair: the engine's kinds and values, worded when shown.</summary>
    public static string Serialize(IReadOnlyList<MatchReason> reasons) =>
        JsonSerializer.Serialize(reasons.Select(r => new StoredReason(r.Kind.ToString(), r.Values, Math.Round(r.Weight, 4), r.Inferred)), Json);

    public static IReadOnlyList<MatchReason> Deserialize(string json) =>
        (JsonSerializer.Deserialize<List<StoredReason>>(json, Json) ?? [])
            .Where(r => Enum.TryParse<ReasonKind>(r.Kind, out _))
            .Select(r => new MatchReason(Enum.Parse<ReasonKind>(r.Kind), r.Values, r.Weight, r.Inferred))
            .ToList();

    public void Dispose()
    {
        syncing.Dispose();
        offers.Dispose();
        demands.Dispose();
    }

    private void Apply(CatalogEntry entry, DateOnly today)
    {
        var index = entry.Kind == EntryKind.Offer ? offers : demands;
        if (IsOpen(entry, today))
        {
            index.AddOrUpdate(ToMatchEntry(entry));
            lock (stateOf)
            {
                stateOf[entry.Id] = entry.StateCode;
            }

            if (entry.ExpiresOn is { } day)
            {
                expiries[entry.Id] = (entry.Kind, day);
            }
            else
            {
                expiries.Remove(entry.Id);
            }
        }
        else
        {
            index.Remove(entry.Id.ToString());
            expiries.Remove(entry.Id);
        }
    }

    private MatchEntry ToMatchEntry(CatalogEntry entry) => new()
    {
        Id = entry.Id.ToString(),
        Side = entry.Kind == EntryKind.Offer ? EntrySide.Offer : EntrySide.Demand,
        Title = entry.Title,
        Description = entry.Description.Length > 0 ? $"{entry.Summary}\n{entry.Description}" : entry.Summary,
        Language = entry.Language,
        Sectors = [.. entry.Sectors.Select(s => s.SectorCode)],
        Sdgs = [.. entry.Sdgs.Select(s => s.Code)],
        Countries = entry.Kind == EntryKind.Demand ? [entry.StateCode] : Places(entry.OpenTo),
        Modality = Modalities.NameOf(entry.Modality),
        WorkingLanguages = entry.WorkingLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries),
        StartsOn = entry.StartsOn,
        EndsOn = entry.EndsOn,
    };

    /// <summary>An offer's places as states: a subregion stands for its member states.</summary>
    private string[] Places(string openTo) =>
        [.. openTo.Split(',', StringSplitOptions.RemoveEmptyEntries).SelectMany(p => subregions.TryGetValue(p, out var states) ? states : [p]).Distinct(StringComparer.Ordinal)];

    private sealed record ChangedEntry(Guid Id, EntryKind Kind, EntryStatus Status, DateTimeOffset? DeletedAt, DateOnly? ExpiresOn, DateTimeOffset UpdatedAt);

    private sealed record StoredReason(string Kind, IReadOnlyList<string> Values, double Weight, bool Inferred);
}
