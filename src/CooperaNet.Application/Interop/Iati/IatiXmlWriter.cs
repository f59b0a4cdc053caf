using System.Globalization;
using System.Text;
using System.Xml;

namespace CooperaNet.Application.Interop.Iati;

/// <summary>
/// Writes activities as an IATI 2.03 <c>iati-activities</c> document, one activity at a time, in
/// the order the schema fixes for an activity's elements. Nothing is held beyond the activity
/// being written, so any number of them streams through in constant memory.
/// </summary>
public static class IatiXmlWriter
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Writes the document to <paramref name="output"/>; returns the number of activities written.</summary>
    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<IatiActivity> activities, IatiOptions reporter, DateTimeOffset generated, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(reporter);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "iati-activities", null);
        await xml.WriteAttributeStringAsync(null, "version", null, "2.03");
        await xml.WriteAttributeStringAsync(null, "generated-datetime", null, Timestamp(generated));
        var count = 0;
        await foreach (var activity in activities.WithCancellation(ct))
        {
            await WriteActivityAsync(xml, activity, reporter);
            if (++count % 500 == 0)
            {
                await xml.FlushAsync();
            }
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        return count;
    }

    private static async Task WriteActivityAsync(XmlWriter xml, IatiActivity a, IatiOptions reporter)
    {
        await xml.WriteStartElementAsync(null, "iati-activity", null);
        await xml.WriteAttributeStringAsync(null, "last-updated-datetime", null, Timestamp(a.LastUpdated));
        await xml.WriteAttributeStringAsync("xml", "lang", XmlNamespace, a.DefaultLanguage);
        await xml.WriteAttributeStringAsync(null, "hierarchy", null, "1");
        await xml.WriteAttributeStringAsync(null, "humanitarian", null, "0");
        await xml.WriteElementStringAsync(null, "iati-identifier", null, a.Identifier);

        await xml.WriteStartElementAsync(null, "reporting-org", null);
        await xml.WriteAttributeStringAsync(null, "ref", null, reporter.ReportingOrgRef);
        await xml.WriteAttributeStringAsync(null, "type", null, reporter.ReportingOrgType);
        await WriteNarrativesAsync(xml, ReporterNames(reporter), a.DefaultLanguage);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "title", null);
        await WriteNarrativesAsync(xml, a.Titles, a.DefaultLanguage);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "description", null);
        await xml.WriteAttributeStringAsync(null, "type", null, "1");
        await WriteNarrativesAsync(xml, a.Descriptions, a.DefaultLanguage);
        await xml.WriteEndElementAsync();

        foreach (var participant in a.Participants)
        {
            await xml.WriteStartElementAsync(null, "participating-org", null);
            if (participant.Ref is { Length: > 0 } reference)
            {
                await xml.WriteAttributeStringAsync(null, "ref", null, reference);
            }

            await xml.WriteAttributeStringAsync(null, "role", null, participant.Role);
            await xml.WriteAttributeStringAsync(null, "type", null, participant.Type);
            await WriteNarrativesAsync(xml, participant.Names, a.DefaultLanguage);
            await xml.WriteEndElementAsync();
        }

        await CodeAsync(xml, "activity-status", a.Status);
        foreach (var date in a.Dates)
        {
            await xml.WriteStartElementAsync(null, "activity-date", null);
            await xml.WriteAttributeStringAsync(null, "type", null, date.Type);
            await xml.WriteAttributeStringAsync(null, "iso-date", null, date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await xml.WriteEndElementAsync();
        }

        var countryShare = Shares(a.RecipientCountries.Count);
        for (var i = 0; i < a.RecipientCountries.Count; i++)
        {
            await xml.WriteStartElementAsync(null, "recipient-country", null);
            await xml.WriteAttributeStringAsync(null, "code", null, a.RecipientCountries[i]);
            await xml.WriteAttributeStringAsync(null, "percentage", null, Percent(countryShare[i]));
            await xml.WriteEndElementAsync();
        }

        if (a.RecipientCountries.Count == 0 && a.RecipientRegion is { } region)
        {
            await xml.WriteStartElementAsync(null, "recipient-region", null);
            await xml.WriteAttributeStringAsync(null, "code", null, region);
            await xml.WriteAttributeStringAsync(null, "vocabulary", null, "1");
            await xml.WriteAttributeStringAsync(null, "percentage", null, "100");
            await xml.WriteEndElementAsync();
        }

        foreach (var sector in a.Sectors)
        {
            await xml.WriteStartElementAsync(null, "sector", null);
            await xml.WriteAttributeStringAsync(null, "code", null, sector.Code);
            await xml.WriteAttributeStringAsync(null, "vocabulary", null, sector.Vocabulary);
            await xml.WriteAttributeStringAsync(null, "percentage", null, Percent(sector.Percentage));
            await xml.WriteEndElementAsync();
        }

        if (a.CollaborationType is { } collaboration)
        {
            await CodeAsync(xml, "collaboration-type", collaboration);
        }

        if (a.AidType is { } aid)
        {
            await xml.WriteStartElementAsync(null, "default-aid-type", null);
            await xml.WriteAttributeStringAsync(null, "code", null, aid);
            await xml.WriteAttributeStringAsync(null, "vocabulary", null, "1");
            await xml.WriteEndElementAsync();
        }

        if (a.WebPage is { } url)
        {
            await xml.WriteStartElementAsync(null, "document-link", null);
            await xml.WriteAttributeStringAsync(null, "url", null, url);
            await xml.WriteAttributeStringAsync(null, "format", null, "text/html");
            await xml.WriteStartElementAsync(null, "title", null);
            await WriteNarrativesAsync(xml, a.Titles.Take(1).ToList(), a.DefaultLanguage);
            await xml.WriteEndElementAsync();
            await CodeAsync(xml, "category", "A12");
            await CodeAsync(xml, "language", a.DefaultLanguage);
            await xml.WriteEndElementAsync();
        }

        foreach (var related in a.Related)
        {
            await xml.WriteStartElementAsync(null, "related-activity", null);
            await xml.WriteAttributeStringAsync(null, "ref", null, related);
            await xml.WriteAttributeStringAsync(null, "type", null, "3");
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    /// <summary><paramref name="count"/> shares of 100 with two decimals that add up to exactly 100.</summary>
    public static IReadOnlyList<decimal> Shares(int count)
    {
        if (count == 0)
        {
            return [];
        }

        var each = Math.Floor(10000m / count) / 100m;
        var shares = Enumerable.Repeat(each, count).ToArray();
        shares[^1] = 100m - (each * (count - 1));
        return shares;
    }

    private static IReadOnlyList<IatiNarrative> ReporterNames(IatiOptions reporter) =>
        [.. Domain.Languages.All.Zip(reporter.ReportingOrgNames).Where(p => !string.IsNullOrWhiteSpace(p.Second)).Select(p => new IatiNarrative(p.First, p.Second))];

    private static async Task WriteNarrativesAsync(XmlWriter xml, IReadOnlyList<IatiNarrative> narratives, string defaultLanguage)
    {
        // The default language's text first and without xml:lang, as the standard reads it.
        foreach (var narrative in narratives.OrderBy(n => n.Language == defaultLanguage ? 0 : 1))
        {
            await xml.WriteStartElementAsync(null, "narrative", null);
            if (narrative.Language != defaultLanguage)
            {
                await xml.WriteAttributeStringAsync("xml", "lang", XmlNamespace, narrative.Language);
            }

            await xml.WriteStringAsync(Clean(narrative.Text));
            await xml.WriteEndElementAsync();
        }
    }

    private static async Task CodeAsync(XmlWriter xml, string element, string code)
    {
        await xml.WriteStartElementAsync(null, element, null);
        await xml.WriteAttributeStringAsync(null, "code", null, code);
        await xml.WriteEndElementAsync();
    }

    private static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The text without the control characters XML 1.0 cannot carry.</summary>
    private static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? new string([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')])
            : text;
}
