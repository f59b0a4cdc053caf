using System.Security.Claims;
using CooperaNet.Application.Data;
using CooperaNet.Application.Matching;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Matching;
using CooperaNet.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Crossing;

/// <summary>One entry of a pair, as lists show it.</summary>
public sealed record PairEntry(Guid Id, EntryKind Kind, string Title, string Language, string State, string StateName);

/// <summary>A pair as pages and the API show it, with its reasons worded in the reader's language.</summary>
public sealed record PairView(
    Guid Id,
    string Status,
    double Score,
    bool IsCurrent,
    PairEntry Offer,
    PairEntry Demand,
    string OfferInterest,
    string DemandInterest,
    string? DeclineReason,
    IReadOnlyList<string> Reasons,
    Guid? InitiativeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AgreedAt);

/// <summary>The secretariat's figures: what is open, who is waiting, and how long answers take.</summary>
public sealed record CrossingOverview(
    int OpenSuggestions,
    int WaitingOnAState,
    int WaitingOnSecretariat,
    int Declined,
    int Initiatives,
    double? MedianDaysToFirstInterest,
    double? MedianDaysToAgreement);

/// <summary>For a demand no offer covers well: a state with related experience and a partner to support it.</summary>
public sealed record TriangularProposal(PairEntry Demand, double BestScore, string FirstOfferer, string FirstOffererName, string SecondOfferer, string SecondOffererName, IReadOnlyList<PairEntry> RelatedOffers);

/// <summary>Reads pairs for the pages and the API: a state's pairs, one pair, the overview, triangular proposals.</summary>
public sealed class PairViews(CooperaNetDbContext db, IMemoryCache cache, CatalogMatcher matcher, IStringLocalizer<Program> text, TimeProvider clock)
{
    /// <summary>Below this best score a demand counts as poorly covered.</summary>
    public const double WeakCoverage = 0.3;

    /// <summary>The pairs of <paramref name="state"/>'s entries: those waiting on it first, then the best.</summary>
    public async Task<IReadOnlyList<PairView>> ForStateAsync(string state, string language, string? status = null, int take = 200)
    {
        var query = db.Pairs.AsNoTracking().Where(p => p.OfferState == state || p.DemandState == state);
        query = status switch
        {
            "open" => query.Where(p => p.InitiativeId == null && p.OfferInterest != Interest.Declined && p.DemandInterest != Interest.Declined && !(p.OfferInterest == Interest.Interested && p.DemandInterest == Interest.Interested)),
            "agreed" => query.Where(p => p.InitiativeId == null && p.OfferInterest == Interest.Interested && p.DemandInterest == Interest.Interested),
            "declined" => query.Where(p => p.OfferInterest == Interest.Declined || p.DemandInterest == Interest.Declined),
            "brokered" => query.Where(p => p.InitiativeId != null),
            _ => query,
        };
        var pairs = await query.OrderByDescending(p => p.Score).Take(take).ToListAsync();
        var views = await ViewsAsync(pairs, language);
        return [.. views.OrderBy(v => WaitsOn(v, state) ? 0 : 1).ThenByDescending(v => v.Score)];
    }

    /// <summary>The pairs of one entry, best first.</summary>
    public async Task<IReadOnlyList<PairView>> ForEntryAsync(Guid entryId, string language)
    {
        var pairs = await db.Pairs.AsNoTracking().Where(p => p.OfferId == entryId || p.DemandId == entryId).OrderByDescending(p => p.Score).ToListAsync();
        return await ViewsAsync(pairs, language);
    }

    /// <summary>Pairs both sides agreed to, waiting for the secretariat to broker them.</summary>
    public async Task<IReadOnlyList<PairView>> AgreedAsync(string language) =>
        await ViewsAsync(await db.Pairs.AsNoTracking()
            .Where(p => p.InitiativeId == null && p.OfferInterest == Interest.Interested && p.DemandInterest == Interest.Interested)
            .OrderBy(p => p.AgreedAt).Take(200).ToListAsync(), language);

    public async Task<PairView> ViewAsync(Pair pair, string language) => (await ViewsAsync([pair], language))[0];

