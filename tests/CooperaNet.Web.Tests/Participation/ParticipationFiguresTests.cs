using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Participation;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Participation;

/// <summary>The public figures, on <see cref="HandMadeCatalog"/>.</summary>
public sealed partial class ParticipationFiguresTests(HandMadeCatalog factory) : IClassFixture<HandMadeCatalog>
{
    [Fact]
    public async Task Api_counts_states_with_a_published_entry_and_each_states_offers_and_demands()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/participation?lang=en", TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, json.GetProperty("active").GetInt32());
        Assert.Equal(35, json.GetProperty("total").GetInt32());
        var states = json.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);
        Assert.Equal(35, states.Count);
        Assert.Equal((2, 1, "few"), Figures(states["CO"]));
        Assert.Equal((0, 1, "few"), Figures(states["BR"]));
        Assert.Equal((0, 0, "none"), Figures(states["PE"]));
        Assert.Equal((0, 0, "none"), Figures(states["AR"]));
        Assert.Equal((0, 0, "none"), Figures(states["MX"]));
        Assert.Equal("Colombia", states["CO"].GetProperty("name").GetString());
        Assert.NotEqual(JsonValueKind.Null, states["CO"].GetProperty("lastPublishedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, states["PE"].GetProperty("lastPublishedAt").ValueKind);
    }

    [Fact]
    public async Task Page_shows_the_headline_and_links_each_figure_to_its_catalog_list()
    {
        var browser = AccountClient.For(factory);

        var page = await browser.PageAsync("/en/participation");

        Assert.Contains("2 of 35 member states have published at least one offer or demand", page);
        Assert.Matches("href=\"/en/catalog\\?state=CO&(amp;)?kind=offer\"[^>]*>2</a>", page);
        Assert.Matches("href=\"/en/catalog\\?state=CO&(amp;)?kind=demand\"[^>]*>1</a>", page);
        Assert.Matches("href=\"/en/catalog\\?state=PE&(amp;)?kind=offer\"[^>]*>0</a>", page);
    }

    [Fact]
    public async Task Map_links_every_member_state_to_its_page_with_its_figures_as_name()
    {
        var browser = AccountClient.For(factory);

        var page = await browser.PageAsync("/es/participation");

        var links = MapLink().Matches(page).Select(m => (Code: m.Groups["code"].Value, Label: m.Groups["label"].Value, Level: m.Groups["level"].Value)).ToList();
        Assert.Equal(35, links.Select(l => l.Code).Distinct().Count());
        Assert.Contains(("CO", "Colombia: 2 ofertas, 1 demandas", "activity-few"), links);
        Assert.Contains(("PE", "Perú: 0 ofertas, 0 demandas", "activity-none"), links);
        Assert.Contains("<desc id=\"map-desc\">2 de 35 Estados miembros", page);
    }

    [Fact]
    public async Task Small_island_states_get_a_marker_and_large_states_none()
    {
        var map = factory.Services.GetRequiredService<ParticipationMap>();

        Assert.Equal(35, map.States.Count);
        foreach (var small in new[] { "AG", "BB", "DM", "GD", "KN", "LC", "VC" })
        {
            Assert.NotNull(map.States[small].Marker);
        }

        foreach (var large in new[] { "BR", "CA", "US", "MX", "CO", "CU" })
        {
            Assert.Null(map.States[large].Marker);
        }
    }

    private static (int Offers, int Demands, string Level) Figures(JsonElement state) =>
        (state.GetProperty("offers").GetInt32(), state.GetProperty("demands").GetInt32(), state.GetProperty("level").GetString()!);

    [GeneratedRegex("<a href=\"/es/states/(?<code>[A-Z]{2})\" aria-label=\"(?<label>[^\"]+)\" class=\"map-state (?<level>activity-[a-z]+)\">")]
    private static partial Regex MapLink();
}

/// <summary>
/// Colombia: 2 published offers, 1 published demand and a draft; Brazil: 1 published demand; Peru:
/// only a draft; Argentina: a published offer since deleted; Mexico: a closed one. So 2 of 35
/// states count, and only published entries still listed are counted.
/// </summary>
public sealed class HandMadeCatalog : ParticipationHost, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await AnEntry().Offer().From("CO").Published().SaveAsync(this);
        await AnEntry().Offer().From("CO").Published().SaveAsync(this);
        await AnEntry().Demand().From("CO").Published().SaveAsync(this);
        await AnEntry().Offer().From("CO").SaveAsync(this);
        await AnEntry().Demand().From("BR").Published().SaveAsync(this);
        await AnEntry().Offer().From("PE").SaveAsync(this);
        await AnEntry().Offer().From("MX").Closed().SaveAsync(this);
        var deleted = await AnEntry().Offer().From("AR").Published().SaveAsync(this);
        await WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CooperaNetDbContext>();
            var entry = await db.Entries.FindAsync([deleted.Id]);
            if (entry!.Delete(services.GetRequiredService<TimeProvider>().GetUtcNow()) is { } error)
            {
                throw new InvalidOperationException(error.Code);
            }

            return await db.SaveChangesAsync();
        });
    }
}
