using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CooperaNet.Application.Catalog;
using CooperaNet.Domain;
using CooperaNet.Domain.Interop;

namespace CooperaNet.Application.Interop.Iati;

/// <summary>How serious a finding is: a critical one stops the whole file, an error refuses one activity, a warning drops or adapts one value.</summary>
public enum IatiSeverity
{
    Critical = 0,
    Error = 1,
    Warning = 2,
}

/// <summary>
/// What the import found, pointing at the activity (its position in the file and its identifier,
/// when it has one) and the element concerned. <paramref name="Code"/> is stable and, with
/// <paramref name="Args"/>, words the finding in any language; <see cref="Message"/> is the English.
/// </summary>
public sealed record IatiFinding(IatiSeverity Severity, int Activity, string? Identifier, string Element, string Code, IReadOnlyList<string> Args)
{
    /// <summary>The English templates by code, {0}, {1}... the <see cref="Args"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["iati.xml"] = "The file is not well-formed XML, or is refused (a DTD, an entity): {0}",
        ["iati.schema"] = "The file breaks the IATI 2.03 schema: {0}",
        ["iati.root"] = "The file's root element is '{0}', not 'iati-activities': it is not an IATI activity file.",
        ["iati.version"] = "The file is IATI version '{0}': only 2.01 to 2.03 files are read.",
        ["iati.identifier-missing"] = "The activity has no iati-identifier: it cannot be kept or updated later.",
        ["iati.identifier-long"] = "The iati-identifier is longer than {0} characters.",
        ["iati.title-missing"] = "The activity has no title in Spanish, English, Portuguese or French.",
        ["iati.not-americas"] = "No recipient country is an OAS member state and no recipient region is in the Americas.",
        ["iati.own"] = "The activity is the platform's own (its identifier has the platform's prefix): its record is already here.",
        ["iati.duplicate"] = "The identifier appears earlier in the file: this one is left out.",
        ["iati.country-outside"] = "'{0}' is not an OAS member state: left out.",
        ["iati.sector-unknown"] = "'{0}' is not an active DAC 5-digit sector: left out.",
        ["iati.sdg-unknown"] = "'{0}' is not an SDG goal or target: left out.",
        ["iati.status"] = "'{0}' is not an activity status (1 to 6): left out.",
        ["iati.date"] = "'{0}' is not a date (YYYY-MM-DD): left out.",
        ["iati.dates-order"] = "The activity ends before it starts: the end date is left out.",
        ["iati.language"] = "A narrative in '{0}' is left out: the platform keeps es, en, pt and fr.",
        ["iati.text-long"] = "A text of {0} characters is cut to {1}.",
    };

    /// <summary>The finding in English.</summary>
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, English[Code], [.. Args]);
}

/// <summary>
/// Reads one <c>iati-activity</c> element into what the platform keeps of it: texts in the four
/// languages, the OAS member states receiving it, DAC sectors, SDG goals and targets, status and
/// dates. Anything it cannot use is a finding; an activity without identifier, title or recipient
/// in the Americas is refused.
/// </summary>
public sealed partial class IatiActivityReader(ReferenceCodes codes)
{
    /// <summary>DAC regions of the Americas: West Indies, North and Central America, South America, America.</summary>
    private static readonly HashSet<string> AmericasRegions = ["380", "389", "489", "498"];

    private static readonly XNamespace Xml = XNamespace.Xml;

