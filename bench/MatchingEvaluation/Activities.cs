using System.Xml.Linq;

namespace CooperaNet.Bench.MatchingEvaluation;

/// <summary>One IATI activity's text in one language, with its DAC 5-digit codes.</summary>
internal sealed record Activity(string Id, string Publisher, string Language, string Title, string Description, IReadOnlyList<string> Sectors)
{
    public IEnumerable<string> Categories => Sectors.Select(s => s[..3]).Distinct(StringComparer.Ordinal);
}

/// <summary>Reads IATI 2.0x activity files: titles and descriptions per language, DAC codes (vocabulary 1) at activity or transaction level.</summary>
internal static class Activities
{
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    public static IEnumerable<Activity> Read(string path, string publisher)
    {
        var root = XDocument.Load(path).Root!;
        foreach (var activity in root.Elements("iati-activity"))
        {
            var defaultLanguage = (string?)activity.Attribute(Xml + "lang") ?? (string?)root.Attribute(Xml + "lang") ?? "en";
            var sectors = activity.Elements("sector").Concat(activity.Elements("transaction").Elements("sector"))
                .Where(s => ((string?)s.Attribute("vocabulary") ?? "1") == "1")
                .Select(s => ((string?)s.Attribute("code") ?? "").Trim())
                .Where(c => c.Length == 5)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (sectors.Count == 0)
            {
                continue;
            }

            var id = activity.Element("iati-identifier")?.Value.Trim() ?? Guid.NewGuid().ToString();
            var titles = Narratives(activity.Element("title"), defaultLanguage);
            var descriptions = activity.Elements("description").SelectMany(d => Narratives(d, defaultLanguage)).ToList();
            foreach (var language in titles.Select(t => t.Language).Distinct())
            {
                var title = string.Join(" ", titles.Where(t => t.Language == language).Select(t => t.Text));
                var description = string.Join(" ", descriptions.Where(d => d.Language == language).Select(d => d.Text));
                yield return new Activity(id, publisher, language, title, description, sectors);
            }
        }
    }

    private static List<(string Language, string Text)> Narratives(XElement? element, string defaultLanguage) =>
        element?.Elements("narrative")
            .Select(n => (Language: ((string?)n.Attribute(Xml + "lang") ?? defaultLanguage).ToLowerInvariant(), Text: n.Value.Trim()))
            .Where(n => n.Text.Length > 0)
            .ToList() ?? [];
}
