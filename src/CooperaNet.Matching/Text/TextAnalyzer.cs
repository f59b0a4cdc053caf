using System.Globalization;
using System.Text;

namespace CooperaNet.Matching.Text;

/// <summary>
/// Turns text in Spanish, English, Portuguese or French into terms: folded (lower case, no accents),
/// cut into words, stop words of the language dropped, and each word stemmed by
/// <see cref="Stemmer"/>, whose stems meet across the four languages for the Latin vocabulary
/// they share ("educación", "educação", "éducation" and "education" all give one term).
/// </summary>
public static class TextAnalyzer
{
    /// <summary>The terms of <paramref name="text"/>, in order, repeats kept.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="language">"es", "en", "pt" or "fr"; another value reads the text with the stop words of all four.</param>
    public static IReadOnlyList<string> Terms(string? text, string? language)
    {
        var terms = new List<string>();
        var lang = LangCodes.Parse(language);
        foreach (var word in Words(text))
        {
            if (!IsStopWord(lang, word))
            {
                terms.Add(Stemmer.Stem(word, lang));
            }
        }

        return terms;
    }

    /// <summary>Lower case without diacritics: "Formação" → "formacao", "Œuvre" → "oeuvre".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            AppendFolded(builder, c);
        }

        return builder.ToString();
    }

    /// <summary>The folded words of a text: runs of letters and digits.</summary>
    internal static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder(24);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(word, c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    internal static bool IsStopWord(Lang language, string word) =>
        word.Length < 2 || StopWords.Contains(language, word) || (word.Length > 6 && word.All(char.IsAsciiDigit));

    private static void AppendFolded(StringBuilder builder, char c)
    {
        if (c < 128)
        {
            builder.Append(char.ToLowerInvariant(c));
            return;
        }

        switch (char.ToLowerInvariant(c))
        {
            case 'œ':
                builder.Append("oe");
                return;
            case 'æ':
                builder.Append("ae");
                return;
            case 'ß':
                builder.Append("ss");
                return;
            case 'ø':
                builder.Append('o');
                return;
        }

        var decomposed = char.ToLowerInvariant(c).ToString().Normalize(NormalizationForm.FormD);
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(part);
            }
        }
    }
}