    /// <summary>The activity read, or null when refused; the findings either way.</summary>
    public (ExternalActivityData? Activity, List<IatiFinding> Findings) Read(XElement element, int ordinal, string? fileLanguage)
    {
        ArgumentNullException.ThrowIfNull(element);
        var findings = new List<IatiFinding>();
        var identifier = Collapse(element.Element("iati-identifier")?.Value);
        var at = $"iati-activity[{ordinal}]";
        void Add(IatiSeverity severity, string where, string code, params string[] args) =>
            findings.Add(new IatiFinding(severity, ordinal, identifier.Length > 0 ? identifier : null, where, code, args));

        if (identifier.Length == 0)
        {
            Add(IatiSeverity.Error, $"{at}/iati-identifier", "iati.identifier-missing");
            return (null, findings);
        }

        if (identifier.Length > ExternalActivity.IdentifierMax)
        {
            Add(IatiSeverity.Error, $"{at}/iati-identifier", "iati.identifier-long", ExternalActivity.IdentifierMax.ToString(CultureInfo.InvariantCulture));
            return (null, findings);
        }

        // The activity's language tag as written: a narrative without its own inherits it.
        var declared = element.Attribute(Xml + "lang")?.Value ?? fileLanguage;
        var language = Languages.Normalize(declared) ?? Languages.English;
        var titles = Narratives(element.Element("title"), declared, $"{at}/title", Add);
        var descriptions = element.Elements("description")
            .Where(d => (d.Attribute("type")?.Value ?? "1") is "1" or "2")
            .OrderBy(d => d.Attribute("type")?.Value ?? "1", StringComparer.Ordinal)
            .SelectMany(d => Narratives(d, declared, $"{at}/description", Add))
            .GroupBy(n => n.Language)
            .ToDictionary(g => g.Key, g => string.Join("\n\n", g.Select(n => n.Text).Distinct()));
        var texts = titles
            .GroupBy(t => t.Language)
            .Select(g => new ExternalActivityText
            {
                Language = g.Key,
                Title = Cut(g.First().Text, ExternalActivity.TitleMax, $"{at}/title", Add),
                Description = Cut(descriptions.GetValueOrDefault(g.Key, string.Empty), ExternalActivity.DescriptionMax, $"{at}/description", Add),
            })
            .OrderBy(t => t.Language == language ? 0 : 1).ThenBy(t => t.Language, StringComparer.Ordinal)
            .ToList();
        if (texts.Count == 0)
        {
            Add(IatiSeverity.Error, $"{at}/title", "iati.title-missing");
            return (null, findings);
        }

        // A publisher names the recipients on the activity or, when they differ by transaction, on each transaction.
        var countries = new List<string>();
        var recipients = element.Elements("recipient-country").ToList();
        var recipientsAt = $"{at}/recipient-country";
        if (recipients.Count == 0)
        {
            recipients = [.. element.Elements("transaction").Elements("recipient-country")];
            recipientsAt = $"{at}/transaction/recipient-country";
        }

        foreach (var code in recipients.Select(c => (c.Attribute("code")?.Value ?? string.Empty).Trim().ToUpperInvariant()).Distinct())
        {
            if (codes.States.Contains(code))
            {
                countries.Add(code);
            }
            else
            {
                Add(IatiSeverity.Warning, $"{recipientsAt}[@code='{code}']", "iati.country-outside", code);
            }
        }

        var inAmericas = element.Elements("recipient-region").Any(r => (r.Attribute("vocabulary")?.Value ?? "1") == "1" && AmericasRegions.Contains(r.Attribute("code")?.Value ?? string.Empty));
        if (countries.Count == 0 && !inAmericas)
        {
            Add(IatiSeverity.Error, recipientsAt, "iati.not-americas");
            return (null, findings);
        }

        var sectors = new SortedSet<string>(StringComparer.Ordinal);
        var sdgs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var sector in element.Elements("sector"))
        {
            var code = (sector.Attribute("code")?.Value ?? string.Empty).Trim();
            switch (sector.Attribute("vocabulary")?.Value ?? "1")
            {
                case "1" when codes.ActiveSectors.Contains(code):
                    sectors.Add(code);
                    break;
                case "1":
                    Add(IatiSeverity.Warning, $"{at}/sector[@code='{code}']", "iati.sector-unknown", code);
                    break;
                case "7" or "8":
                    Sdg(code, $"{at}/sector[@code='{code}']");
                    break;
            }
        }

        foreach (var tag in element.Elements("tag").Where(t => t.Attribute("vocabulary")?.Value is "2" or "3"))
        {
            var code = (tag.Attribute("code")?.Value ?? string.Empty).Trim();
            Sdg(code, $"{at}/tag[@code='{code}']");
        }

        var status = element.Element("activity-status")?.Attribute("code")?.Value?.Trim() ?? string.Empty;
        if (status is not ("1" or "2" or "3" or "4" or "5" or "6"))
        {
            Add(IatiSeverity.Warning, $"{at}/activity-status", "iati.status", status);
            status = string.Empty;
        }

