using System.Net;
using System.Net.Http.Json;
using CooperaNet.Web.Tests.Support;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.CatalogPages;

public sealed class CatalogSearchPageTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private readonly AccountClient browser = AccountClient.For(factory);

    [Fact]
    public async Task Anonymous_readers_share_a_stored_page_until_a_write_replaces_it()
    {
        const string Path = "/en/catalog?q=ciberseguridad";
        using var first = await browser.GetAsync(Path);
        using var second = await browser.GetAsync(Path);
        var focal = await Sessions.SignedInAsync(factory, Application.Identity.Roles.FocalPoint, "CR");
        using var signedIn = await focal.GetAsync(Path);

        Assert.Contains("No results", await AccountClient.TextAsync(second));
        Assert.NotNull(second.Headers.Age);
        Assert.Null(signedIn.Headers.Age);

        var secretariat = await CatalogApi.CatalogApiClient.ForAsync(factory, Application.Identity.Roles.Secretariat);
        using var created = await secretariat.PostAsJsonAsync("/api/v1/offers", new
        {
            state = "CR",
            language = "es",
            title = "Ciberseguridad para gobiernos locales",
            summary = "Formación de equipos de respuesta.",
            sectors = new[] { "22040" },
            modality = "training-course",
            institution = "MICITT",
            contactName = "Ana",
            contactEmail = "ana@example.org",
        }, TestContext.Current.CancellationToken);
        var id = (await CatalogApi.CatalogApiClient.JsonAsync(created)).GetProperty("id").GetGuid();
        await secretariat.PostAsync($"/api/v1/offers/{id}/submit", null, TestContext.Current.CancellationToken);
        await secretariat.PostAsync($"/api/v1/offers/{id}/publish", null, TestContext.Current.CancellationToken);

        Assert.Contains("Ciberseguridad para gobiernos locales", await browser.PageAsync(Path));
    }

    [Fact]
    public async Task Catalog_lists_a_published_entry_and_not_a_draft()
    {
        var published = await AnEntry().Offer().From("CO").InSector("15110").Titled("Catastro multipropósito: intercambio de experiencias").Published().SaveAsync(factory);
        await AnEntry().Offer().From("CO").InSector("15110").Titled("Borrador sobre catastro que nadie debe ver").SaveAsync(factory);

        var page = await browser.PageAsync("/es/catalog?q=catastro");

        Assert.Contains($"<a href=\"/es/catalog/{published.Id}\" lang=\"es\">Catastro multipropósito: intercambio de experiencias</a>", page);
        Assert.DoesNotContain("Borrador sobre catastro", page);
        Assert.Contains("<h2 id=\"results-title\">\n                1 resultado\n            </h2>", page.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Searching_without_accents_finds_an_accented_title_with_sector_names_in_the_page_language()
    {
        await AnEntry().Demand().From("GT").InSector("11220").Titled("Educación intercultural bilingüe en escuelas rurales").Published().SaveAsync(factory);

        var page = await browser.PageAsync("/en/catalog?q=educacion+intercultural");

        Assert.Contains("Educación intercultural bilingüe en escuelas rurales", page);
        Assert.Contains("<span class=\"tag tag-demand\">Demand</span>", page);
        Assert.Contains("Guatemala", page);
        Assert.Contains("Primary education", page);
        Assert.Contains("Technical assistance", page);
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_count_each_kind_and_modality()
    {
        await AnEntry().Offer().From("UY").InSector("31120").As("scholarship").Titled("Becas de posgrado en ciencias agrarias").Published().SaveAsync(factory);
        await AnEntry().Demand().From("UY").InSector("31120").As("training-course").Titled("Curso sobre trazabilidad del ganado").Published().SaveAsync(factory);

        var all = await browser.PageAsync("/en/catalog?state=UY");
        var demands = await browser.PageAsync("/en/catalog?state=UY&kind=demand");

        Assert.Contains("2 results", all);
        Assert.Contains(">Offers (1)</option>", all);
        Assert.Contains(">Demands (1)</option>", all);
        Assert.Contains(">Scholarship (1)</option>", all);
        Assert.Contains("1 result", demands);
        Assert.Contains("Curso sobre trazabilidad del ganado", demands);
        Assert.DoesNotContain("Becas de posgrado en ciencias agrarias", demands);
        // Each count leaves out its own filter: choosing demands still says how many offers there are.
        Assert.Contains("<option value=\"offer\">Offers (1)</option>", demands);
        Assert.Contains("<option value=\"demand\" selected=\"selected\">Demands (1)</option>", demands);
        Assert.Contains(">Scholarship (0)</option>", demands);
        Assert.Contains(">Training course (1)</option>", demands);
    }

    [Fact]
    public async Task Download_links_carry_the_filters_and_the_page_language()
    {
        await AnEntry().Offer().From("PY").InSector("23210").Titled("Energía solar para centros de salud aislados").Published().SaveAsync(factory);

        var page = await browser.PageAsync("/fr/catalog?state=PY&kind=offer&q=solar");

        Assert.Contains("href=\"/api/v1/offers?state=PY&q=solar&format=csv&lang=fr\"", page);
        Assert.Contains("href=\"/api/v1/offers?state=PY&q=solar&format=xlsx&lang=fr\"", page);
        Assert.DoesNotContain("/api/v1/demands?", page);
        using var csv = await browser.GetAsync("/api/v1/offers?state=PY&q=solar&format=csv&lang=fr");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Energía solar para centros de salud aislados", await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Invalid_filter_values_show_the_error_summary_in_the_page_language()
    {
        using var response = await browser.GetAsync("/es/catalog?modality=telepatia&sort=azar");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await AccountClient.TextAsync(response);
        Assert.Contains("class=\"error-summary\" role=\"alert\"", page);
        Assert.Contains("<a href=\"#modality\">Elija una modalidad:", page);
        Assert.Contains("<a href=\"#sort\">", page);
        Assert.Contains("<p class=\"field-error\" id=\"modality-error\">", page);
        Assert.Contains("aria-describedby=\"modality-error\" aria-invalid=\"true\"", page);
    }

    [Fact]
    public async Task Long_result_lists_are_paged_with_previous_and_next_links()
    {
        for (var i = 1; i <= 3; i++)
        {
            await AnEntry().Offer().From("PA").InSector("33120").Titled($"Facilitación del comercio, módulo {i}").Published().SaveAsync(factory);
        }

        var first = await browser.PageAsync("/en/catalog?state=PA&pageSize=2");
        var second = await browser.PageAsync("/en/catalog?state=PA&pageSize=2&page=2");

        Assert.Contains("<nav class=\"pagination\" aria-label=\"Result pages\">", first);
        Assert.Contains("<a href=\"/en/catalog?state=PA&pageSize=2&page=2\" rel=\"next\">Next</a>", first);
        Assert.Contains("aria-current=\"page\"><span class=\"visually-hidden\">Page </span>1</a>", first);
        Assert.Contains("<a href=\"/en/catalog?state=PA&pageSize=2\" rel=\"prev\">Previous</a>", second);
        Assert.DoesNotContain("rel=\"next\"", second);
    }

    [Fact]
    public async Task Status_filter_is_offered_only_to_those_who_write_for_a_state()
    {
        var anonymous = await browser.PageAsync("/en/catalog");
        var focalPoint = await Sessions.SignedInAsync(factory, Application.Identity.Roles.FocalPoint, "BO");
        await AnEntry().Offer().From("BO").Titled("Borrador boliviano de gestión de riesgos").SaveAsync(factory);

        var drafts = await focalPoint.PageAsync("/en/catalog?status=draft");

        Assert.DoesNotContain("id=\"status\"", anonymous);
        Assert.Contains("id=\"status\"", drafts);
        Assert.Contains("Borrador boliviano de gestión de riesgos", drafts);
    }
}
