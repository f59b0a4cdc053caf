namespace CooperaNet.Domain;

/// <summary>The four official languages of the OAS, in which every page and name exists.</summary>
public static class Languages
{
    /// <summary>Spanish, the language of the source documents and the default.</summary>
    public const string Spanish = "es";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>Portuguese.</summary>
    public const string Portuguese = "pt";

    /// <summary>French.</summary>
    public const string French = "fr";

    /// <summary>The default language when none is asked for.</summary>
    public const string Default = Spanish;

    /// <summary>All four, in the order the language switcher shows them.</summary>
    public static IReadOnlyList<string> All { get; } = [Spanish, English, Portuguese, French];

    /// <summary>True when <paramref name="code"/> is one of the four codes (case-insensitive).</summary>
    public static bool IsSupported(string? code) =>
        code is not null && All.Contains(code.ToLowerInvariant());

    /// <summary>The supported code for a language tag such as "pt-BR", or null.</summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return IsSupported(primary) ? primary : null;
    }
}
