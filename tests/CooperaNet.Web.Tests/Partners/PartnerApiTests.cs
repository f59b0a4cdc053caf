using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Partners;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Partners;

public sealed class PartnerApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_lists_the_seeded_organisations_by_scope_and_page_without_contacts()
    {
        var anonymous = factory.CreateClient();

        var subregional = await CatalogApiClient.JsonAsync(await anonymous.GetAsync("/api/v1/partners?scope=subregional", Ct));
        var paged = await CatalogApiClient.JsonAsync(await anonymous.GetAsync("/api/v1/partners?scope=regional&page=2&pageSize=3", Ct));
        using var segib = await anonymous.GetAsync($"/api/v1/partners/{PartnerSeeder.Segib}?lang=fr", Ct);
        using var unknown = await anonymous.GetAsync("/api/v1/partners?scope=global", Ct);

        Assert.Contains("MERCOSUR", subregional.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("acronym").GetString()));
        Assert.DoesNotContain("SEGIB", subregional.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("acronym").GetString()));
        Assert.Equal(3, paged.GetProperty("items").GetArrayLength());
        Assert.True(paged.GetProperty("total").GetInt32() >= 7);
        var body = await segib.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Organe permanent d'appui", body, StringComparison.Ordinal);
        Assert.DoesNotContain("email", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_the_callers_language()
    {
        var spanish = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        using var response = await spanish.PostAsJsonAsync("/api/v1/partners", new { name = "", scope = "global", website = "segib", memberStates = "Colombia" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await CatalogApiClient.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["name", "scope", "memberStates", "website"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Escriba una dirección web completa (https://…).", errors.GetProperty("website")[0].GetString());
    }

    [Fact]
    public async Task A_partner_user_keeps_the_contacts_and_log_of_their_own_organisation_and_changes_only_its_description()
    {
        var organisation = await PartnerData.SaveAsync(factory, "Organización " + PageMatrixHost.Word());
        var email = $"partner-{Guid.NewGuid():N}@example.org";
        var browser = await Sessions.SignedInAsync(factory, Roles.Partner, email: email);
        var user = await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UserAdministration>().ListUsersAsync()).Single(u => u.Email == email));
        await PartnerData.BindAsync(factory, user.Id, organisation.Id);
        var partner = browser.Http;

        using var added = await partner.PostAsJsonAsync($"/api/v1/partners/{organisation.Id}/contacts", PartnerData.ContactJson(), Ct);
        using var recorded = await partner.PostAsJsonAsync($"/api/v1/partners/{organisation.Id}/log", PartnerData.EntryJson(), Ct);
        using var updated = await partner.PutAsJsonAsync($"/api/v1/partners/{organisation.Id}", PartnerData.OrganisationJson("Nombre cambiado"), Ct);
        var contacts = await CatalogApiClient.JsonAsync(await partner.GetAsync($"/api/v1/partners/{organisation.Id}/contacts", Ct));
        var log = await CatalogApiClient.JsonAsync(await partner.GetAsync($"/api/v1/partners/{organisation.Id}/log", Ct));
        using var other = await partner.GetAsync($"/api/v1/partners/{PartnerSeeder.Segib}/contacts", Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var view = await CatalogApiClient.JsonAsync(updated);
        Assert.StartsWith("Organización ", view.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://www.comunidadandina.org", view.GetProperty("website").GetString());
        Assert.Equal(["Lucía Gómez", "Mario Silva"], contacts.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(user.Id, log[0].GetProperty("recordedById").GetGuid());
        Assert.Equal("joint-event", log[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }
}
