using CooperaNet.Matching.Knowledge;

namespace CooperaNet.Matching.Benchmarks;

/// <summary>
/// Realistic synthetic entries: each picks a sector and writes its title and description in one of
/// the four languages from that sector's names, its category's names and lexicon words, with words
/// of other sectors mixed in; most offers declare their sector, demands mostly do not.
/// </summary>
internal static class SyntheticCatalog
{
    private static readonly string[] Languages = ["es", "en", "pt", "fr"];

    public static List<MatchEntry> Entries(MatchingKnowledge knowledge, EntrySide side, int count, int seed)
    {
        var random = new Random(seed);
        var sectors = knowledge.Sectors.Where(s => !s.IsWithdrawn).ToList();
        var categories = knowledge.Categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var words = knowledge.Concepts.SelectMany(c => c.Terms.SelectMany(t => t.Value.Select(w => (Language: t.Key, Word: w)))).ToList();
        var entries = new List<MatchEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var sector = sectors[random.Next(sectors.Count)];
            var language = Languages[random.Next(Languages.Length)];
            var name = sector.Names.Best(language);
            var category = categories.TryGetValue(sector.CategoryCode, out var c) ? c.Names.Best(language) : string.Empty;
            var filler = Enumerable.Range(0, 25).Select(_ => words[random.Next(words.Count)]).Where(w => w.Language == language).Select(w => w.Word);
            entries.Add(new MatchEntry
            {
                Id = $"{side}-{i}",
                Side = side,
                Language = language,
                Title = name,
                Description = $"{category}. {name}. {string.Join(' ', filler)}. {sectors[random.Next(sectors.Count)].Names.Best(language)}.",
                Sectors = random.NextDouble() < (side == EntrySide.Offer ? 0.8 : 0.3) ? [sector.Code] : [],
                Sdgs = random.NextDouble() < 0.3 ? [random.Next(1, 18).ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
                Countries = [((char)('A' + random.Next(26))).ToString() + (char)('A' + random.Next(26))],
                Modality = random.NextDouble() < 0.5 ? "TechnicalAssistance" : "TrainingCourse",
            });
        }

        return entries;
    }
}