    /// <summary>The overview: counts by where pairs stand, and median days from a demand's publication to the first interest and to agreement.</summary>
    public async Task<CrossingOverview> OverviewAsync()
    {
        var counts = await db.Pairs.AsNoTracking()
            .GroupBy(p => new
            {
                Brokered = p.InitiativeId != null,
                Declined = p.OfferInterest == Interest.Declined || p.DemandInterest == Interest.Declined,
                Interested = (p.OfferInterest == Interest.Interested ? 1 : 0) + (p.DemandInterest == Interest.Interested ? 1 : 0),
                p.IsCurrent,
            })
            .Select(g => new { g.Key.Brokered, g.Key.Declined, g.Key.Interested, g.Key.IsCurrent, Count = g.Count() })
            .ToListAsync();
        var answered = await db.Pairs.AsNoTracking()
            .Where(p => p.OfferInterest == Interest.Interested || p.DemandInterest == Interest.Interested)
            .Join(db.Entries, p => p.DemandId, e => e.Id, (p, e) => new { e.Id, e.PublishedAt, p.OfferInterest, p.OfferAnsweredAt, p.DemandInterest, p.DemandAnsweredAt, p.AgreedAt })
            .ToListAsync();
        var firstInterest = answered
            .Where(a => a.PublishedAt is not null)
            .GroupBy(a => a.Id)
            .Select(g => g.SelectMany(a => new[] { a.OfferInterest == Interest.Interested ? a.OfferAnsweredAt : null, a.DemandInterest == Interest.Interested ? a.DemandAnsweredAt : null })
                .Where(t => t is not null).Min()!.Value - g.First().PublishedAt!.Value)
            .ToList();
        var agreement = answered
            .Where(a => a.PublishedAt is not null && a.AgreedAt is not null)
            .GroupBy(a => a.Id)
            .Select(g => g.Min(a => a.AgreedAt)!.Value - g.First().PublishedAt!.Value)
            .ToList();
        return new CrossingOverview(
            OpenSuggestions: counts.Where(c => !c.Brokered && !c.Declined && c.Interested == 0 && c.IsCurrent).Sum(c => c.Count),
            WaitingOnAState: counts.Where(c => !c.Brokered && !c.Declined && c.Interested == 1).Sum(c => c.Count),
            WaitingOnSecretariat: counts.Where(c => !c.Brokered && !c.Declined && c.Interested == 2).Sum(c => c.Count),
            Declined: counts.Where(c => c.Declined).Sum(c => c.Count),
            Initiatives: await db.Initiatives.CountAsync(),
            MedianDaysToFirstInterest: Median(firstInterest),
            MedianDaysToAgreement: Median(agreement));
    }

    /// <summary>
    /// Published demands whose best offer scores low, with a triangular arrangement: the state whose
    /// offers come closest (related experience) as first offerer, and the next closest state as the
    /// second offerer that supports it.
    /// </summary>
    public async Task<IReadOnlyList<TriangularProposal>> TriangularAsync(string language, string? state = null, int take = 20)
    {
        var lookups = await CatalogLookups.LoadAsync(db, cache, language);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var best = db.Pairs.AsNoTracking().Where(p => p.IsCurrent).GroupBy(p => p.DemandId).Select(g => new { DemandId = g.Key, Best = g.Max(p => p.Score) });
        var demands = await db.Entries.AsNoTracking()
            .Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery()
            .Where(e => e.Kind == EntryKind.Demand && e.Status == EntryStatus.Published && (e.ExpiresOn == null || e.ExpiresOn >= today) && (state == null || e.StateCode == state))
            .Where(e => !best.Any(b => b.DemandId == e.Id && b.Best >= WeakCoverage))
            .OrderByDescending(e => e.PublishedAt)
            .Take(take * 3)
            .ToListAsync();
        var proposals = new List<TriangularProposal>();
        foreach (var demand in demands)
        {
            var candidates = matcher.Find(demand, 30)
                .Select(m => (Match: m, State: matcher.StateOf(Guid.Parse(m.Id))))
                .Where(c => c.State is not null && c.State != demand.StateCode)
                .ToList();
            var byState = candidates.GroupBy(c => c.State!).Select(g => (State: g.Key, Weight: g.Sum(c => c.Match.Score), Offers: g.Select(c => Guid.Parse(c.Match.Id)).ToList()))
                .OrderByDescending(s => s.Weight).ThenBy(s => s.State, StringComparer.Ordinal).Take(2).ToList();
            if (byState.Count < 2)
            {
                continue;
            }

            var offerIds = byState.SelectMany(s => s.Offers.Take(2)).ToList();
            var offers = await db.Entries.AsNoTracking().Where(e => offerIds.Contains(e.Id))
                .Select(e => new PairEntry(e.Id, e.Kind, e.Title, e.Language, e.StateCode, e.StateCode)).ToListAsync();
            proposals.Add(new TriangularProposal(
                new PairEntry(demand.Id, demand.Kind, demand.Title, demand.Language, demand.StateCode, lookups.StateName(demand.StateCode)),
                candidates.Count == 0 ? 0 : candidates.Max(c => c.Match.Score),
                byState[0].State, lookups.StateName(byState[0].State), byState[1].State, lookups.StateName(byState[1].State),
                [.. offers.Select(o => o with { StateName = lookups.StateName(o.State) })]));
            if (proposals.Count == take)
            {
                break;
            }
        }

        return proposals;
    }

