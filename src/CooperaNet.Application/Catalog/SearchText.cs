using System.Globalization;
using System.Text;

namespace CooperaNet.Application.Catalog;

/// <summary>
/// Turns text in any of the four languages into search terms: lower case, accents folded
/// ("educación" → "educacion"), common words dropped, and a light stemmer shared by the four
/// languages so that singular and plural meet ("potables" / "potable", "formações" / "formação",
/// "offers" / "offer"). Index and query go through the same function, so they always agree, and
/// matching is plain equality on an indexed column: the same results on SQLite and PostgreSQL.
/// </summary>
public static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // es
        "de", "del", "la", "las", "el", "los", "y", "o", "en", "para", "por", "con", "un", "una", "unos", "unas", "al", "que", "su", "sus", "se", "lo", "como",
        // en
        "the", "of", "and", "or", "in", "for", "to", "on", "with", "an", "by", "at", "from", "its", "is", "are", "be", "as", "this", "that",
        // pt
        "da", "do", "das", "dos", "e", "em", "no", "na", "nos", "nas", "um", "uma", "ao", "aos", "pela", "pelo", "com", "os", "as",
        // fr
        "le", "les", "des", "du", "et", "ou", "dans", "pour", "sur", "avec", "une", "au", "aux", "par", "sa", "ses", "est",
    };

    /// <summary>The distinct terms of <paramref name="text"/>.</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(Fold(text)))
        {
            if (word.Length < 2 || StopWords.Contains(word))
            {
                continue;
            }

            var term = Stem(word);
            if (seen.Add(term))
            {
                yield return term;
            }
        }
    }

    /// <summary>Lower case without diacritics: "Formação" → "formacao", "Œuvre" → "oeuvre".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                    break;
                default:
                    builder.Append(c switch { 'œ' => "oe", 'æ' => "ae", 'ß' => "ss", _ => c.ToString() });
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A light, shared stemmer: plural endings, then a final vowel.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.All(char.IsAsciiDigit))
        {
            return word;
        }

        // Portuguese -ções/-ões → -cao/-ao, Spanish -ciones → -cion, then other plurals.
        if (word.EndsWith("coes", StringComparison.Ordinal))
        {
            word = word[..^4] + "cao";
        }
        else if (word.EndsWith("oes", StringComparison.Ordinal))
        {
            word = word[..^3] + "ao";
        }
        else if (word.Length > 5 && (word.EndsWith("ais", StringComparison.Ordinal) || word.EndsWith("eis", StringComparison.Ordinal) || word.EndsWith("ois", StringComparison.Ordinal)))
        {
            // Portuguese -al/-el/-ol plurals: profissionais → profissional.
            word = word[..^2] + "l";
        }
        else if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            word = word[..^3] + "y";
        }
        else if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && !word.EndsWith("ees", StringComparison.Ordinal))
        {
            word = word[..^2];
        }
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            word = word[..^1];
        }

        // Final vowels differ between languages and genders: "potable"/"potabl", "tecnico"/"tecnica".
        while (word.Length > 4 && word[^1] is 'a' or 'e' or 'o')
        {
            word = word[..^1];
        }

        return word;
    }

    private static IEnumerable<string> Words(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }
}
