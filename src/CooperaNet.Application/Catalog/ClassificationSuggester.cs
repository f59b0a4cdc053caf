using CooperaNet.Application.Data;
using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Application.Catalog;

/// <summary>A proposed code with its name in the author's language and a score in (0, 1].</summary>
public sealed record Suggestion(string Code, string Name, double Score);

public sealed record ClassificationSuggestions(IReadOnlyList<Suggestion> Sectors, IReadOnlyList<Suggestion> Sdgs);

/// <summary>
/// Proposes DAC sectors and SDGs for a text while its author writes: the text's terms are weighed
/// against the names of every sector (and its category) and every SDG goal and target in the
/// author's language, rarer terms counting more (inverse document frequency). A first, explainable
/// engine; the matching engine may refine it.
/// </summary>
public sealed class ClassificationSuggester(CooperaNetDbContext db, IMemoryCache cache)
{
    private sealed record Document(string Code, string Name, HashSet<string> Terms);

    private sealed record Corpus(
        IReadOnlyList<Document> Sectors, IReadOnlyList<Document> Sdgs, IReadOnlyDictionary<string, double> Weight,
        IReadOnlyDictionary<string, HashSet<string>> SectorTermsInAllLanguages);

    public async Task<ClassificationSuggestions> SuggestAsync(string? title, string? description, string language, int take = 5)
    {
        var corpus = await CorpusAsync(language);
        var terms = SearchText.Terms(title).Concat(SearchText.Terms(title)).Concat(SearchText.Terms(description)).ToList();
        var sectors = Rank(corpus.Sectors, terms, corpus.Weight, take);

        // SDG titles lack Portuguese targets and use other words than sector names: the best sectors'
        // names in the four languages widen the query, so "Formação de professores" reaches 4.c (teachers).
        var widened = terms.Concat(sectors.Take(2).SelectMany(s => corpus.SectorTermsInAllLanguages[s.Code])).ToList();
        return new ClassificationSuggestions(sectors, Rank(corpus.Sdgs, widened, corpus.Weight, take));
    }

    private static List<Suggestion> Rank(IReadOnlyList<Document> documents, IReadOnlyList<string> terms, IReadOnlyDictionary<string, double> weight, int take)
    {
        var scored = documents
            .Select(d => (Document: d, Score: terms.Where(d.Terms.Contains).Sum(t => weight.GetValueOrDefault(t)) / Math.Sqrt(d.Terms.Count)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Document.Code, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        var best = scored.FirstOrDefault().Score;
        return scored.Select(s => new Suggestion(s.Document.Code, s.Document.Name, Math.Round(s.Score / best, 3))).ToList();
    }

    private async Task<Corpus> CorpusAsync(string language) => (await cache.GetOrCreateAsync($"suggest-corpus:{language}", async entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30);
        var categories = await db.SectorCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name);
        var activeSectors = await db.Sectors.AsNoTracking().Where(s => !s.IsWithdrawn).ToListAsync();
        var sectors = activeSectors.Select(s => Doc(s.Code, s.Name, language, categories.GetValueOrDefault(s.CategoryCode))).ToList();
        var sectorTerms = activeSectors.ToDictionary(s => s.Code, s => AllLanguages(s.Name), StringComparer.Ordinal);
        var goals = (await db.SdgGoals.AsNoTracking().ToListAsync()).Select(g => new Document(
            g.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), g.ShortName.Resolve(language).Text, [.. AllLanguages(g.ShortName), .. AllLanguages(g.Title)]));
        var targets = (await db.SdgTargets.AsNoTracking().ToListAsync()).Select(t => new Document(t.Code, t.Title.Resolve(language).Text, AllLanguages(t.Title)));
        var sdgs = goals.Concat(targets).ToList();
        var all = sectors.Concat(sdgs).ToList();
        var weight = all.SelectMany(d => d.Terms).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log(1 + ((double)all.Count / g.Count())), StringComparer.Ordinal);
        return new Corpus(sectors, sdgs, weight, sectorTerms);
    }))!;

    private static HashSet<string> AllLanguages(LocalizedText text) =>
        Languages.All.SelectMany(l => SearchText.Terms(text.In(l))).ToHashSet(StringComparer.Ordinal);

    private static Document Doc(string code, LocalizedText name, string language, LocalizedText? context)
    {
        var text = name.Resolve(language).Text;
        var terms = SearchText.Terms(text).Concat(SearchText.Terms(context?.Resolve(language).Text)).ToHashSet(StringComparer.Ordinal);
        return new Document(code, text, terms);
    }
}
