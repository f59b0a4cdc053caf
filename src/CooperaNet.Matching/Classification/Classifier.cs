using CooperaNet.Matching.Knowledge;
using CooperaNet.Matching.Text;

namespace CooperaNet.Matching.Classification;

/// <summary>
/// Classifies free text in any of the four languages into DAC sectors and SDGs. Each sector is
/// described by its names in the four languages, its category's names, its code-list description,
/// the lexicon concepts that point to it and any labelled texts; the text's stems and concepts are
/// compared with each description (TF-IDF cosine), and a sector's score blends its own similarity
/// with its category's. Goals add the goals of the best sectors. Thread-safe once built.
/// </summary>
public sealed class Classifier
{
    private const float TitleWeight = 2f;

    private readonly Analyzer analyzer;
    private readonly ClassSpace sectors;
    private readonly ClassSpace categories;
    private readonly ClassSpace goals;
    private readonly ClassSpace targets;
    private readonly int[] categoryOfSector;
    private readonly int[] goalOfTarget;
    private readonly Dictionary<string, int> goalIndex;
    private readonly int[][] goalsOfSector;

    internal Classifier(Analyzer analyzer, MatchingKnowledge knowledge)
    {
        this.analyzer = analyzer;
        var active = knowledge.Sectors.Where(s => !s.IsWithdrawn).ToList();
        var categoryList = knowledge.Categories.Where(c => active.Any(s => s.CategoryCode == c.Code)).ToList();
        var categoryIndex = categoryList.Select((c, i) => (c.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        categoryOfSector = active.Select(s => categoryIndex.GetValueOrDefault(s.CategoryCode, -1)).ToArray();
        var sectorIndex = active.Select((s, i) => (s.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

        var sectorBags = active.Select(_ => new Dictionary<int, float>()).ToArray();
        var categoryBags = categoryList.Select(_ => new Dictionary<int, float>()).ToArray();
        for (var s = 0; s < active.Count; s++)
        {
            var sector = active[s];
            AddNames(sector.Names, 3f, sectorBags[s]);
            AddNames(sector.Description, 0.5f, sectorBags[s]);
            if (categoryOfSector[s] >= 0)
            {
                AddNames(categoryList[categoryOfSector[s]].Names, 1f, sectorBags[s]);
                AddNames(sector.Names, 1f, categoryBags[categoryOfSector[s]]);
                AddNames(sector.Description, 0.25f, categoryBags[categoryOfSector[s]]);
            }
        }

        for (var c = 0; c < categoryList.Count; c++)
        {
            AddNames(categoryList[c].Names, 3f, categoryBags[c]);
        }

        for (var k = 0; k < knowledge.Concepts.Count; k++)
        {
            var feature = analyzer.ConceptFeatures[k];
            foreach (var code in knowledge.Concepts[k].Sectors)
            {
                if (sectorIndex.TryGetValue(code, out var s))
                {
                    Add(sectorBags[s], feature, 4f);
                    if (categoryOfSector[s] >= 0)
                    {
                        Add(categoryBags[categoryOfSector[s]], feature, 2f);
                    }
                }
                else if (categoryIndex.TryGetValue(code, out var c))
                {
                    Add(categoryBags[c], feature, 4f);
                    for (var i = 0; i < active.Count; i++)
                    {
                        if (categoryOfSector[i] == c)
                        {
                            Add(sectorBags[i], feature, 1.5f);
                        }
                    }
                }
            }
        }

        foreach (var text in knowledge.TrainingTexts)
        {
            var features = analyzer.Extract(text.Text, text.Language);
            var scale = 2f / MathF.Sqrt(Math.Max(1, features.Count));
            foreach (var code in text.Sectors.Distinct(StringComparer.Ordinal))
            {
                if (!sectorIndex.TryGetValue(code, out var s))
                {
                    continue;
                }

                foreach (var (feature, tf) in features)
                {
                    Add(sectorBags[s], feature, tf * scale);
                    if (categoryOfSector[s] >= 0)
                    {
                        Add(categoryBags[categoryOfSector[s]], feature, tf * scale);
                    }
                }
            }
        }

        sectors = ClassSpace.Build(active.Select(s => s.Code).ToList(), sectorBags);
        categories = ClassSpace.Build(categoryList.Select(c => c.Code).ToList(), categoryBags);

        var goalList = knowledge.Sdgs.Where(g => g.IsGoal).ToList();
        goalIndex = goalList.Select((g, i) => (g.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        var targetList = knowledge.Sdgs.Where(t => !t.IsGoal && goalIndex.ContainsKey(t.Goal)).ToList();
        var goalBags = goalList.Select(_ => new Dictionary<int, float>()).ToArray();
        var targetBags = targetList.Select(_ => new Dictionary<int, float>()).ToArray();
        for (var g = 0; g < goalList.Count; g++)
        {
            AddNames(goalList[g].Names, 3f, goalBags[g]);
        }

        goalOfTarget = new int[targetList.Count];
        for (var t = 0; t < targetList.Count; t++)
        {
            goalOfTarget[t] = goalIndex[targetList[t].Goal];
            AddNames(targetList[t].Names, 3f, targetBags[t]);
            AddNames(targetList[t].Names, 1f, goalBags[goalOfTarget[t]]);
            AddNames(goalList[goalOfTarget[t]].Names, 0.5f, targetBags[t]);
        }

        for (var k = 0; k < knowledge.Concepts.Count; k++)
        {
            foreach (var goal in knowledge.Concepts[k].Sdgs)
            {
                if (goalIndex.TryGetValue(goal, out var g))
                {
                    Add(goalBags[g], analyzer.ConceptFeatures[k], 4f);
                }
            }
        }

        goals = ClassSpace.Build(goalList.Select(g => g.Code).ToList(), goalBags);
        targets = ClassSpace.Build(targetList.Select(t => t.Code).ToList(), targetBags);
        goalsOfSector = active.Select(s => knowledge.SectorSdgs
            .Where(l => l.SectorOrCategory == s.Code || l.SectorOrCategory == s.CategoryCode)
            .Select(l => goalIndex.GetValueOrDefault(l.Goal, -1))
            .Where(g => g >= 0)
            .Distinct()
            .ToArray()).ToArray();
        SectorCategories = active.ToDictionary(s => s.Code, s => s.CategoryCode, StringComparer.Ordinal);
        foreach (var withdrawn in knowledge.Sectors.Where(s => s.IsWithdrawn))
        {
            SectorCategories.TryAdd(withdrawn.Code, withdrawn.CategoryCode);
        }
    }

    /// <summary>The category of every known sector code, withdrawn ones included.</summary>
    internal Dictionary<string, string> SectorCategories { get; }

    /// <summary>Ranks sectors, categories, goals and targets for a text.</summary>
    /// <param name="title">The title; it counts twice as much as the description.</param>
    /// <param name="description">The description.</param>
    /// <param name="language">"es", "en", "pt" or "fr".</param>
    /// <param name="top">How many of each to return.</param>
    public Classification Classify(string? title, string? description, string? language, int top = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var features = new Dictionary<int, float>();
        analyzer.Extract(title, language, TitleWeight, features);
        analyzer.Extract(description, language, 1f, features);
        return Classify(features, top);
    }

    internal Classification Classify(Dictionary<int, float> features, int top)
    {
        var raw = Scores(features);
        return new Classification(
            Top(sectors.Codes, raw.Sectors, top),
            Top(categories.Codes, raw.Categories, top),
            Top(goals.Codes, raw.Goals, top),
            Top(targets.Codes, raw.Targets, top));
    }

    private (float[] Sectors, float[] Categories, float[] Goals, float[] Targets) Scores(Dictionary<int, float> features)
    {
        var sectorScores = sectors.Score(features);
        var categoryScores = categories.Score(features);
        var bestInCategory = new float[categoryScores.Length];
        for (var s = 0; s < sectorScores.Length; s++)
        {
            var c = categoryOfSector[s];
            if (c >= 0)
            {
                bestInCategory[c] = Math.Max(bestInCategory[c], sectorScores[s]);
                sectorScores[s] = (0.5f * sectorScores[s]) + (0.5f * categoryScores[c]);
            }
        }

        for (var c = 0; c < categoryScores.Length; c++)
        {
            categoryScores[c] = (0.5f * categoryScores[c]) + (0.5f * bestInCategory[c]);
        }

        // Goals: what the text says of them, and what its best sectors usually serve.
        var goalScores = goals.Score(features);
        var fromSectors = new float[goalScores.Length];
        foreach (var s in TopIndexes(sectorScores, 3))
        {
            foreach (var g in goalsOfSector[s])
            {
                fromSectors[g] = Math.Max(fromSectors[g], sectorScores[s]);
            }
        }

        for (var g = 0; g < goalScores.Length; g++)
        {
            goalScores[g] = (0.6f * goalScores[g]) + (0.4f * fromSectors[g]);
        }

        var targetScores = targets.Score(features);
        for (var t = 0; t < targetScores.Length; t++)
        {
            targetScores[t] = (0.5f * targetScores[t]) + (0.5f * goalScores[goalOfTarget[t]]);
        }

        return (sectorScores, categoryScores, goalScores, targetScores);
    }

    private static List<ScoredCode> Top(string[] codes, float[] scores, int top) =>
        TopIndexes(scores, top).Select(i => new ScoredCode(codes[i], Math.Round(scores[i], 3))).ToList();

    private static IEnumerable<int> TopIndexes(float[] scores, int top) =>
        Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(top);

    private void AddNames(LocalizedNames? names, float weight, Dictionary<int, float> bag)
    {
        if (names is null)
        {
            return;
        }

        foreach (var (language, text) in names.Present())
        {
            analyzer.Extract(text, language, weight, bag);
        }
    }

    private static void Add(Dictionary<int, float> bag, int feature, float weight) => bag[feature] = bag.GetValueOrDefault(feature) + weight;
}
