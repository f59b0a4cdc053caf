using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.CatalogApi;

public sealed class ExpiryTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_expired_entry_leaves_the_public_lists_but_keeps_its_page()
    {
        var peru = await ForAsync(factory, Roles.FocalPoint, "PE");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        using var created = await peru.PostAsJsonAsync("/api/v1/offers", AnOffer("Pasantías en gestión de cuencas hidrográficas"), Ct);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        await peru.PostAsync($"/api/v1/offers/{id}/submit", null, Ct);
        await secretariat.PostAsync($"/api/v1/offers/{id}/publish", null, Ct);
        var anonymous = factory.CreateClient();
        Assert.Equal(1, (await JsonAsync(await anonymous.GetAsync("/api/v1/offers?state=PE", Ct))).GetProperty("total").GetInt32());

        await using (var db = factory.NewDbContext())
        {
            await db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresOn, new DateOnly(2020, 1, 31)), Ct);
        }

        // A new list (another sort) is not served from the short list cache.
        Assert.Equal(0, (await JsonAsync(await anonymous.GetAsync("/api/v1/offers?state=PE&sort=title", Ct))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/offers/{id}", Ct)).StatusCode);
    }
}