        var dates = new Dictionary<string, DateOnly>();
        foreach (var date in element.Elements("activity-date"))
        {
            var type = date.Attribute("type")?.Value ?? string.Empty;
            var text = date.Attribute("iso-date")?.Value ?? string.Empty;
            if (DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                dates.TryAdd(type, day);
            }
            else
            {
                Add(IatiSeverity.Warning, $"{at}/activity-date[@type='{type}']", "iati.date", text);
            }
        }

        var startsOn = dates.TryGetValue("2", out var actualStart) ? actualStart : dates.TryGetValue("1", out var plannedStart) ? plannedStart : (DateOnly?)null;
        var endsOn = dates.TryGetValue("4", out var actualEnd) ? actualEnd : dates.TryGetValue("3", out var plannedEnd) ? plannedEnd : (DateOnly?)null;
        if (startsOn is { } s && endsOn is { } e && e < s)
        {
            Add(IatiSeverity.Warning, $"{at}/activity-date", "iati.dates-order");
            endsOn = null;
        }

        var reporter = element.Element("reporting-org");
        var data = new ExternalActivityData(
            identifier,
            Collapse(reporter?.Attribute("ref")?.Value),
            Cut(Collapse(reporter?.Elements("narrative").FirstOrDefault()?.Value), ExternalActivity.NameMax, $"{at}/reporting-org", Add),
            texts[0].Language,
            texts,
            status,
            startsOn,
            endsOn,
            countries,
            [.. sectors],
            [.. sdgs],
            DateTimeOffset.TryParse(element.Attribute("last-updated-datetime")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updated) ? updated.ToUniversalTime() : null);
        return (data, findings);

        void Sdg(string code, string where)
        {
            if (codes.Sdgs.Contains(code))
            {
                sdgs.Add(code);
            }
            else
            {
                Add(IatiSeverity.Warning, where, "iati.sdg-unknown", code);
            }
        }
    }

    /// <summary>
    /// Each narrative with its language: its own xml:lang, else its parent's, else the activity's
    /// (English when none is declared); other languages are left out with a warning.
    /// </summary>
    private static List<(string Language, string Text)> Narratives(XElement? parent, string? declared, string where, Action<IatiSeverity, string, string, string[]> add)
    {
        var result = new List<(string, string)>();
        if (parent is null)
        {
            return result;
        }

        var parentLanguage = parent.Attribute(Xml + "lang")?.Value;
        foreach (var narrative in parent.Elements("narrative"))
        {
            var text = Collapse(narrative.Value);
            if (text.Length == 0)
            {
                continue;
            }

            var tag = narrative.Attribute(Xml + "lang")?.Value ?? parentLanguage ?? declared;
            var own = tag is null ? Languages.English : Languages.Normalize(tag);
            if (own is null)
            {
                add(IatiSeverity.Warning, where, "iati.language", [tag ?? string.Empty]);
                continue;
            }

            result.Add((own, text));
        }

        return result;
    }

    private static string Cut(string text, int max, string where, Action<IatiSeverity, string, string, string[]> add)
    {
        if (text.Length <= max)
        {
            return text;
        }

        add(IatiSeverity.Warning, where, "iati.text-long", [text.Length.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)]);
        return text[..max];
    }

    private static string Collapse(string? text) => text is null ? string.Empty : Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>What the platform keeps of an imported activity, before it meets the database.</summary>
public sealed record ExternalActivityData(
    string IatiIdentifier,
    string ReportingOrgRef,
    string ReportingOrgName,
    string Language,
    IReadOnlyList<ExternalActivityText> Texts,
    string Status,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Sdgs,
    DateTimeOffset? SourceUpdatedAt)
{
    /// <summary>A SHA-256 of every value kept: equal for an activity read again unchanged.</summary>
    public string Hash()
    {
        var json = JsonSerializer.Serialize(new
        {
            IatiIdentifier,
            ReportingOrgRef,
            ReportingOrgName,
            Language,
            Status,
            StartsOn,
            EndsOn,
            Countries,
            Sectors,
            Sdgs,
            SourceUpdatedAt,
            Texts = Texts.Select(t => new { t.Language, t.Title, t.Description }),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
