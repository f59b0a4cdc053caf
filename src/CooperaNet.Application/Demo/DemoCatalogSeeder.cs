using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CooperaNet.Application.Demo;

/// <summary>
/// Fills a development or demonstration database with published offers and demands reshaped from real
/// IATI activities (Demo/Data/SOURCES.md), so that lists, search and matching have something real to
/// work on. Each entry's id is derived from its activity's IATI identifier: running the seeder again
/// creates only the entries that are not there yet, and never duplicates one. Translations are keyed by
/// entry and language in the same way: an entry seeded before its translations were written gets them,
/// and their search terms, on the next run.
/// </summary>
public sealed partial class DemoCatalogSeeder(CooperaNetDbContext db, TimeProvider clock, ILogger<DemoCatalogSeeder> logger)
{
    /// <summary>Public sector policy: the sector of an activity whose title names none.</summary>
    public const string FallbackSector = "15110";

    private const int BatchSize = 200;
    private const int TitleMax = 200;
    private const int SummaryMax = 1000;
    private const int InstitutionMax = 200;

    /// <summary>
    /// Creates the demo entries that do not exist yet, from the first <paramref name="limit"/> activities
    /// of the file (all when null), adds the translations the existing ones lack, and returns how many
    /// entries it created: 0 when they are all there.
    /// </summary>
    public async Task<int> SeedAsync(int? limit = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit is at least 1.");
        }

