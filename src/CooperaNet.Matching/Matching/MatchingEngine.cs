using CooperaNet.Matching.Classification;
using CooperaNet.Matching.Knowledge;
using CooperaNet.Matching.Text;

namespace CooperaNet.Matching;

/// <summary>
/// The crossing engine: analyses entries into profiles (declared codes, codes inferred from the
/// text, text features) and creates the indexes that rank offers for a demand and demands for an
/// offer. Build it once from the knowledge; it is thread-safe.
/// </summary>
public sealed class MatchingEngine
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private const float AverageLength = 80f;

    private readonly Analyzer analyzer;
    private readonly Dictionary<string, LexiconConcept> conceptsById;

    private MatchingEngine(MatchingKnowledge knowledge)
    {
        analyzer = new Analyzer(knowledge.Concepts);
        Classifier = new Classifier(analyzer, knowledge);
        Knowledge = knowledge;
        conceptsById = knowledge.Concepts.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The classifier the engine infers codes with; the entry form's suggestions use it too.</summary>
    public Classifier Classifier { get; }

    /// <summary>The knowledge the engine was built from.</summary>
    public MatchingKnowledge Knowledge { get; }

    internal Analyzer Analyzer => analyzer;

    /// <summary>Builds an engine from its knowledge (code lists, lexicon, optional training texts).</summary>
    public static MatchingEngine Create(MatchingKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return new MatchingEngine(knowledge);
    }

    /// <summary>A new, empty index of entries to search.</summary>
    public MatchIndex CreateIndex() => new(this);

    /// <summary>The lexicon concept with this id, to word a <see cref="ReasonKind.SimilarText"/> reason.</summary>
    public LexiconConcept? Concept(string id) => conceptsById.GetValueOrDefault(id);

    /// <summary>Analyses an entry: classifies its text, weighs its declared and inferred codes, extracts its features.</summary>
    public EntryProfile Profile(MatchEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var features = new Dictionary<int, float>();
        analyzer.Extract(entry.Title, entry.Language, 2f, features);
        analyzer.Extract(entry.Description, entry.Language, 1f, features);
        var inferred = Classifier.Classify(features, 3);

        var sectors = new List<CodeWeight>();
        foreach (var code in entry.Sectors.Select(c => c.Trim()).Where(c => c.Length == 5).Distinct(StringComparer.Ordinal))
        {
            sectors.Add(new CodeWeight(code, 1f, Declared: true));
        }

        var declaredSectors = sectors.Count > 0;
        AddInferred(sectors, inferred.Sectors, declaredSectors ? 0.35f : 0.6f, minRelative: 0.5);

        var categories = new List<CodeWeight>();
        foreach (var code in entry.Sectors.Select(c => c.Trim()).Where(c => c.Length == 3).Distinct(StringComparer.Ordinal))
        {
            categories.Add(new CodeWeight(code, 1f, Declared: true));
        }

        foreach (var sector in sectors)
        {
            AddCategory(categories, CategoryOf(sector.Code), sector.Weight, sector.Declared);
        }

        AddInferredCategories(categories, inferred.Categories, declaredSectors || categories.Any(c => c.Declared) ? 0.35f : 0.6f);

        var goals = new List<CodeWeight>();
        foreach (var goal in entry.Sdgs.Select(SdgCodes.GoalOf).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal))
        {
            goals.Add(new CodeWeight(goal, 1f, Declared: true));
        }

        AddInferred(goals, inferred.Sdgs, goals.Count > 0 ? 0.3f : 0.5f, minRelative: 0.6);

        var modality = Modalities.Normalize(entry.Modality);
        var countries = entry.Countries.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var length = features.Values.Sum();
        var ordered = features.OrderBy(p => p.Key).ToArray();
        return new EntryProfile(entry, inferred)
        {
            Sectors = [.. sectors],
            Categories = [.. categories],
            Goals = [.. goals],
            Features = ordered.Select(p => p.Key).ToArray(),
            DocumentWeights = ordered.Select(p => p.Value * (K1 + 1) / (p.Value + (K1 * (1 - B + (B * length / AverageLength))))).ToArray(),
            QueryWeights = ordered.Select(p => 1 + MathF.Log(Math.Max(1f, p.Value))).ToArray(),
            LanguageMask = LanguageMask(entry),
            Modality = modality,
            ModalityFamily = Modalities.FamilyOf(modality),
            ModalityId = modality is null or "other" ? 0 : analyzer.Vocabulary.Id("modality:" + modality),
            Countries = countries,
            CountryIds = countries.Select(c => analyzer.Vocabulary.Id("country:" + c)).ToArray(),
            StartDay = entry.StartsOn?.DayNumber ?? int.MinValue,
            EndDay = entry.EndsOn?.DayNumber ?? int.MaxValue,
        };
    }

    internal string CategoryOf(string sector) =>
        Classifier.SectorCategories.TryGetValue(sector, out var category) ? category : sector[..Math.Min(3, sector.Length)];

    internal string FeatureName(int feature) => analyzer.Vocabulary.Name(feature);

    internal LexiconConcept? ConceptOfFeature(int feature) => analyzer.ConceptOf(feature);

    private static void AddInferred(List<CodeWeight> into, IReadOnlyList<ScoredCode> ranked, float weight, double minRelative)
    {
        if (ranked.Count == 0)
        {
            return;
        }

        // A weak best guess (a text that says little) weighs less than a clear one.
        var best = ranked[0].Score;
        var confidence = (float)Math.Min(1, best / 0.3);
        foreach (var code in ranked)
        {
            var relative = code.Score / best;
            if (relative >= minRelative && !into.Any(c => c.Code == code.Code))
            {
                into.Add(new CodeWeight(code.Code, weight * confidence * (float)relative, Declared: false));
            }
        }
    }

    private static void AddInferredCategories(List<CodeWeight> into, IReadOnlyList<ScoredCode> ranked, float weight)
    {
        if (ranked.Count == 0)
        {
            return;
        }

        var best = ranked[0].Score;
        var confidence = (float)Math.Min(1, best / 0.3);
        foreach (var code in ranked.Where(c => c.Score / best >= 0.6))
        {
            AddCategory(into, code.Code, weight * confidence * (float)(code.Score / best), declared: false);
        }
    }

    private static void AddCategory(List<CodeWeight> categories, string code, float weight, bool declared)
    {
        var i = categories.FindIndex(c => c.Code == code);
        if (i < 0)
        {
            categories.Add(new CodeWeight(code, weight, declared));
        }
        else if (categories[i].Weight < weight)
        {
            categories[i] = new CodeWeight(code, weight, declared || categories[i].Declared);
        }
    }

    private static int LanguageMask(MatchEntry entry)
    {
        var mask = 0;
        foreach (var language in entry.WorkingLanguages.Prepend(entry.Language))
        {
            var lang = LangCodes.Parse(language);
            if (lang != Lang.Other)
            {
                mask |= 1 << (int)lang;
            }
        }

        return mask;
    }
}