    /// <summary>True when the pair waits on <paramref name="state"/>'s answer.</summary>
    public static bool WaitsOn(PairView pair, string state) =>
        pair.Status is nameof(PairStatus.Suggested) or nameof(PairStatus.Waiting)
        && ((pair.Offer.State == state && pair.OfferInterest == nameof(Interest.Pending)) || (pair.Demand.State == state && pair.DemandInterest == nameof(Interest.Pending)));

    /// <summary>The state a user looks at pairs for: a focal point's own; the secretariat's choice.</summary>
    public static string? StateFor(ClaimsPrincipal user, string? requested) =>
        user.IsSecretariat() ? requested?.Trim().ToUpperInvariant() : user.FocalPointState();

    private async Task<IReadOnlyList<PairView>> ViewsAsync(IReadOnlyList<Pair> pairs, string language)
    {
        if (pairs.Count == 0)
        {
            return [];
        }

        var lookups = await CatalogLookups.LoadAsync(db, cache, language);
        var ids = pairs.SelectMany(p => new[] { p.OfferId, p.DemandId }).Distinct().ToList();
        var entries = await db.Entries.AsNoTracking().IgnoreQueryFilters()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Kind, e.Title, e.Language, e.StateCode, Translated = e.Translations.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault() })
            .ToDictionaryAsync(e => e.Id);
        PairEntry Entry(Guid id) => entries.TryGetValue(id, out var e)
            ? new PairEntry(e.Id, e.Kind, e.Translated ?? e.Title, e.Translated is null ? e.Language : language, e.StateCode, lookups.StateName(e.StateCode))
            : new PairEntry(id, EntryKind.Offer, string.Empty, language, string.Empty, string.Empty);
        return [.. pairs.Select(p => new PairView(
            p.Id, p.Status.ToString(), p.Score, p.IsCurrent, Entry(p.OfferId), Entry(p.DemandId),
            p.OfferInterest.ToString(), p.DemandInterest.ToString(), p.DeclineReason,
            Describe(CatalogMatcher.Deserialize(p.Reasons), lookups, language),
            p.InitiativeId, p.CreatedAt, p.AgreedAt))];
    }

    /// <summary>The engine's reasons in words, as pairs and ranked experts show them.</summary>
    public IReadOnlyList<string> Describe(IEnumerable<MatchReason> reasons, CatalogLookups lookups, string language) =>
        [.. reasons.Select(r => r.Describe(language, value => NameOf(r.Kind, value, lookups, language)))];

    /// <summary>The name of a reason's value in the reader's language.</summary>
    private string? NameOf(ReasonKind kind, string value, CatalogLookups lookups, string language) => kind switch
    {
        ReasonKind.SameSector => lookups.SectorName(value),
        ReasonKind.SameCategory => lookups.Categories.FirstOrDefault(c => c.Code == value)?.Name.Text,
        ReasonKind.SharedSdg => lookups.SdgName(value),
        ReasonKind.CommonLanguage => text["Pages.Language." + value].Value,
        ReasonKind.EligibleCountry => lookups.StateName(value),
        ReasonKind.CompatibleModality => Application.Catalog.Modalities.Parse(value) is { } modality ? text["Modality." + Application.Catalog.Modalities.NameOf(modality)].Value : null,
        ReasonKind.SimilarText => MatchingKnowledgeLoader.Engine.Concept(value)?.Terms.GetValueOrDefault(language) is [var first, ..] ? first : null,
        _ => null,
    };

    private static double? Median(List<TimeSpan> spans)
    {
        if (spans.Count == 0)
        {
            return null;
        }

        var days = spans.Select(s => s.TotalDays).Order().ToList();
        var middle = days.Count / 2;
        return Math.Round(days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2, 1);
    }
}
