using System.Globalization;
using System.Xml.Linq;
using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Experiences;

namespace CooperaNet.Web.Features.Experiences;

/// <summary>
/// The Atom 1.0 feed (RFC 4287) of published experiences in one language: the newest first, each in
/// that language where a person translated it (else in its own, said by xml:lang), with absolute links
/// to its permanent page.
/// </summary>
public static class ExperienceFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const int Size = 50;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static XDocument Build(IReadOnlyList<Experience> experiences, string lang, string baseUrl, string title, Func<ExperienceKind, string> kindName, DateTimeOffset now)
    {
        var updated = experiences.Count == 0 ? now : experiences.Max(e => e.UpdatedAt);
        var feed = new XElement(
            Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", lang),
            new XElement(Atom + "id", $"{baseUrl}/{lang}{ExperienceRoutes.List}"),
            new XElement(Atom + "title", title),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", $"{baseUrl}/{lang}{ExperienceRoutes.Feed}")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/{lang}{ExperienceRoutes.List}")),
            new XElement(Atom + "author", new XElement(Atom + "name", "CooperaNet")),
            experiences.Select(e => Entry(e, lang, baseUrl, kindName)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    private static XElement Entry(Experience e, string lang, string baseUrl, Func<ExperienceKind, string> kindName)
    {
        var text = ExperienceText.In(e, lang);
        return new XElement(
            Atom + "entry",
            new XAttribute(XNamespace.Xml + "lang", text.Language),
            new XElement(Atom + "id", $"urn:uuid:{e.Id}"),
            new XElement(Atom + "title", text.Title),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/{lang}{ExperienceRoutes.Page(e.Id, text.Title)}")),
            new XElement(Atom + "published", Stamp(e.PublishedAt!.Value)),
            new XElement(Atom + "updated", Stamp(e.UpdatedAt)),
            new XElement(Atom + "author", new XElement(Atom + "name", e.AuthorName)),
            new XElement(Atom + "category", new XAttribute("term", ExperienceKinds.NameOf(e.Kind)), new XAttribute("label", kindName(e.Kind))),
            new XElement(Atom + "summary", new XAttribute("type", "text"), text.Summary),
            new XElement(Atom + "content", new XAttribute("type", "html"), new XAttribute(XNamespace.Xml + "base", baseUrl + "/"), ExperienceMarkdown.ToHtml(text.Body)));
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
