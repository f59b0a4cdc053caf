using System.Net;
using CooperaNet.Web.Tests.Support;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.CatalogPages;

public sealed class StatePageTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private readonly AccountClient browser = AccountClient.For(factory);

    [Fact]
    public async Task State_page_lists_its_published_offers_and_demands()
    {
        var offer = await AnEntry().Offer().From("CR").InSector("41030").Titled("Pago por servicios ambientales").Published().SaveAsync(factory);
        var demand = await AnEntry().Demand().From("CR").InSector("12220").Titled("Telemedicina para zonas rurales").Published().SaveAsync(factory);
        await AnEntry().Offer().From("CR").Titled("Borrador costarricense sin publicar").SaveAsync(factory);
        await AnEntry().Offer().From("PA").Titled("Oferta panameña que no es de Costa Rica").Published().SaveAsync(factory);

        var page = await browser.PageAsync("/en/states/CR");

        Assert.Contains("<h1>Costa Rica</h1>", page);
        Assert.Contains("Central America and Mexico", page);
        Assert.Contains("Central American Integration System (SICA)", page);
        Assert.Contains("<h2 id=\"offers-title\">Offers (1)</h2>", page);
        Assert.Contains("<h2 id=\"demands-title\">Demands (1)</h2>", page);
        Assert.Contains($"href=\"/en/catalog/{offer.Id}\"", page);
        Assert.Contains($"href=\"/en/catalog/{demand.Id}\"", page);
        Assert.DoesNotContain("Borrador costarricense sin publicar", page);
        Assert.DoesNotContain("Oferta panameña", page);
        Assert.Contains("href=\"/en/catalog?state=CR&kind=offer\"", page);
    }

    [Fact]
    public async Task A_state_without_entries_says_so_in_the_page_language()
    {
        var page = await browser.PageAsync("/pt/states/KN");

        Assert.Contains("Ainda não há ofertas publicadas.", page);
        Assert.Contains("Ainda não há demandas publicadas.", page);
        Assert.Contains("Pequeno Estado insular em desenvolvimento", page);
    }

    [Fact]
    public async Task Home_page_links_each_state_to_its_page()
    {
        var home = await browser.PageAsync("/fr/");

        Assert.Contains("<a href=\"/fr/states/CO\">Colombie</a>", home);
        Assert.Contains("<a href=\"/fr/catalog\">", home);
    }

    [Fact]
    public async Task Codes_in_lower_case_lead_to_the_page_and_unknown_codes_are_not_found()
    {
        using var lower = await browser.GetAsync("/es/states/co");
        using var unknown = await browser.GetAsync("/es/states/ES");

        Assert.Equal(HttpStatusCode.MovedPermanently, lower.StatusCode);
        Assert.Equal("/es/states/CO", lower.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
