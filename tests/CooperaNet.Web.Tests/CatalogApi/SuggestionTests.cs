using System.Net;
using System.Net.Http.Json;
using CooperaNet.Web.Tests.Support;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.CatalogApi;

public sealed class SuggestionTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    [Theory]
    [InlineData("es", "Capacitación de operadores de acueductos rurales en agua potable", "14030", "6")]
    [InlineData("en", "Vocational training for young people", "11330", "4")]
    [InlineData("pt", "Formação de professores", "11130", "4")]
    [InlineData("fr", "Approvisionnement en eau potable des villages", "14030", "6")]
    public async Task The_likely_sector_and_goal_come_first_in_each_language(string language, string title, string sector, string goal)
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/suggest/classification", new { title, language }, TestContext.Current.CancellationToken);
        var body = await JsonAsync(response);
        var sectors = body.GetProperty("sectors").EnumerateArray().Take(3).Select(s => s.GetProperty("code").GetString()).ToList();
        var sdgs = body.GetProperty("sdgs").EnumerateArray().Take(5).Select(s => s.GetProperty("code").GetString()!).ToList();
        Assert.Contains(sector, sectors);
        Assert.Contains(sdgs, code => code == goal || code.StartsWith(goal + ".", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggestions_need_a_text_and_a_known_language()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/suggest/classification", new { title = "", language = "de" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("language", out _));
    }
}
