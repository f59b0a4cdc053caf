using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Priorities;

/// <summary>
/// The priority areas: where published demand goes unmet, computed from the data.
/// <para>
/// A demand is <b>unmet</b> when it is published, not deleted, not expired today, has no agreed pair and no
/// initiative, and either was published <see cref="PriorityOptions.UnmetAfterDays"/> days ago or more
/// (<see cref="UnmetReasons.Waiting"/>) or has no current pair scoring <see cref="PriorityOptions.LowScore"/>
/// or more (<see cref="UnmetReasons.WeakOffer"/>: no offer fits it well).
/// </para>
/// <para>
/// Its <b>weight</b> is <c>1 + days since first publication / 365</c>. An area's <b>score</b> is the sum of
/// the weights of its unmet demands times the number of distinct states asking in it: need shared by many
/// states ranks above the same need of one state. Ties go to more demands, then to the code.
/// A demand counts once in each area it belongs to: each category and sector of its DAC sectors, each goal
/// of its SDG goals and targets, its state's subregion, and each of its working languages (the language it
/// is written in when it gives none).
/// </para>
/// At most two queries whatever the size of the catalog: the unmet demands, and their sectors or goals.
/// </summary>
public sealed class PriorityCalculator(CooperaNetDbContext db, IOptions<PriorityOptions> options, TimeProvider time)
{
    /// <summary>Days in the year of the weight.</summary>
    public const double DaysPerWeightStep = 365;

    /// <summary>The areas of <paramref name="dimension"/>, named in <paramref name="language"/>, as they stand now.</summary>
    public async Task<PriorityRanking> RankAsync(PriorityDimension dimension, string language, CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var unmet = await UnmetAsync(now, today, settings, ct);
        var byId = unmet.ToDictionary(d => d.Demand.Id, d => d.Demand);
        var codes = await CodesAsync(dimension, today, now, settings, unmet, ct);
        var names = await NamesAsync(dimension, language, ct);

        var areas = codes
            .Where(c => byId.ContainsKey(c.Id))
            .Distinct()
            .GroupBy(c => c.Code, c => byId[c.Id], StringComparer.Ordinal)
            .Select(g =>
            {
                var demands = g.OrderByDescending(d => d.AgeDays).ThenBy(d => d.Id).ToList();
                var weight = demands.Sum(d => d.Weight);
                var states = demands.Select(d => d.State).Distinct(StringComparer.Ordinal).Count();
                return new PriorityArea(
                    g.Key,
                    names(g.Key),
                    weight * states,
                    weight,
                    demands.Count,
                    states,
                    demands[0].AgeDays,
                    [.. demands.Select(d => d.Id)]);
            })
            .OrderByDescending(a => a.Score)
            .ThenByDescending(a => a.Demands)
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .ToList();
        return new PriorityRanking(dimension, language, today, settings.UnmetAfterDays, settings.LowScore, byId, areas);
    }

    /// <summary>The weight of a demand <paramref name="ageDays"/> days old.</summary>
    public static double WeightOf(int ageDays) => 1 + (ageDays / DaysPerWeightStep);

    private IQueryable<CatalogEntry> Unmet(DateTimeOffset now, DateOnly today, PriorityOptions settings)
    {
        var waitingSince = now.AddDays(-settings.UnmetAfterDays);
        var low = settings.LowScore;
        return db.Entries.AsNoTracking().Where(e =>
            e.Kind == EntryKind.Demand && e.Status == EntryStatus.Published && e.PublishedAt != null
            && (e.ExpiresOn == null || e.ExpiresOn >= today)
            && !db.Pairs.Any(p => p.DemandId == e.Id && (p.AgreedAt != null || p.InitiativeId != null))
            && !db.Initiatives.Any(i => i.DemandId == e.Id)
            && (e.PublishedAt <= waitingSince || !db.Pairs.Any(p => p.DemandId == e.Id && p.IsCurrent && p.Score >= low)));
    }

    /// <summary>
    /// Every published demand: the codes are read for these and kept for the unmet ones in memory, which
    /// costs less than asking the database about every demand's pairs a second time.
    /// </summary>
    private IQueryable<CatalogEntry> PublishedDemands() =>
        db.Entries.AsNoTracking().Where(e => e.Kind == EntryKind.Demand && e.Status == EntryStatus.Published);

