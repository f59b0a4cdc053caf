using CooperaNet.Application.Catalog;
using CooperaNet.Domain;
using CooperaNet.Domain.Reference;

namespace CooperaNet.Application.Demo;

/// <summary>
/// Picks the DAC sector whose name, and its category's name, in the title's language share the most
/// search terms with the title. Terms found in many names ("policy", "management", "development") weigh
/// little, and the category counts too, so "Transport and Resilient Infrastructure Project" lands in
/// transport (210) rather than on "Basic health infrastructure".
/// </summary>
internal sealed class SectorGuess
{
    private readonly Dictionary<string, List<Candidate>> byLanguage = [];

    public SectorGuess(IEnumerable<Sector> sectors, IEnumerable<SectorCategory> categories)
    {
        var active = sectors.Where(s => !s.IsWithdrawn).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var categoryNames = categories.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        foreach (var language in Languages.All)
        {
            var own = Weigh(active.Select(s => s.Name.In(language)));
            var category = Weigh(categoryNames.Values.Select(n => n.In(language)));
            byLanguage[language] = active
                .Select(s => new Candidate(
                    s.Code,
                    own.For(s.Name.In(language)),
                    categoryNames.TryGetValue(s.CategoryCode, out var name) ? category.For(name.In(language)) : []))
                .ToList();
        }
    }

    /// <summary>The best sector code for <paramref name="title"/>, or null when no name shares a word with it.</summary>
    public string? For(string title, string language)
    {
        if (!byLanguage.TryGetValue(language, out var candidates))
        {
            return null;
        }

        var terms = SearchText.Terms(title).ToHashSet(StringComparer.Ordinal);
        string? best = null;
        var bestScore = 0.0;
        foreach (var candidate in candidates)
        {
            var own = candidate.Terms.Where(t => terms.Contains(t.Key)).Sum(t => t.Value);
            var score = own == 0 ? 0 : own + candidate.CategoryTerms.Where(t => terms.Contains(t.Key)).Sum(t => t.Value);
            if (score > bestScore)
            {
                (best, bestScore) = (candidate.Code, score);
            }
        }

        return best;
    }

    /// <summary>Each name's terms with their weight: the rarer among the names, the heavier.</summary>
    private static Weights Weigh(IEnumerable<string?> names)
    {
        var terms = names.Select(n => SearchText.Terms(n).ToHashSet(StringComparer.Ordinal)).Where(t => t.Count > 0).ToList();
        var weights = terms.SelectMany(t => t)
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log((double)terms.Count / g.Count()), StringComparer.Ordinal);
        return new Weights(weights);
    }

    private sealed record Weights(Dictionary<string, double> ByTerm)
    {
        public Dictionary<string, double> For(string? name) =>
            SearchText.Terms(name).Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => ByTerm[t], StringComparer.Ordinal);
    }

    private sealed record Candidate(string Code, Dictionary<string, double> Terms, Dictionary<string, double> CategoryTerms);
}
