using System.Net;
using System.Text.RegularExpressions;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Experiences;

public sealed partial class ExperiencePageTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_experience_page_carries_open_graph_tags_at_its_permanent_address()
    {
        var experience = await ExperienceData.SaveAsync(factory, ExperienceData.Input("Juntas de agua de Cauca"), translations:
            [new("pt", "Juntas de água do Cauca", "Como as juntas comunitárias do Cauca aprenderam a operar seus aquedutos.", "## Contexto\n\nSeis meses de formação.")]);
        var client = factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/pt/experiences/{experience.Id}", Ct));
        var withSlug = await client.GetAsync($"/pt/experiences/{experience.Id}/juntas-de-agua-do-cauca", Ct);

        Assert.Equal(HttpStatusCode.OK, withSlug.StatusCode);
        var tags = OpenGraph().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal("Juntas de água do Cauca", tags["og:title"]);
        Assert.Equal("Como as juntas comunitárias do Cauca aprenderam a operar seus aquedutos.", tags["og:description"]);
        Assert.Equal("article", tags["og:type"]);
        Assert.Equal("pt_BR", tags["og:locale"]);
        Assert.Matches($"^https?://[^/]+/pt/experiences/{experience.Id}$", tags["og:url"]);
        Assert.False(tags.ContainsKey("og:image"));
        Assert.Contains("<h3>Contexto</h3>", html, StringComparison.Ordinal);
        Assert.Contains("Traduzida do", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_experience_with_an_image_names_it_in_open_graph_by_an_absolute_address()
    {
        var experience = await ExperienceData.SaveAsync(factory, ExperienceData.Input("Huertas escolares en Paraguay"));
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Application.Data.CooperaNetDbContext>();
            var image = Application.Experiences.ExperienceImages.Process(ExperienceData.JpegWithMetadata(800, 600))!;
            db.ExperienceImages.Add(new ExperienceImage
            {
                Id = Guid.NewGuid(),
                ExperienceId = experience.Id,
                AltText = "Niños regando una huerta",
                ContentType = image.ContentType,
                Width = image.Width,
                Height = image.Height,
                Size = image.Content.Length,
                Content = image.Content,
            });
            return await db.SaveChangesAsync(Ct);
        });

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/es/experiences/{experience.Id}", Ct));

        var tags = OpenGraph().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Matches($"^https?://[^/]+/api/v1/experiences/{experience.Id}/images/[0-9a-f-]+$", tags["og:image"]);
        Assert.Equal("Niños regando una huerta", tags["og:image:alt"]);
        Assert.Contains("alt=\"Niños regando una huerta\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_deleted_experiences_are_not_found_by_the_public()
    {
        var draft = await ExperienceData.SaveAsync(factory, ExperienceData.Input(), ExperienceStatus.Draft);
        var deleted = await ExperienceData.SaveAsync(factory, ExperienceData.Input(), deleted: true);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/es/experiences/{draft.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/es/experiences/{deleted.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_offer_shows_the_published_experiences_related_to_it()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..6];
        var related = await ExperienceData.SaveAsync(factory, ExperienceData.Input($"Acueductos {word}", sector: "14031", sdg: "6.1"));
        var unrelated = await ExperienceData.SaveAsync(factory, ExperienceData.Input($"Docentes {word}", sector: "11220", sdg: "4"));
        var offer = await AnEntry().Offer().From("CO").InSector("14031").ForSdg("6").Published().SaveAsync(factory);

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/en/catalog/{offer.Id}", Ct));

        Assert.Contains("Related experiences", html, StringComparison.Ordinal);
        Assert.Contains($"/en/experiences/{related.Id}/", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/en/experiences/{unrelated.Id}", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<meta property=\"(og:[a-z:_]+)\" content=\"([^\"]*)\">")]
    private static partial Regex OpenGraph();
}
