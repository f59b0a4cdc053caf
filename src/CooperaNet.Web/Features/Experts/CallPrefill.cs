using CooperaNet.Application.Data;
using CooperaNet.Application.Priorities;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Experts;

/// <summary>
/// A new call started from a priority area: what the area's unmet demands ask for. The area's own
/// code fills its field (a sector, a language, a subregion's states); the other fields take what the
/// demands declare — the sectors of a category or goal, the states asking, their working languages —
/// most frequent first, up to <see cref="ExpertCall.MaxCodes"/>.
/// </summary>
public sealed class CallPrefill(PriorityCalculator calculator, CooperaNetDbContext db)
{
    /// <summary>The fields from the area <paramref name="code"/> of <paramref name="dimension"/>, with its name as the reference; null when there is no such area.</summary>
    public async Task<CallInput?> FromAreaAsync(string? dimension, string? code, string language, string areaLabel, CancellationToken ct)
    {
        if (PriorityDimensions.Parse(dimension) is not { } chosen || code is null
            || (await calculator.RankAsync(chosen, language, ct)).Area(code) is not { } area)
        {
            return null;
        }

        var ids = area.DemandIds;
        var demands = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.StateCode, e.WorkingLanguages, e.Language }).ToListAsync(ct);
        var sectors = await db.Set<EntrySector>().AsNoTracking().Where(s => ids.Contains(s.EntryId)).Select(s => s.SectorCode).ToListAsync(ct);

        var countries = chosen == PriorityDimension.Subregion
            ? await db.MemberStates.AsNoTracking().Where(s => s.Subregion == code).OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct)
            : MostFrequent(demands.Select(d => d.StateCode));
        var languages = chosen == PriorityDimension.Language
            ? [code]
            : MostFrequent(demands.SelectMany(d => WorkingLanguagesOf(d.WorkingLanguages, d.Language)));
        var sought = chosen switch
        {
            PriorityDimension.Sector => [code],
            PriorityDimension.Category => MostFrequent(sectors.Where(s => s.StartsWith(code, StringComparison.Ordinal))),
            _ => MostFrequent(sectors),
        };
        var reference = $"{areaLabel}: {area.Name}";
        return new CallInput(
            null, null, language, sought, languages, countries,
            reference.Length > ExpertCall.PriorityAreaMax ? reference[..ExpertCall.PriorityAreaMax] : reference, null);
    }

    private static IEnumerable<string> WorkingLanguagesOf(string working, string language)
    {
        var codes = working.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.ToLowerInvariant()).ToList();
        return codes.Count == 0 ? [language] : codes;
    }

    private static List<string> MostFrequent(IEnumerable<string> codes) =>
        [.. codes.GroupBy(c => c, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(ExpertCall.MaxCodes).Select(g => g.Key)];
}
