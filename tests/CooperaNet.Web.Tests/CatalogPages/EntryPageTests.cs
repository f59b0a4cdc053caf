using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.CatalogPages;

public sealed class EntryPageTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private readonly AccountClient browser = AccountClient.For(factory);

    [Fact]
    public async Task Entry_page_shows_the_entry_with_open_graph_tags_and_a_link_to_its_state()
    {
        var entry = await AnEntry().Offer().From("CO").InSector("14030").ForSdg("6", "6.1")
            .Titled("Gestión comunitaria del agua potable rural").Published().SaveAsync(factory);

        var page = await browser.PageAsync($"/en/catalog/{entry.Id}");

        Assert.Contains("<meta property=\"og:title\" content=\"Gestión comunitaria del agua potable rural\">", page);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", page);
        Assert.Contains($"<meta property=\"og:url\" content=\"http://localhost/en/catalog/{entry.Id}\">", page);
        Assert.Contains("<h1 lang=\"es\">Gestión comunitaria del agua potable rural</h1>", page);
        Assert.Contains("<a href=\"/en/states/CO\">Colombia</a>", page);
        Assert.Contains("Basic drinking water supply and basic sanitation", page);
        Assert.Contains("Clean water and sanitation", page);
        Assert.Contains("<p>Formación de operadores locales.</p>", page);
        Assert.Contains("Written in Spanish; the author has not translated it into this language.", page);
        Assert.DoesNotContain("Manage this entry", page);
    }

    [Fact]
    public async Task A_translation_in_the_page_language_comes_first_and_says_who_translated_it()
    {
        var entry = await AnEntry().Offer().From("BR").WrittenIn("pt")
            .Titled("Bancos de leite humano: cooperação técnica")
            .Summarized("Implantação de bancos de leite humano com a rede brasileira.")
            .TranslatedTo("es", "Bancos de leche humana: cooperación técnica", "Implantación de bancos de leche humana con la red brasileña.")
            .Published().SaveAsync(factory);

        var spanish = await browser.PageAsync($"/es/catalog/{entry.Id}");
        var original = await browser.PageAsync($"/es/catalog/{entry.Id}?version=pt");

        Assert.Contains("<h1 lang=\"es\">Bancos de leche humana: cooperación técnica</h1>", spanish);
        Assert.Contains("Traducida por su autor. Idioma original: Portugués.", spanish);
        Assert.Contains("<nav class=\"versions\" aria-label=\"Idiomas de esta ficha\">", spanish);
        Assert.Contains("<h1 lang=\"pt\">Bancos de leite humano: cooperação técnica</h1>", original);
    }

    [Fact]
    public async Task A_draft_is_not_found_by_the_public_nor_by_another_state()
    {
        var draft = await AnEntry().Offer().From("CL").Titled("Borrador chileno sobre sismología").SaveAsync(factory);
        var argentina = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "AR");

        using var anonymous = await browser.GetAsync($"/en/catalog/{draft.Id}");
        using var other = await argentina.GetAsync($"/en/catalog/{draft.Id}");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains("Page not found", await AccountClient.TextAsync(anonymous));
    }

    [Fact]
    public async Task The_state_submits_with_a_button_and_the_secretariat_publishes()
    {
        var draft = await AnEntry().Demand().From("EC").Titled("Monitoreo de glaciares andinos").SaveAsync(factory);
        var ecuador = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "EC");
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var path = $"/en/catalog/{draft.Id}";

        var own = await ecuador.PageAsync(path);
        Assert.Matches("<form method=\"post\" class=\"inline-form\">\\s*<input type=\"hidden\" name=\"transition\" value=\"submit\">\\s*<button[^>]*>Submit to the secretariat</button>\\s*<input name=\"__RequestVerificationToken\"", own);
        Assert.Contains("value=\"delete\"", own);
        Assert.DoesNotContain("value=\"publish\"", own);
        Assert.Contains($"href=\"/en/catalog/{draft.Id}/edit\"", own);

        using var refused = await ecuador.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "publish" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var submitted = await ecuador.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "submit" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(path, submitted.Headers.Location?.OriginalString);
        Assert.Contains("Sent to the secretariat for publication.", await ecuador.PageAsync(path));

        var moderation = await secretariat.PageAsync(path);
        Assert.Contains("value=\"publish\"", moderation);
        Assert.Contains("<textarea id=\"comment\" name=\"comment\"", moderation);
        using var published = await secretariat.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await using var db = factory.NewDbContext();
        var saved = await db.Entries.AsNoTracking().SingleAsync(e => e.Id == draft.Id, TestContext.Current.CancellationToken);
        Assert.Equal(EntryStatus.Published, saved.Status);
        Assert.True(saved.LastChangedBySecretariat);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Returning_an_entry_needs_a_comment()
    {
        var entry = await AnEntry().Offer().From("PE").Titled("Gastronomía y turismo comunitario").Submitted().SaveAsync(factory);
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, lang: "fr");
        var path = $"/fr/catalog/{entry.Id}";

        using var empty = await secretariat.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "return", ["comment"] = "  " });
        var page = await AccountClient.TextAsync(empty);
        using var returned = await secretariat.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "return", ["comment"] = "Précisez le budget." });

        Assert.Contains("class=\"error-summary\" role=\"alert\"", page);
        Assert.Contains("<a href=\"#comment\">", page);
        Assert.Contains("aria-invalid=\"true\"", page);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var afterwards = await secretariat.PageAsync(path);
        Assert.Contains("Précisez le budget.", afterwards);
        Assert.Contains("La fiche a été renvoyée à son État.", afterwards);
    }

    [Fact]
    public async Task The_secretariat_restores_a_deleted_entry_from_its_page()
    {
        var entry = await AnEntry().Offer().From("JM").WrittenIn("en").Titled("Disaster risk financing for small islands")
            .Summarized("Parametric insurance and contingency funds for island states.").Published().SaveAsync(factory);
        var jamaica = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "JM");
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var path = $"/en/catalog/{entry.Id}";

        using var deleted = await jamaica.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "delete", ["confirmed"] = "true" });
        Assert.Equal("/en/catalog", deleted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);

        var hidden = await secretariat.PageAsync(path);
        Assert.Contains("value=\"restore\"", hidden);
        using var restored = await secretariat.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "restore" });
        Assert.Equal(path, restored.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
    }
}
