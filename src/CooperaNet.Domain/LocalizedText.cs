namespace CooperaNet.Domain;

/// <summary>
/// A text in the four languages. A language may be missing (null) where no authoritative
/// translation exists; <see cref="Resolve"/> then falls back and says so.
/// </summary>
public sealed class LocalizedText
{
    /// <summary>Spanish text.</summary>
    public string? Es { get; set; }

    /// <summary>English text.</summary>
    public string? En { get; set; }

    /// <summary>Portuguese text.</summary>
    public string? Pt { get; set; }

    /// <summary>French text.</summary>
    public string? Fr { get; set; }

    /// <summary>Creates a text from its four languages.</summary>
    public static LocalizedText Of(string? es, string? en, string? pt, string? fr) =>
        new() { Es = Clean(es), En = Clean(en), Pt = Clean(pt), Fr = Clean(fr) };

    /// <summary>The text in <paramref name="language"/>, or null when that language is missing.</summary>
    public string? In(string language) => language switch
    {
        Languages.Spanish => Es,
        Languages.English => En,
        Languages.Portuguese => Pt,
        Languages.French => Fr,
        _ => null,
    };

    /// <summary>
    /// The text in <paramref name="language"/>; when missing, the first present of English, Spanish,
    /// French, Portuguese. The result names the language actually returned.
    /// </summary>
    public ResolvedText Resolve(string language)
    {
        var own = In(language);
        if (own is not null)
        {
            return new ResolvedText(own, language);
        }

        foreach (var fallback in FallbackOrder)
        {
            var text = In(fallback);
            if (text is not null)
            {
                return new ResolvedText(text, fallback);
            }
        }

        return new ResolvedText(string.Empty, language);
    }

    /// <summary>True when all four languages are present.</summary>
    public bool IsComplete => Es is not null && En is not null && Pt is not null && Fr is not null;

    private static readonly string[] FallbackOrder =
        [Languages.English, Languages.Spanish, Languages.French, Languages.Portuguese];

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A text and the language it is written in.</summary>
/// <param name="Text">The text.</param>
/// <param name="Language">The language of <paramref name="Text"/>.</param>
public readonly record struct ResolvedText(string Text, string Language)
{
    /// <summary>True when the text is not in the language that was asked for.</summary>
    public bool IsFallbackFor(string requested) => !string.Equals(Language, requested, StringComparison.Ordinal);
}
