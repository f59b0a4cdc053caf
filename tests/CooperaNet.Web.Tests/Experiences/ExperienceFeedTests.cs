using System.Xml;
using System.Xml.Linq;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests.Experiences;

public sealed class ExperienceFeedTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_feed_is_well_formed_atom_with_the_published_experiences_in_the_language_of_its_path()
    {
        var published = await ExperienceData.SaveAsync(factory, ExperienceData.Input("Juntas de agua de Cauca"), translations:
            [new("en", "Water boards of Cauca", "How community water boards in Cauca learned to run their systems.", "## Context\n\nSix months of training.")]);
        var draft = await ExperienceData.SaveAsync(factory, ExperienceData.Input("Borrador que nadie ve"), ExperienceStatus.Draft);
        var deleted = await ExperienceData.SaveAsync(factory, ExperienceData.Input("Experiencia eliminada"), deleted: true);

        using var response = await factory.CreateClient().GetAsync("/en/experiences/feed.atom", Ct);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        var feed = (await XDocument.LoadAsync(reader, LoadOptions.None, Ct)).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("en", feed.Attribute(XNamespace.Xml + "lang")?.Value);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.Single(feed.Elements(Atom + required));
        }

        var self = feed.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "self").Attribute("href")!.Value;
        Assert.True(Uri.TryCreate(self, UriKind.Absolute, out var selfUri) && selfUri.AbsolutePath == "/en/experiences/feed.atom", self);

        var entries = feed.Elements(Atom + "entry").ToList();
        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Contains($"urn:uuid:{published.Id}", ids);
        Assert.DoesNotContain($"urn:uuid:{draft.Id}", ids);
        Assert.DoesNotContain($"urn:uuid:{deleted.Id}", ids);
        Assert.All(entries, e =>
        {
            foreach (var required in new[] { "id", "title", "updated", "published", "author", "summary" })
            {
                Assert.NotNull(e.Element(Atom + required));
            }

            var link = e.Element(Atom + "link")!.Attribute("href")!.Value;
            Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", link);
            Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        });

        var entry = entries.Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{published.Id}");
        Assert.Equal("Water boards of Cauca", entry.Element(Atom + "title")!.Value);
        Assert.Equal("en", entry.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.EndsWith($"/en/experiences/{published.Id}/water-boards-of-cauca", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("success-story", entry.Element(Atom + "category")!.Attribute("term")!.Value);
    }

    [Fact]
    public async Task An_untranslated_experience_keeps_its_own_language_in_another_languages_feed()
    {
        var published = await ExperienceData.SaveAsync(factory, ExperienceData.Input("Bancos de leche humana en la región"));

        var feed = XDocument.Parse(await factory.CreateClient().GetStringAsync("/fr/experiences/feed.atom", Ct)).Root!;

        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{published.Id}");
        Assert.Equal("fr", feed.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("es", entry.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("Bancos de leche humana en la región", entry.Element(Atom + "title")!.Value);
    }
}
