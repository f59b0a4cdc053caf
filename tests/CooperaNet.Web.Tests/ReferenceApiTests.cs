using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests;

public sealed class ReferenceApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("fr", "Brésil")]
    [InlineData("pt", "Brasil")]
    [InlineData("es", "Brasil")]
    [InlineData("en", "Brazil")]
    public async Task Member_states_are_the_35_OAS_states_named_in_the_requested_language(string lang, string brazil)
    {
        using var json = await GetJson($"/api/v1/member-states?lang={lang}");
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(35, items.Count);
        Assert.Equal(lang, json.RootElement.GetProperty("language").GetString());
        Assert.Equal(brazil, items.Single(i => i.GetProperty("code").GetString() == "BR").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Accept_language_picks_the_names_when_no_lang_is_given()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/member-states/US");
        request.Headers.AcceptLanguage.ParseAdd("fr-CA,fr;q=0.9,en;q=0.5");
        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("États-Unis", json.RootElement.GetProperty("state").GetProperty("name").GetString());
        Assert.Equal("Estados Unidos", json.RootElement.GetProperty("names").GetProperty("es").GetString());
    }

    [Fact]
    public async Task Member_states_carry_their_group_memberships()
    {
        using var json = await GetJson("/api/v1/member-states/UY?lang=es");
        var groups = json.RootElement.GetProperty("state").GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("code").GetString()).ToList();
        Assert.Equal(["MERCOSUR", "SEGIB"], groups);
    }

    [Fact]
    public async Task Sectors_list_every_DAC_code_with_Spanish_names()
    {
        using var json = await GetJson("/api/v1/reference/sectors?lang=es");
        var sectors = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(326, sectors.Count); // the codeforIATI list: 296 active, 30 withdrawn
        var water = sectors.Single(s => s.GetProperty("code").GetString() == "14020");
        Assert.Contains("agua", water.GetProperty("name").GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(44, json.RootElement.GetProperty("categories").GetArrayLength());
    }

    [Fact]
    public async Task Sdg_targets_in_Portuguese_fall_back_to_English_and_say_so()
    {
        using var json = await GetJson("/api/v1/reference/sdgs?lang=pt");
        var goals = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(17, goals.Count);
        Assert.Equal(169, goals.Sum(g => g.GetProperty("targets").GetArrayLength()));
        Assert.Equal("pt", goals[0].GetProperty("title").GetProperty("language").GetString());
        var target = goals[0].GetProperty("targets")[0];
        Assert.Equal("1.1", target.GetProperty("code").GetString());
        Assert.Equal("en", target.GetProperty("title").GetProperty("language").GetString());
    }

    [Fact]
    public async Task Work_plan_has_its_five_actions_mandates_and_working_group()
    {
        using var json = await GetJson("/api/v1/workplan?lang=en");
        var root = json.RootElement;
        Assert.Equal(5, root.GetProperty("actions").GetArrayLength());
        Assert.Equal([68, 69, 70], root.GetProperty("mandates").EnumerateArray().Select(m => m.GetProperty("paragraph").GetInt32()));
        var members = root.GetProperty("workingGroup").GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["CO", "AR", "BR", "EC", "DO", "UY"], members.Select(m => m.GetProperty("state").GetString()));
        Assert.Equal("chair", members[0].GetProperty("role").GetString());
        Assert.Equal("vice-chair", members[1].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Unknown_language_is_refused_with_a_localized_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reference/sectors?lang=de");
        request.Headers.AcceptLanguage.ParseAdd("pt");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Os dados enviados não são válidos.", problem.GetProperty("title").GetString());
        Assert.Contains("«de»", problem.GetProperty("errors").GetProperty("lang")[0].GetString());
    }

    [Fact]
    public async Task Unknown_state_is_a_404_problem()
    {
        using var response = await client.GetAsync("/api/v1/member-states/ES?lang=en", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Not found.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reference_answers_are_cacheable_and_revalidate_with_their_etag()
    {
        using var first = await client.GetAsync("/api/v1/reference/sectors?lang=fr", TestContext.Current.CancellationToken);
        Assert.True(first.Headers.CacheControl?.Public);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reference/sectors?lang=fr");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_reference_endpoints()
    {
        using var json = await GetJson("/openapi/v1.json");
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/member-states", paths);
        Assert.Contains("/api/v1/reference/sectors", paths);
        Assert.Contains("/api/v1/reference/sdgs", paths);
        Assert.Contains("/api/v1/workplan", paths);
    }

    [Fact]
    public async Task Health_endpoints_answer_when_reference_data_is_loaded()
    {
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live", TestContext.Current.CancellationToken));
        using var ready = await GetJson("/health/ready");
        Assert.Equal("Healthy", ready.RootElement.GetProperty("status").GetString());
    }

    private async Task<JsonDocument> GetJson(string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
