using System.Runtime.CompilerServices;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Interop.Iati;

/// <summary>What an export wrote.</summary>
public sealed record IatiExportResult(int Offers, int Demands, int Initiatives)
{
    public int Activities => Offers + Demands + Initiatives;
}

/// <summary>
/// The platform's public record as IATI 2.03 activities: every published or closed offer and demand,
/// and every initiative, read a page at a time and written as they are read. Offers and demands
/// are in the pipeline (status 1) until closed; an initiative is in implementation once under way.
/// Mapping: docs/interop/IATI.md.
/// </summary>
public sealed class IatiExporter(CooperaNetDbContext db, IOptions<IatiOptions> options, TimeProvider clock)
{
    private const int Page = 1000;

    /// <summary>Writes the document to <paramref name="output"/>; links each activity to its page under <paramref name="baseUrl"/> when given.</summary>
    public async Task<IatiExportResult> WriteAsync(Stream output, string? baseUrl, CancellationToken ct)
    {
        var states = await db.MemberStates.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, ct);
        var counts = new int[3];
        await IatiXmlWriter.WriteAsync(output, ActivitiesAsync(states, baseUrl?.TrimEnd('/'), counts, ct), options.Value, clock.GetUtcNow(), ct);
        return new IatiExportResult(counts[0], counts[1], counts[2]);
    }

    /// <summary>The activity's IATI identifier: the reporting organisation's, a dash, the record's id.</summary>
    public string IdentifierOf(Guid id) => $"{options.Value.ReportingOrgRef}-{id:D}";

    /// <summary>An offer or a demand as an activity.</summary>
    public IatiActivity ToActivity(CatalogEntry entry, IReadOnlyDictionary<string, LocalizedText> states, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(states);
        var translations = entry.Translations.Where(t => t.Language != entry.Language && Languages.IsSupported(t.Language)).OrderBy(t => t.Language, StringComparer.Ordinal).ToList();
        var institution = new IatiNarrative(entry.Language, entry.Institution);
        var state = new IatiParticipant("1", "10", null, StateNames(states, entry.StateCode));
        var dates = new List<IatiDate>();
        if ((entry.StartsOn ?? (entry.PublishedAt is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : null)) is { } start)
        {
            dates.Add(new IatiDate("1", start));
        }

        if (entry.EndsOn is { } end)
        {
            dates.Add(new IatiDate("3", end));
        }

        if (dates.Count == 0)
        {
            dates.Add(new IatiDate("1", DateOnly.FromDateTime(entry.CreatedAt.UtcDateTime)));
        }

        return new IatiActivity
        {
            Identifier = IdentifierOf(entry.Id),
            DefaultLanguage = entry.Language,
            LastUpdated = entry.UpdatedAt,
            Titles = [new(entry.Language, entry.Title), .. translations.Select(t => new IatiNarrative(t.Language, t.Title))],
            Descriptions = [new(entry.Language, Describe(entry.Summary, entry.Description)), .. translations.Select(t => new IatiNarrative(t.Language, Describe(t.Summary, t.Description)))],

            // An offer's institution carries the work out; a demand's answers for it.
            Participants = entry.Kind == EntryKind.Offer
                ? [state, new IatiParticipant("4", "10", null, [institution])]
                : [new IatiParticipant("2", "10", null, [institution])],
            Status = entry.Status == EntryStatus.Closed ? "4" : "1",
            Dates = dates,
            RecipientCountries = entry.Kind == EntryKind.Demand ? [entry.StateCode] : [],
            RecipientRegion = entry.Kind == EntryKind.Offer ? "498" : null,
            Sectors = SectorsOf(entry.Sectors.Select(s => s.SectorCode), entry.Sdgs.Select(s => s.Code)),
            CollaborationType = "1",
            AidType = AidTypeOf(entry.Modality),
            WebPage = baseUrl is null ? null : $"{baseUrl}/{entry.Language}/catalog/{entry.Id:D}",
        };
    }

    /// <summary>An initiative as an activity, with its offer's and demand's texts where it has none of its own.</summary>
    public IatiActivity ToActivity(Initiative initiative, CatalogEntry? offer, CatalogEntry? demand, IReadOnlyDictionary<string, LocalizedText> states, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(states);
        var source = demand ?? offer;
        var participants = initiative.Participants
            .OrderBy(p => p.Role == ParticipantRole.Receiver).ThenBy(p => p.Role).ThenBy(p => p.StateCode, StringComparer.Ordinal)
            .Select(p => new IatiParticipant(p.Role == ParticipantRole.Receiver ? "2" : "4", "10", null, StateNames(states, p.StateCode)))
            .ToList();
        if (participants.Count == 0)
        {
            participants.Add(new IatiParticipant("4", "10", null, [new(initiative.Language, source?.Institution ?? initiative.Title)]));
        }

        var start = initiative.StartsOn ?? DateOnly.FromDateTime(initiative.CreatedAt.UtcDateTime);
        var dates = new List<IatiDate> { new(initiative.StartedAt is null ? "1" : "2", initiative.StartedAt is { } started ? DateOnly.FromDateTime(started.UtcDateTime) : start) };
        if (initiative.CompletedAt is { } completed)
        {
            dates.Add(new IatiDate("4", DateOnly.FromDateTime(completed.UtcDateTime)));
        }
        else if (initiative.EndsOn is { } end)
        {
            dates.Add(new IatiDate("3", end));
        }

        var receivers = initiative.Participants.Where(p => p.Role == ParticipantRole.Receiver).Select(p => p.StateCode).Distinct().Order(StringComparer.Ordinal).ToList();
        return new IatiActivity
        {
            Identifier = IdentifierOf(initiative.Id),
            DefaultLanguage = initiative.Language,
            LastUpdated = initiative.CompletedAt ?? initiative.StartedAt ?? initiative.CreatedAt,
            Titles = [new(initiative.Language, initiative.Title)],
            Descriptions = [new(source?.Language ?? initiative.Language, source is null ? initiative.Title : Describe(source.Summary, source.Description))],
            Participants = participants,
            Status = initiative.Status switch
            {
                InitiativeStatus.InExecution => "2",
                InitiativeStatus.Completed => "4",
                _ => "1",
            },
            Dates = dates,
            RecipientCountries = receivers,
            RecipientRegion = "498",
            Sectors = source is null ? [] : SectorsOf(source.Sectors.Select(s => s.SectorCode), source.Sdgs.Select(s => s.Code)),
            CollaborationType = initiative.Modality == CooperationModality.Triangular ? "8" : "1",
            AidType = AidTypeOf(offer?.Modality ?? demand?.Modality ?? Modality.TechnicalAssistance),
            WebPage = baseUrl is null ? null : $"{baseUrl}/{initiative.Language}/initiatives/{initiative.Id:D}",
            Related = [.. new[] { initiative.OfferId, initiative.DemandId }.OfType<Guid>().Select(IdentifierOf)],
        };
    }

    /// <summary>DAC 5-digit sectors (vocabulary 1), SDG goals (7) and targets (8), each vocabulary's shares adding up to 100.</summary>
    public static IReadOnlyList<IatiSector> SectorsOf(IEnumerable<string> sectors, IEnumerable<string> sdgs)
    {
        var sdgList = sdgs.Order(StringComparer.Ordinal).ToList();
        return
        [
            .. Vocabulary("1", [.. sectors.Order(StringComparer.Ordinal)]),
            .. Vocabulary("7", [.. sdgList.Where(s => !s.Contains('.', StringComparison.Ordinal))]),
            .. Vocabulary("8", [.. sdgList.Where(s => s.Contains('.', StringComparison.Ordinal))]),
        ];

        static IEnumerable<IatiSector> Vocabulary(string vocabulary, List<string> codes) =>
            codes.Zip(IatiXmlWriter.Shares(codes.Count), (code, share) => new IatiSector(vocabulary, code, share));
    }

    /// <summary>The IATI aid type of a form of cooperation: experts D01, scholarships and internships E01, the rest D02.</summary>
    public static string AidTypeOf(Modality modality) => modality switch
    {
        Modality.ExpertMission => "D01",
        Modality.Scholarship or Modality.Internship => "E01",
        _ => "D02",
    };

    private static string Describe(string summary, string description) => description.Length > 0 ? $"{summary}\n\n{description}" : summary;

    private static IReadOnlyList<IatiNarrative> StateNames(IReadOnlyDictionary<string, LocalizedText> states, string code) =>
        states.TryGetValue(code, out var name)
            ? [.. Languages.All.Where(l => !string.IsNullOrWhiteSpace(name.In(l))).Select(l => new IatiNarrative(l, name.In(l)!))]
            : [new(Languages.Default, code)];

    private async IAsyncEnumerable<IatiActivity> ActivitiesAsync(
        Dictionary<string, LocalizedText> states, string? baseUrl, int[] counts, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var skip = 0; ; skip += Page)
        {
            var entries = await db.Entries.AsNoTracking()
                .Include(e => e.Translations).Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery()
                .Where(e => e.DeletedAt == null && (e.Status == EntryStatus.Published || e.Status == EntryStatus.Closed))
                .OrderBy(e => e.Id).Skip(skip).Take(Page)
                .ToListAsync(ct);
            foreach (var entry in entries)
            {
                counts[entry.Kind == EntryKind.Offer ? 0 : 1]++;
                yield return ToActivity(entry, states, baseUrl);
            }

            if (entries.Count < Page)
            {
                break;
            }
        }

        for (var skip = 0; ; skip += Page)
        {
            var initiatives = await db.Initiatives.AsNoTracking().Include(i => i.Participants)
                .OrderBy(i => i.Id).Skip(skip).Take(Page)
                .ToListAsync(ct);
            var ids = initiatives.SelectMany(i => new[] { i.OfferId, i.DemandId }).OfType<Guid>().Distinct().ToList();
            var sources = await db.Entries.AsNoTracking()
                .Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery()
                .Where(e => ids.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, ct);
            foreach (var initiative in initiatives)
            {
                counts[2]++;
                yield return ToActivity(
                    initiative,
                    initiative.OfferId is { } offer ? sources.GetValueOrDefault(offer) : null,
                    initiative.DemandId is { } demand ? sources.GetValueOrDefault(demand) : null,
                    states,
                    baseUrl);
            }

            if (initiatives.Count < Page)
            {
                break;
            }
        }
    }
}