    private async Task<List<(UnmetDemand Demand, string WorkingLanguages, string Language)>> UnmetAsync(DateTimeOffset now, DateOnly today, PriorityOptions settings, CancellationToken ct)
    {
        var rows = await Unmet(now, today, settings)
            .Select(e => new
            {
                e.Id,
                e.StateCode,
                e.WorkingLanguages,
                e.Language,
                PublishedAt = e.PublishedAt!.Value,
                Best = db.Pairs.Where(p => p.DemandId == e.Id && p.IsCurrent).Max(p => (double?)p.Score),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var age = Math.Max(0, (int)Math.Floor((now - r.PublishedAt).TotalDays));
            var reasons = (age >= settings.UnmetAfterDays ? UnmetReasons.Waiting : UnmetReasons.None)
                | (r.Best is not { } best || best < settings.LowScore ? UnmetReasons.WeakOffer : UnmetReasons.None);
            return (new UnmetDemand(r.Id, r.StateCode, r.PublishedAt, age, WeightOf(age), r.Best, reasons), r.WorkingLanguages, r.Language);
        })];
    }

    /// <summary>The codes in <paramref name="dimension"/> of the unmet demands (and, for sectors and goals, of other published demands), as (demand, code) pairs, possibly repeated.</summary>
    private async Task<List<(Guid Id, string Code)>> CodesAsync(PriorityDimension dimension, DateOnly today, DateTimeOffset now, PriorityOptions settings, List<(UnmetDemand Demand, string WorkingLanguages, string Language)> unmet, CancellationToken ct)
    {
        switch (dimension)
        {
            case PriorityDimension.Category or PriorityDimension.Sector:
                var sectors = await (
                        from link in db.Set<EntrySector>()
                        join entry in PublishedDemands() on link.EntryId equals entry.Id
                        select new { link.EntryId, link.SectorCode })
                    .ToListAsync(ct);
                if (dimension == PriorityDimension.Sector)
                {
                    return [.. sectors.Select(s => (s.EntryId, s.SectorCode))];
                }

                var categories = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.CategoryCode, StringComparer.Ordinal, ct);
                return [.. sectors.Select(s => (s.EntryId, categories.TryGetValue(s.SectorCode, out var category) ? category : s.SectorCode[..Math.Min(3, s.SectorCode.Length)]))];

            case PriorityDimension.Sdg:
                var sdgs = await (
                        from link in db.Set<EntrySdg>()
                        join entry in PublishedDemands() on link.EntryId equals entry.Id
                        select new { link.EntryId, link.Code })
                    .ToListAsync(ct);
                return [.. sdgs.Select(s => (s.EntryId, s.Code.Split('.')[0]))];

            case PriorityDimension.Subregion:
                var subregions = await db.MemberStates.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Subregion, StringComparer.Ordinal, ct);
                return [.. unmet.Where(d => subregions.ContainsKey(d.Demand.State)).Select(d => (d.Demand.Id, subregions[d.Demand.State]))];

            default:
                return [.. unmet.SelectMany(e =>
                {
                    var working = e.WorkingLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(l => l.ToLowerInvariant()).Where(Languages.IsSupported).ToList();
                    return (working.Count == 0 ? [e.Language] : working).Select(l => (e.Demand.Id, l));
                })];
        }
    }

    /// <summary>Names the codes of <paramref name="dimension"/> in <paramref name="language"/>; a code the reference data lacks is its own name.</summary>
    private async Task<Func<string, string>> NamesAsync(PriorityDimension dimension, string language, CancellationToken ct)
    {
        switch (dimension)
        {
            case PriorityDimension.Category:
                var categories = await db.SectorCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, StringComparer.Ordinal, ct);
                return code => categories.TryGetValue(code, out var name) ? name.Resolve(language).Text : code;
            case PriorityDimension.Sector:
                var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, ct);
                return code => sectors.TryGetValue(code, out var name) ? name.Resolve(language).Text : code;
            case PriorityDimension.Sdg:
                var goals = await db.SdgGoals.AsNoTracking().ToDictionaryAsync(g => g.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.ShortName, StringComparer.Ordinal, ct);
                return code => goals.TryGetValue(code, out var name) ? name.Resolve(language).Text : code;
            case PriorityDimension.Subregion:
                return code => PriorityNames.Subregion(code, language);
            default:
                return code => PriorityNames.WorkingLanguage(code, language);
        }
    }
}
