using System.Text;

namespace CooperaNet.Matching.Text;

/// <summary>
/// A light stemmer per language that also brings the four languages' Latin word families to one
/// spelling: plurals first (by the rules of the word's language), then the endings that differ
/// only in spelling (-ción / -ção / -tion, -idad / -idade / -ité / -ity, -ico / -ique / -ic,
/// -ivo / -if / -ive, -ario / -aire / -ary, -ável / -able, -uição / -ución), then letters the languages
/// write differently (double consonants, ph/f, th/t, z/s, y/i) and final vowels. The result is a key, not a word.
/// </summary>
internal static class Stemmer
{
    private static readonly (string Suffix, string Pivot)[] Spanish =
    [
        ("ciones", "tion"), ("cion", "tion"), ("siones", "sion"), ("sion", "sion"), ("idades", "ity"), ("idad", "ity"),
        ("mientos", "ment"), ("miento", "ment"), ("amente", ""), ("mente", ""), ("ismos", "ism"), ("ismo", "ism"), ("istas", "ist"), ("ista", "ist"),
        ("icos", "ic"), ("icas", "ic"), ("ico", "ic"), ("ica", "ic"), ("ivos", "iv"), ("ivas", "iv"), ("ivo", "iv"), ("iva", "iv"),
        ("osos", "os"), ("osas", "os"), ("oso", "os"), ("osa", "os"), ("arios", "ar"), ("arias", "ar"), ("ario", "ar"), ("aria", "ar"),
        ("ales", "al"), ("bles", "bl"), ("ble", "bl"),
    ];

    private static readonly (string Suffix, string Pivot)[] Portuguese =
    [
        ("uicoes", "ution"), ("uicao", "ution"), ("coes", "tion"), ("cao", "tion"), ("soes", "sion"), ("sao", "sion"), ("idades", "ity"), ("idade", "ity"),
        ("mentos", "ment"), ("mento", "ment"), ("amente", ""), ("mente", ""), ("ismos", "ism"), ("ismo", "ism"), ("istas", "ist"), ("ista", "ist"),
        ("icos", "ic"), ("icas", "ic"), ("ico", "ic"), ("ica", "ic"), ("ivos", "iv"), ("ivas", "iv"), ("ivo", "iv"), ("iva", "iv"),
        ("osos", "os"), ("osas", "os"), ("oso", "os"), ("osa", "os"), ("arios", "ar"), ("arias", "ar"), ("ario", "ar"), ("aria", "ar"),
        ("aveis", "abl"), ("iveis", "ibl"), ("avel", "abl"), ("ivel", "ibl"), ("ais", "al"), ("eis", "el"), ("oes", "ao"), ("aes", "ao"), ("ns", "m"),
    ];

    private static readonly (string Suffix, string Pivot)[] French =
    [
        ("tions", "tion"), ("sions", "sion"), ("ites", "ity"), ("ite", "ity"), ("ements", "ment"), ("ement", "ment"), ("ments", "ment"),
        ("ismes", "ism"), ("isme", "ism"), ("istes", "ist"), ("iste", "ist"), ("iques", "ic"), ("ique", "ic"),
        ("ives", "iv"), ("ive", "iv"), ("ifs", "iv"), ("if", "iv"), ("euses", "os"), ("euse", "os"), ("eux", "os"),
        ("aires", "ar"), ("aire", "ar"), ("eaux", "eau"), ("aux", "al"), ("bles", "bl"), ("ble", "bl"),
    ];

    private static readonly (string Suffix, string Pivot)[] English =
    [
        ("ations", "ation"), ("tions", "tion"), ("sions", "sion"), ("ities", "ity"), ("ically", "ic"), ("ical", "ic"), ("ics", "ic"),
        ("ments", "ment"), ("isms", "ism"), ("ists", "ist"), ("ives", "iv"), ("ive", "iv"), ("ous", "os"), ("aries", "ar"), ("ary", "ar"),
        ("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x"), ("ings", ""), ("ing", ""), ("bles", "bl"), ("ble", "bl"),
    ];

    /// <summary>The stem of a folded word in <paramref name="language"/>.</summary>
    public static string Stem(string word, Lang language)
    {
        if (word.Length <= 3 || char.IsAsciiDigit(word[0]))
        {
            return word;
        }

        var rules = language switch
        {
            Lang.Es => Spanish,
            Lang.Pt => Portuguese,
            Lang.Fr => French,
            Lang.En => English,
            _ => null,
        };

        var stem = word;
        var matched = false;
        if (rules is not null)
        {
            foreach (var (suffix, pivot) in rules)
            {
                if (stem.Length - suffix.Length >= 3 && stem.EndsWith(suffix, StringComparison.Ordinal))
                {
                    stem = string.Concat(stem.AsSpan(0, stem.Length - suffix.Length), pivot);
                    matched = true;
                    break;
                }
            }
        }

        if (!matched)
        {
            stem = Plural(stem, language);
        }

        return Normalize(stem);
    }

    private static string Plural(string word, Lang language)
    {
        // French plurals in -x, short ones included: "eaux" / "eau", "feux" / "feu".
        if (language == Lang.Fr && word.Length >= 4 && word[^1] == 'x')
        {
            return word[..^1];
        }

        if (word.Length <= 4)
        {
            return word;
        }

        // Spanish and Portuguese words in -és/-ês: "camponeses" / "camponês", "ingleses" / "inglés".
        if (language is Lang.Es or Lang.Pt && word.EndsWith("eses", StringComparison.Ordinal) && word.Length > 6)
        {
            return word[..^4];
        }

        switch (language)
        {
            case Lang.Es:
                if (word.EndsWith("ces", StringComparison.Ordinal))
                {
                    return word[..^3] + "z";
                }

                if (word.EndsWith("es", StringComparison.Ordinal) && "lrndzj".Contains(word[^3], StringComparison.Ordinal))
                {
                    return word[..^2];
                }

                break;
            case Lang.Pt:
                if (word.EndsWith("res", StringComparison.Ordinal) || word.EndsWith("zes", StringComparison.Ordinal))
                {
                    return word[..^2];
                }

                break;
            case Lang.En:
                if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 6)
                {
                    return word[..^2];
                }

                if (word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal) || word.EndsWith("ss", StringComparison.Ordinal))
                {
                    return word;
                }

                break;
            case Lang.Fr:
                if (word[^1] == 'x')
                {
                    return word[..^1];
                }

                break;
            default:
                break;
        }

        return word[^1] == 's' && word[^2] != 's' ? word[..^1] : word;
    }

    /// <summary>Spellings the languages write differently brought together, then final vowels dropped.</summary>
    private static string Normalize(string stem)
    {
        var builder = new StringBuilder(stem.Length);
        for (var i = 0; i < stem.Length; i++)
        {
            var c = stem[i];
            var next = i + 1 < stem.Length ? stem[i + 1] : '\0';
            if (c == next && c is not ('e' or 'o'))
            {
                continue; // double consonants: communication / comunicación
            }

            if (c == 'p' && next == 'h')
            {
                builder.Append('f');
                i++;
                continue;
            }

            if (c == 't' && next == 'h')
            {
                builder.Append('t');
                i++;
                continue;
            }

            builder.Append(c switch { 'z' => 's', 'y' => 'i', 'k' => 'c', _ => c });
        }

        var length = builder.Length;
        while (length > 4 && builder[length - 1] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            length--;
        }

        return builder.ToString(0, length);
    }
}
