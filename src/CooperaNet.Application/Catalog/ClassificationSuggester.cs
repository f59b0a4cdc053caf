using System.Globalization;
using CooperaNet.Application.Data;
using CooperaNet.Application.Matching;
using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Application.Catalog;

/// <summary>A proposed code with its name in the author's language and a score in (0, 1].</summary>
public sealed record Suggestion(string Code, string Name, double Score);

public sealed record ClassificationSuggestions(IReadOnlyList<Suggestion> Sectors, IReadOnlyList<Suggestion> Sdgs);

/// <summary>
/// Proposes DAC sectors and SDGs for a text while its author writes, with the matching engine's
/// classifier (the one that pairs offers and demands), named in the author's language.
/// </summary>
public sealed class ClassificationSuggester(CooperaNetDbContext db, IMemoryCache cache)
{
    public async Task<ClassificationSuggestions> SuggestAsync(string? title, string? description, string language, int take = 5)
    {
        var names = await NamesAsync(language);
        var found = MatchingKnowledgeLoader.Engine.Classifier.Classify(title ?? string.Empty, description ?? string.Empty, language, take);
        var sectors = found.Sectors.Where(s => names.ContainsKey(s.Code)).Take(take)
            .Select(s => new Suggestion(s.Code, names[s.Code], s.Score)).ToList();

        // Goals first, then the targets under them, as a reader scans them: "6", "6.1", "4", "4.c".
        var sdgs = found.Sdgs.Select(g => (g.Code, g.Score, Order: 0))
            .Concat(found.SdgTargets.Select(t => (t.Code, t.Score, Order: 1)))
            .Where(s => names.ContainsKey("sdg:" + s.Code))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Order)
            .Take(take)
            .Select(s => new Suggestion(s.Code, names["sdg:" + s.Code], s.Score))
            .ToList();
        return new ClassificationSuggestions(sectors, sdgs);
    }

    /// <summary>Active sectors by code and SDG goals and targets by "sdg:" + code, named in <paramref name="language"/>.</summary>
    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(string language) => (await cache.GetOrCreateAsync($"suggest-names:{language}", async entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30);
        var names = (await db.Sectors.AsNoTracking().Where(s => !s.IsWithdrawn).ToListAsync())
            .ToDictionary(s => s.Code, s => s.Name.Resolve(language).Text, StringComparer.Ordinal);
        foreach (var goal in await db.SdgGoals.AsNoTracking().ToListAsync())
        {
            names["sdg:" + goal.Number.ToString(CultureInfo.InvariantCulture)] = goal.ShortName.Resolve(language).Text;
        }

        foreach (var target in await db.SdgTargets.AsNoTracking().ToListAsync())
        {
            names["sdg:" + target.Code] = target.Title.Resolve(language).Text;
        }

        return (IReadOnlyDictionary<string, string>)names;
    }))!;
}