        var started = Stopwatch.GetTimestamp();
        var activities = DemoActivities.Load().Take(limit ?? int.MaxValue).Select(a => (Id: IdFor(a.IatiIdentifier), Activity: a)).ToList();
        var ids = activities.Select(a => a.Id).ToList();
        var present = (await db.Entries.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken))
            .ToHashSet();
        var missing = activities.Where(a => !present.Contains(a.Id)).ToList();
        var untranslated = await UntranslatedAsync(activities.Where(a => present.Contains(a.Id)).ToList(), cancellationToken);
        if (missing.Count == 0 && untranslated.Count == 0)
        {
            return 0;
        }

        var sectors = await db.Sectors.AsNoTracking().ToListAsync(cancellationToken);
        var codes = new CodeLists(
            sectors.Where(s => !s.IsWithdrawn).Select(s => s.Code).ToHashSet(StringComparer.Ordinal),
            new SectorGuess(sectors, await db.SectorCategories.AsNoTracking().ToListAsync(cancellationToken)),
            (await db.SdgGoals.Select(g => g.Number).ToListAsync(cancellationToken))
                .Select(n => n.ToString(CultureInfo.InvariantCulture))
                .Concat(await db.SdgTargets.Select(t => t.Code).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal));
        var now = clock.GetUtcNow();

        // One transaction: a failed run leaves no half-seeded catalog behind.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var translated = await AddTranslationsAsync(untranslated, cancellationToken);
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var terms = new List<EntrySearchTerm>();
            foreach (var (id, activity) in batch)
            {
                var entry = Shape(id, activity, now);
                codes.Classify(entry, activity);
                Publish(entry, now);
                EntryIndexer.Index(entry);
                terms.AddRange(entry.SearchTerms);
                entry.SearchTerms.Clear();
                db.Entries.Add(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await SearchTermRows.InsertAsync(db, terms, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogSeeded(missing.Count, translated, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return missing.Count;
    }

    /// <summary>The existing entries that lack one of their activity's translations, with the translations they lack.</summary>
    private async Task<List<(Guid Id, List<EntryTranslation> Lacking)>> UntranslatedAsync(List<(Guid Id, DemoActivity Activity)> present, CancellationToken cancellationToken)
    {
        var ids = present.Where(a => a.Activity.SecondTexts is not null || a.Activity.Translations.Count > 0).Select(a => a.Id).ToList();
        var existing = (await db.Set<EntryTranslation>().Where(t => ids.Contains(t.EntryId)).Select(t => new { t.EntryId, t.Language }).ToListAsync(cancellationToken))
            .Select(t => (t.EntryId, t.Language))
            .ToHashSet();
        return present
            .Select(a => (a.Id, Lacking: TranslationsOf(a.Id, a.Activity).Where(t => !existing.Contains((a.Id, t.Language))).ToList()))
            .Where(a => a.Lacking.Count > 0)
            .ToList();
    }

    /// <summary>Adds the lacking translations and re-indexes their entries, as an author's edit does.</summary>
    private async Task<int> AddTranslationsAsync(List<(Guid Id, List<EntryTranslation> Lacking)> untranslated, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var batch in untranslated.Chunk(BatchSize))
        {
            var ids = batch.Select(b => b.Id).ToList();
            var entries = await db.Entries.IgnoreQueryFilters().Where(e => ids.Contains(e.Id))
                .Include(e => e.Translations).Include(e => e.Sectors).Include(e => e.SearchTerms)
                .AsSplitQuery()
                .ToDictionaryAsync(e => e.Id, cancellationToken);
            foreach (var (id, lacking) in batch)
            {
                var entry = entries[id];
                foreach (var translation in lacking)
                {
                    entry.Translations.Add(translation);
                }

                EntryIndexer.Index(entry);
                added += lacking.Count;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return added;
    }

    /// <summary>A name-based id (SHA-1, UUID version 5 layout) of "demo:" and the IATI identifier.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "UUID version 5 is defined over SHA-1; the id names an entry, it protects nothing.")]
    internal static Guid IdFor(string iatiIdentifier)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("demo:" + iatiIdentifier));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// The activity as an entry of its recipient state. Offer or demand is decided by the id, so the
    /// split is even and stable from run to run. A finished activity gets no time window (its dates
    /// are history) and stays open for a year from now; a running one keeps its dates.
    /// </summary>
    private static CatalogEntry Shape(Guid id, DemoActivity activity, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var running = activity.EndDate is null || activity.EndDate > today;
        var second = SecondOf(activity);
        var entry = new CatalogEntry
        {
            Id = id,
            Kind = (id.ToByteArray(bigEndian: true)[15] & 1) == 0 ? EntryKind.Offer : EntryKind.Demand,
            StateCode = activity.Country,
            Language = activity.Language,
            Title = DemoText.Cut(activity.Title, TitleMax),
            Summary = DemoText.Summary(activity.Description, activity.Title, SummaryMax),
            Description = activity.Description,
            Modality = DemoText.ModalityOf(activity.Title, activity.Description),
            WorkingLanguages = second is null ? activity.Language : $"{activity.Language},{second.Language}",
            Institution = DemoText.Cut(activity.ReportingOrg, InstitutionMax),
            StartsOn = running ? activity.StartDate : null,
            EndsOn = running ? activity.EndDate : null,
            ExpiresOn = running && activity.EndDate is { } end ? end : today.AddYears(1),
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var translation in TranslationsOf(id, activity))
        {
            entry.Translations.Add(translation);
        }

        return entry;
    }

    /// <summary>The activity's second-language narrative as the publisher wrote it, then the translations written for the demonstration set.</summary>
    private static IEnumerable<EntryTranslation> TranslationsOf(Guid id, DemoActivity activity)
    {
        if (SecondOf(activity) is { } second)
        {
            yield return new EntryTranslation
            {
                EntryId = id,
                Language = second.Language,
                Title = DemoText.Cut(second.Title, TitleMax),
                Summary = DemoText.Summary(second.Description, second.Title, SummaryMax),
                Description = second.Description,
            };
        }

        foreach (var (language, text) in activity.Translations.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            yield return new EntryTranslation
            {
                EntryId = id,
                Language = language,
                Title = DemoText.Cut(text.Title, TitleMax),
                Summary = DemoText.Cut(text.Summary, SummaryMax),
                Description = text.Description ?? string.Empty,
            };
        }
    }

    private static DemoTexts? SecondOf(DemoActivity activity) =>
        activity.SecondTexts is { } texts && texts.Language != activity.Language && texts.Title.Length > 0 ? texts : null;

    /// <summary>The codes an entry may carry, loaded once per run.</summary>
    private sealed record CodeLists(HashSet<string> ActiveSectors, SectorGuess Guess, HashSet<string> Sdgs)
    {
        /// <summary>
        /// The activity's DAC sectors that are in use (else one guessed from its title, else
        /// <see cref="FallbackSector"/>) and its SDG goals and targets that exist.
        /// </summary>
        public void Classify(CatalogEntry entry, DemoActivity activity)
        {
            var sectors = activity.DacSectors.Where(ActiveSectors.Contains).Distinct(StringComparer.Ordinal).ToList();
            if (sectors.Count == 0)
            {
                sectors.Add(Guess.For(activity.Title, activity.Language) ?? FallbackSector);
            }

            foreach (var code in sectors)
            {
                entry.Sectors.Add(new EntrySector { EntryId = entry.Id, SectorCode = code });
            }

            foreach (var code in activity.Sdgs.Where(Sdgs.Contains).Distinct(StringComparer.Ordinal))
            {
                entry.Sdgs.Add(new EntrySdg { EntryId = entry.Id, Code = code });
            }
        }
    }

    private static void Publish(CatalogEntry entry, DateTimeOffset now)
    {
        if ((entry.Submit(now) ?? entry.Publish(now)) is { } error)
        {
            throw new InvalidOperationException($"Demo entry {entry.Id} could not be published: {error.Code}.");
        }
    }

    [LoggerMessage(LogLevel.Information, "Seeded {Count} demo catalog entries and added {Translations} translations to existing ones in {ElapsedMs} ms")]
    private partial void LogSeeded(int count, int translations, long elapsedMs);
}
