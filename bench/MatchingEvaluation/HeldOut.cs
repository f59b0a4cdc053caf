using System.Xml.Linq;

namespace CooperaNet.Bench.MatchingEvaluation;

/// <summary>
/// One text of a held-out set: the DAC 3-digit categories its publisher's sector stands for
/// (empty when the sector spans everything) and the SDG goals it was tagged with.
/// </summary>
internal sealed record LabelledText(string Set, string Language, string Title, string Description, IReadOnlySet<string> Categories, IReadOnlySet<string> Sdgs);

/// <summary>
/// Activity files that use their publisher's own sector vocabulary (IATI sector vocabulary 99).
/// Their sectors are brought to DAC categories through the published names of those sectors only,
/// never through the activities' texts.
/// </summary>
internal static class HeldOut
{
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>
    /// CAF's sectors (https://www.caf.com/sectores-iati), by the name each carries in the file, as DAC
    /// categories. "Multisectorial" (12) has no category: its activities count for SDGs only.
    /// </summary>
    private static readonly Dictionary<string, string[]> CafSectors = new(StringComparer.Ordinal)
    {
        ["1"] = ["151"],                                            // Administración pública
        ["2"] = ["311", "312", "313"],                              // Agricultura, ganadería, pesca y silvicultura
        ["3"] = ["140"],                                            // Agua, saneamiento, recursos hídricos y residuos
        ["4"] = ["111", "112", "113", "114", "160"],                // Educación, cultura (16061) y deporte (16065)
        ["5"] = ["231", "232", "233", "234", "235", "236", "322"],  // Energía e industrias extractivas
        ["6"] = ["250", "321", "331", "332"],                       // Industria, comercio y servicios
        ["7"] = ["160"],                                            // Protección y servicios sociales
        ["8"] = ["121", "122", "123"],                              // Salud
        ["9"] = ["240"],                                            // Sector financiero
        ["10"] = ["220"],                                           // Tecnologías de la información y la comunicación
        ["11"] = ["210"],                                           // Transporte
        ["12"] = [],                                                // Multisectorial
    };

    /// <summary>Acción contra el Hambre's lines of action, by name, as DAC categories.</summary>
    private static readonly Dictionary<string, string[]> AcfSectors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Water, Sanitation & Hygiene"] = ["140"],
        ["Nutrition & Health"] = ["121", "122"],
        ["Food Security & Livelihoods"] = ["311", "430"],
    };

    public static IReadOnlyList<LabelledText> Caf(string path) => Read(path, "CAF", CafSectors);

    public static IReadOnlyList<LabelledText> Acf(IEnumerable<string> paths) => paths.SelectMany(p => Read(p, "ACF", AcfSectors)).ToList();

    private static List<LabelledText> Read(string path, string set, Dictionary<string, string[]> sectors)
    {
        var root = XDocument.Load(path).Root!;
        var texts = new List<LabelledText>();
        foreach (var activity in root.Elements("iati-activity"))
        {
            var defaultLanguage = (string?)activity.Attribute(Xml + "lang") ?? "en";
            var categories = activity.Elements("sector")
                .Where(s => (string?)s.Attribute("vocabulary") == "99")
                .Select(s => (string?)s.Attribute("code") ?? "")
                .SelectMany(c => sectors.TryGetValue(c, out var mapped) ? mapped : [])
                .ToHashSet(StringComparer.Ordinal);
            var sdgs = activity.Elements("tag")
                .Where(t => (string?)t.Attribute("vocabulary") == "2")
                .Select(t => ((string?)t.Attribute("code") ?? "").Trim())
                .ToHashSet(StringComparer.Ordinal);
            var titles = Narratives(activity.Element("title"), defaultLanguage);
            var descriptions = activity.Elements("description").SelectMany(d => Narratives(d, defaultLanguage)).ToList();
            foreach (var language in titles.Select(t => t.Language).Distinct())
            {
                var title = string.Join(" ", titles.Where(t => t.Language == language).Select(t => t.Text));
                var description = string.Join(" ", descriptions.Where(d => d.Language == language).Select(d => d.Text));
                texts.Add(new LabelledText(set, language, title, description, categories, sdgs));
            }
        }

        return texts.DistinctBy(t => (t.Language, t.Title, t.Description)).ToList();
    }

    private static List<(string Language, string Text)> Narratives(XElement? element, string defaultLanguage) =>
        element?.Elements("narrative")
            .Select(n => (Language: ((string?)n.Attribute(Xml + "lang") ?? defaultLanguage).ToLowerInvariant(), Text: n.Value.Trim()))
            .Where(n => n.Text.Length > 0)
            .ToList() ?? [];
}
