using System.Globalization;

namespace CooperaNet.Matching.Knowledge;

/// <summary>
/// Reads the lexicon's text format: one concept a line, tab-separated
/// <c>id, sectors, sdgs, en, es, pt, fr</c>; codes separated by spaces, terms by <c>;</c>.
/// Lines starting with <c>#</c> and blank lines are skipped.
/// </summary>
public static class LexiconFormat
{
    private static readonly string[] LanguageColumns = ["en", "es", "pt", "fr"];

    /// <summary>The concepts of a lexicon file's text.</summary>
    /// <exception cref="FormatException">A line has the wrong number of columns or no id.</exception>
    public static IReadOnlyList<LexiconConcept> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var concepts = new List<LexiconConcept>();
        foreach (var (number, columns) in Lines(text))
        {
            if (columns.Length != 7 || columns[0].Trim().Length == 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Lexicon line {number}: expected 7 tab-separated columns (id, sectors, sdgs, en, es, pt, fr), found {columns.Length}."));
            }

            var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var i = 0; i < LanguageColumns.Length; i++)
            {
                terms[LanguageColumns[i]] = columns[3 + i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }

            concepts.Add(new LexiconConcept(columns[0].Trim(), terms, Codes(columns[1]), Codes(columns[2])));
        }

        return concepts;
    }

    /// <summary>The links of a sector-to-SDG file's text: tab-separated <c>sector or category, goals</c>.</summary>
    /// <exception cref="FormatException">A line has the wrong number of columns.</exception>
    public static IReadOnlyList<SectorSdgLink> ParseSectorSdgs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var links = new List<SectorSdgLink>();
        foreach (var (number, columns) in Lines(text))
        {
            if (columns.Length != 2)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Sector-SDG line {number}: expected 2 tab-separated columns (sector, goals), found {columns.Length}."));
            }

            links.AddRange(Codes(columns[1]).Select(goal => new SectorSdgLink(columns[0].Trim(), goal)));
        }

        return links;
    }

    private static string[] Codes(string cell) => cell.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<(int Number, string[] Columns)> Lines(string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return (number, line.Split('\t'));
        }
    }
}
