namespace CooperaNet.Matching.Knowledge;

/// <summary>A name or text in the four languages; any may be missing.</summary>
/// <param name="Es">Spanish.</param>
/// <param name="En">English.</param>
/// <param name="Pt">Portuguese.</param>
/// <param name="Fr">French.</param>
public sealed record LocalizedNames(string? Es, string? En, string? Pt, string? Fr)
{
    /// <summary>The text in <paramref name="language"/> ("es", "en", "pt", "fr"), or null when missing.</summary>
    public string? In(string language) => language switch
    {
        "es" => Es,
        "en" => En,
        "pt" => Pt,
        "fr" => Fr,
        _ => null,
    };

    /// <summary>The text in <paramref name="language"/>, else in English, Spanish, French or Portuguese.</summary>
    public string Best(string language) => In(language) ?? En ?? Es ?? Fr ?? Pt ?? string.Empty;

    /// <summary>Each present text with its language code.</summary>
    public IEnumerable<(string Language, string Text)> Present()
    {
        if (!string.IsNullOrWhiteSpace(Es))
        {
            yield return ("es", Es);
        }

        if (!string.IsNullOrWhiteSpace(En))
        {
            yield return ("en", En);
        }

        if (!string.IsNullOrWhiteSpace(Pt))
        {
            yield return ("pt", Pt);
        }

        if (!string.IsNullOrWhiteSpace(Fr))
        {
            yield return ("fr", Fr);
        }
    }
}
