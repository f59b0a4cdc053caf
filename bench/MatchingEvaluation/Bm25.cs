using CooperaNet.Matching.Text;

namespace CooperaNet.Bench.MatchingEvaluation;

/// <summary>Plain BM25 (k1 = 1.2, b = 0.75) over folded words: the baseline a search box would give.</summary>
internal sealed class Bm25
{
    private readonly List<(string Id, Dictionary<string, int> Terms, int Length)> documents = [];
    private readonly Dictionary<string, int> df = new(StringComparer.Ordinal);
    private double averageLength;

    public void Add(string id, string text)
    {
        var terms = Words(text).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        documents.Add((id, terms, terms.Values.Sum()));
        foreach (var term in terms.Keys)
        {
            df[term] = df.GetValueOrDefault(term) + 1;
        }

        averageLength = documents.Average(d => d.Length);
    }

    public List<string> Search(string text, int top)
    {
        var query = Words(text).Distinct(StringComparer.Ordinal).ToList();
        var n = documents.Count;
        return documents
            .Select(d => (d.Id, Score: query.Sum(t =>
            {
                if (!d.Terms.TryGetValue(t, out var tf))
                {
                    return 0;
                }

                var idf = Math.Log(1 + ((n - df[t] + 0.5) / (df[t] + 0.5)));
                return idf * tf * 2.2 / (tf + (1.2 * (0.25 + (0.75 * d.Length / averageLength))));
            })))
            .Where(d => d.Score > 0)
            .OrderByDescending(d => d.Score)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(d => d.Id)
            .ToList();
    }

    private static IEnumerable<string> Words(string text) =>
        TextAnalyzer.Fold(text).Split(c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 1);
}

internal static class SplitExtensions
{
    public static string[] Split(this string text, Func<char, bool> separator) =>
        new string(text.Select(c => separator(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
