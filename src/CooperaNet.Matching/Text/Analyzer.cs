using CooperaNet.Matching.Knowledge;

namespace CooperaNet.Matching.Text;

/// <summary>
/// Turns a text into weighted features: its stems, and the lexicon concepts its words or phrases
/// name. A concept is the same feature whatever the language, which is how a Spanish text meets an
/// English one that shares no word with it.
/// </summary>
internal sealed class Analyzer
{
    private const string ConceptPrefix = "#";

    private readonly Dictionary<string, Phrase[]>[] phrases;
    private readonly Dictionary<int, int> conceptOfFeature = [];

    public Analyzer(IReadOnlyList<LexiconConcept> concepts)
    {
        var byLanguage = new Dictionary<string, List<Phrase>>[5];
        for (var i = 0; i < byLanguage.Length; i++)
        {
            byLanguage[i] = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        }

        Concepts = concepts;
        ConceptFeatures = new int[concepts.Count];
        for (var c = 0; c < concepts.Count; c++)
        {
            ConceptFeatures[c] = Vocabulary.Id(ConceptPrefix + concepts[c].Id);
            conceptOfFeature[ConceptFeatures[c]] = c;
            foreach (var (language, terms) in concepts[c].Terms)
            {
                var lang = LangCodes.Parse(language);
                foreach (var term in terms)
                {
                    var stems = TextAnalyzer.Terms(term, language).ToArray();
                    if (stems.Length == 0)
                    {
                        continue;
                    }

                    var phrase = new Phrase(stems, c);
                    Add(byLanguage[(int)lang], phrase);
                    Add(byLanguage[(int)Lang.Other], phrase);
                }
            }
        }

        phrases = byLanguage.Select(d => d.ToDictionary(
            p => p.Key,
            p => p.Value.DistinctBy(x => (string.Join(' ', x.Stems), x.Concept)).OrderByDescending(x => x.Stems.Length).ToArray(),
            StringComparer.Ordinal)).ToArray();
    }

    public Vocabulary Vocabulary { get; } = new();

    public IReadOnlyList<LexiconConcept> Concepts { get; }

    /// <summary>The feature id of each concept, by concept index.</summary>
    public int[] ConceptFeatures { get; }

    /// <summary>The concept a feature stands for, or null for a plain stem.</summary>
    public LexiconConcept? ConceptOf(int feature) => conceptOfFeature.TryGetValue(feature, out var c) ? Concepts[c] : null;

    /// <summary>Adds the features of <paramref name="text"/>, each occurrence counting <paramref name="weight"/>.</summary>
    public void Extract(string? text, string? language, float weight, Dictionary<int, float> into)
    {
        var stems = TextAnalyzer.Terms(text, language);
        var lexicon = phrases[(int)LangCodes.Parse(language)];
        for (var i = 0; i < stems.Count; i++)
        {
            var stem = stems[i];
            Add(into, Vocabulary.Id(stem), weight);
            if (!lexicon.TryGetValue(stem, out var candidates))
            {
                continue;
            }

            var emitted = -1;
            foreach (var phrase in candidates)
            {
                // Longest phrases come first; a concept counts once per position however many of its phrases match.
                if (phrase.Concept != emitted && Matches(stems, i, phrase.Stems))
                {
                    Add(into, ConceptFeatures[phrase.Concept], weight);
                    emitted = phrase.Concept;
                }
            }
        }
    }

    public Dictionary<int, float> Extract(string? text, string? language)
    {
        var features = new Dictionary<int, float>();
        Extract(text, language, 1f, features);
        return features;
    }

    private static bool Matches(IReadOnlyList<string> stems, int start, string[] phrase)
    {
        if (start + phrase.Length > stems.Count)
        {
            return false;
        }

        for (var j = 1; j < phrase.Length; j++)
        {
            if (!string.Equals(stems[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(Dictionary<int, float> features, int feature, float weight) =>
        features[feature] = features.GetValueOrDefault(feature) + weight;

    private static void Add(Dictionary<string, List<Phrase>> index, Phrase phrase)
    {
        if (!index.TryGetValue(phrase.Stems[0], out var list))
        {
            index[phrase.Stems[0]] = list = [];
        }

        list.Add(phrase);
    }

    private sealed record Phrase(string[] Stems, int Concept);
}
