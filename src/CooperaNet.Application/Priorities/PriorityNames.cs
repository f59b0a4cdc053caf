using CooperaNet.Domain;

namespace CooperaNet.Application.Priorities;

/// <summary>
/// The names of the subregions and of the working languages in the four languages. The command line
/// prints them too, so they live here rather than in the web resources; a web test checks that they
/// read as the web's "Subregion.*" and "Pages.Language.*" strings do.
/// </summary>
public static class PriorityNames
{
    private static readonly Dictionary<string, LocalizedText> Subregions = new(StringComparer.Ordinal)
    {
        ["Caribbean"] = LocalizedText.Of("Caribe", "Caribbean", "Caribe", "Caraïbes"),
        ["Central America"] = LocalizedText.Of("Centroamérica y México", "Central America and Mexico", "América Central e México", "Amérique centrale et Mexique"),
        ["Northern America"] = LocalizedText.Of("América del Norte", "Northern America", "América do Norte", "Amérique du Nord"),
        ["South America"] = LocalizedText.Of("América del Sur", "South America", "América do Sul", "Amérique du Sud"),
    };

    private static readonly Dictionary<string, LocalizedText> WorkingLanguages = new(StringComparer.Ordinal)
    {
        [Languages.Spanish] = LocalizedText.Of("Español", "Spanish", "Espanhol", "Espagnol"),
        [Languages.English] = LocalizedText.Of("Inglés", "English", "Inglês", "Anglais"),
        [Languages.Portuguese] = LocalizedText.Of("Portugués", "Portuguese", "Português", "Portugais"),
        [Languages.French] = LocalizedText.Of("Francés", "French", "Francês", "Français"),
    };

    /// <summary>The subregions named here, by their M49 name as member states carry it.</summary>
    public static IReadOnlyCollection<string> SubregionCodes => Subregions.Keys;

    /// <summary>A subregion ("South America") in <paramref name="language"/>; an unknown one as it is written.</summary>
    public static string Subregion(string code, string language) =>
        Subregions.TryGetValue(code, out var name) ? name.Resolve(language).Text : code;

    /// <summary>A working language ("pt") named in <paramref name="language"/>.</summary>
    public static string WorkingLanguage(string code, string language) =>
        WorkingLanguages.TryGetValue(code, out var name) ? name.Resolve(language).Text : code;
}
