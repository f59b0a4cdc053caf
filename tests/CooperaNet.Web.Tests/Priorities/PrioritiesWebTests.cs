using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Priorities;
using CooperaNet.Domain;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Priorities;

/// <summary>
/// The priority areas over HTTP. The class's database holds one published demand of Jamaica in water
/// (14030, category 140, SDG 6) with no pair: no offer fits it, so it is unmet from the day it is published.
/// </summary>
public sealed class PrioritiesWebTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>, IAsyncLifetime
{
    private const string Title = "Gestión comunitaria de acueductos en zonas rurales de montaña";
    private Guid demand;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var db = factory.NewDbContext();
        demand = await db.Entries.Where(e => e.Title == Title).Select(e => e.Id).FirstOrDefaultAsync(Ct);
        if (demand == Guid.Empty)
        {
            demand = (await AnEntry().Demand().From("JM").InSector("14030").ForSdg("6").Titled(Title).Published().SaveAsync(factory)).Id;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("es", "Abastecimiento de agua y saneamiento")]
    [InlineData("en", "Water Supply & Sanitation")]
    [InlineData("pt", "Abastecimento de água e saneamento")]
    [InlineData("fr", "Distribution d'Eau et Assainissement")]
    public async Task Api_ranks_the_unmet_demand_with_names_in_the_language_asked(string lang, string water)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/priorities?dimension=category&lang={lang}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(lang, json.GetProperty("language").GetString());
        Assert.Equal("category", json.GetProperty("dimension").GetString());
        Assert.Equal(90, json.GetProperty("unmetAfterDays").GetInt32());
        Assert.Equal(0.25, json.GetProperty("lowScore").GetDouble());
        var area = json.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "140");
        Assert.Equal(water, area.GetProperty("name").GetString());
        Assert.Equal(1, area.GetProperty("rank").GetInt32());
        Assert.Equal(1.0, area.GetProperty("score").GetDouble());
        Assert.Equal((1, 1, 0), (area.GetProperty("demands").GetInt32(), area.GetProperty("states").GetInt32(), area.GetProperty("oldestDays").GetInt32()));
        Assert.Equal([demand], area.GetProperty("demandIds").EnumerateArray().Select(e => e.GetGuid()));
    }

    [Theory]
    [InlineData("es", "Elija una dimensión: category, sector, sdg, subregion, language.")]
    [InlineData("en", "Choose a dimension: category, sector, sdg, subregion, language.")]
    [InlineData("pt", "Escolha uma dimensão: category, sector, sdg, subregion, language.")]
    [InlineData("fr", "Choisissez une dimension : category, sector, sdg, subregion, language.")]
    public async Task Api_refuses_an_unknown_dimension_field_by_field_in_the_callers_language(string lang, string message)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/priorities?dimension=continent&top=0&lang={lang}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal([message], errors.GetProperty("dimension").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(errors.GetProperty("top").EnumerateArray());
    }

    [Theory]
    [InlineData("es", "Áreas prioritarias", "Caribe")]
    [InlineData("en", "Priority areas", "Caribbean")]
    [InlineData("pt", "Áreas prioritárias", "Caribe")]
    [InlineData("fr", "Domaines prioritaires", "Caraïbes")]
    public async Task Ranking_and_area_pages_speak_the_language_of_their_url(string lang, string heading, string caribbean)
    {
        var client = factory.CreateClient();

        var ranking = await client.GetStringAsync($"/{lang}/priorities", Ct);
        var subregions = await client.GetStringAsync($"/{lang}/priorities?dimension=subregion", Ct);
        var area = await client.GetStringAsync($"/{lang}/priorities/subregion/Caribbean", Ct);

        Assert.Contains($"<html lang=\"{lang}\">", ranking);
        Assert.Contains($"<h1>{heading}</h1>", ranking);
        Assert.Contains($"href=\"/{lang}/priorities/category/140\"", ranking);
        Assert.Contains("role=\"img\"", ranking);
        Assert.Contains($"<a href=\"/{lang}/priorities/subregion/Caribbean\">{caribbean}</a>", subregions);
        Assert.Contains(Title, area);
        Assert.Contains($"href=\"/{lang}/catalog/{demand}\"", area);
        Assert.Contains($"<a href=\"/{lang}/priorities\">", ranking);
    }

    [Theory]
    [InlineData("/en/priorities?dimension=continent")]
    [InlineData("/en/priorities/continent/140")]
    [InlineData("/en/priorities/category/999")]
    public async Task An_unknown_dimension_or_area_is_not_found(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Subregion_and_language_names_read_as_the_web_resources_do()
    {
        foreach (var lang in Languages.All)
        {
            var strings = UiStrings.Load(Path.Combine(ResourcesFolder(), $"strings.{lang}.json"));
            var pages = UiStrings.Load(Path.Combine(ResourcesFolder(), $"pages.{lang}.json"));
            Assert.All(PriorityNames.SubregionCodes, code => Assert.Equal(strings["Subregion." + code], PriorityNames.Subregion(code, lang)));
            Assert.All(Languages.All, code => Assert.Equal(pages["Pages.Language." + code], PriorityNames.WorkingLanguage(code, lang)));
        }
    }

    private static string ResourcesFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "CooperaNet.Web", "Resources"));
}
