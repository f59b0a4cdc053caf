namespace CooperaNet.Matching.Classification;

/// <summary>
/// A set of classes (sectors, categories, goals...), each described by a bag of weighted features,
/// scored against a text by cosine similarity of TF-IDF vectors through an inverted index.
/// </summary>
internal sealed class ClassSpace
{
    private readonly Dictionary<int, Posting[]> postings;
    private readonly Dictionary<int, float> idf;

    private ClassSpace(string[] codes, Dictionary<int, Posting[]> postings, Dictionary<int, float> idf)
    {
        Codes = codes;
        this.postings = postings;
        this.idf = idf;
    }

    public string[] Codes { get; }

    public static ClassSpace Build(IReadOnlyList<string> codes, IReadOnlyList<Dictionary<int, float>> bags)
    {
        var df = new Dictionary<int, int>();
        foreach (var bag in bags)
        {
            foreach (var (feature, weight) in bag)
            {
                if (weight > 0)
                {
                    df[feature] = df.GetValueOrDefault(feature) + 1;
                }
            }
        }

        var idf = df.ToDictionary(p => p.Key, p => (float)Math.Log(1 + ((double)bags.Count / p.Value)));
        var lists = new Dictionary<int, List<Posting>>();
        for (var c = 0; c < bags.Count; c++)
        {
            var vector = bags[c].Where(p => p.Value > 0).Select(p => (Feature: p.Key, Weight: (float)Math.Sqrt(p.Value) * idf[p.Key])).ToList();
            var norm = (float)Math.Sqrt(vector.Sum(v => v.Weight * v.Weight));
            foreach (var (feature, weight) in vector)
            {
                if (!lists.TryGetValue(feature, out var list))
                {
                    lists[feature] = list = [];
                }

                list.Add(new Posting(c, weight / norm));
            }
        }

        return new ClassSpace([.. codes], lists.ToDictionary(p => p.Key, p => p.Value.ToArray()), idf);
    }

    /// <summary>The cosine of the text's features with each class, by class index.</summary>
    public float[] Score(Dictionary<int, float> features)
    {
        var scores = new float[Codes.Length];
        var norm = 0f;
        foreach (var (feature, tf) in features)
        {
            if (tf <= 0 || !idf.TryGetValue(feature, out var weight))
            {
                continue;
            }

            var q = (1 + MathF.Log(tf < 1 ? 1 : tf)) * MathF.Min(tf, 1) * weight;
            norm += q * q;
            foreach (var posting in postings[feature])
            {
                scores[posting.Class] += q * posting.Weight;
            }
        }

        if (norm > 0)
        {
            var length = MathF.Sqrt(norm);
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] /= length;
            }
        }

        return scores;
    }

    private readonly record struct Posting(int Class, float Weight);
}
