using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Experiences;

public sealed class ExperienceApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Bad => new
    {
        kind = "anecdote",
        authorName = "",
        language = "es",
        title = "No",
        summary = "Corto",
        body = "<script>alert(1)</script> y nada más que decir aquí",
        videoUrl = "javascript:alert(1)",
        sectors = new[] { "99999" },
        sdgs = new[] { "18" },
        states = new[] { "XX" },
    };

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_the_callers_language()
    {
        var spanish = await CatalogApiClient.ForAsync(factory, Roles.Expert, language: "es");
        var english = await CatalogApiClient.ForAsync(factory, Roles.Expert, language: "en");

        using var es = await spanish.PostAsJsonAsync("/api/v1/experiences", Bad, Ct);
        using var en = await english.PostAsJsonAsync("/api/v1/experiences", Bad, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, es.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, en.StatusCode);
        var esErrors = (await CatalogApiClient.JsonAsync(es)).GetProperty("errors");
        var enErrors = (await CatalogApiClient.JsonAsync(en)).GetProperty("errors");
        string[] fields = ["kind", "authorName", "title", "summary", "videoUrl", "sectors", "sdgs", "states"];
        foreach (var field in fields)
        {
            var esMessage = esErrors.GetProperty(field)[0].GetString()!;
            var enMessage = enErrors.GetProperty(field)[0].GetString()!;
            Assert.NotEqual(esMessage, enMessage);
            Assert.DoesNotContain("Error.", esMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("Error.", enMessage, StringComparison.Ordinal);
        }

        Assert.Equal("Indique una dirección http o https completa.", esErrors.GetProperty("videoUrl")[0].GetString());
        Assert.Equal("Give a full http or https address.", enErrors.GetProperty("videoUrl")[0].GetString());
        await using var db = factory.NewDbContext();
        Assert.False(await db.Experiences.IgnoreQueryFilters().AnyAsync(e => e.Title == "No", Ct));
    }

    [Fact]
    public async Task A_focal_point_writes_for_its_state_the_secretariat_publishes_and_the_public_then_reads_it()
    {
        var focalPoint = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "UY");
        var secretariat = await CatalogApiClient.ForAsync(factory, Roles.Secretariat);
        var anonymous = factory.CreateClient();
        var title = "Escuelas de tiempo completo " + Guid.NewGuid().ToString("N")[..6];

        using var created = await focalPoint.PostAsJsonAsync("/api/v1/experiences", ExperienceData.Input(title) with
        {
            Translations = [new("en", "Full-time schools", "How full-time schools changed learning in rural Uruguay.", "## Context\n\nA story of teachers and families.")],
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await CatalogApiClient.JsonAsync(created);
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal("UY", view.GetProperty("state").GetString());
        Assert.Equal("draft", view.GetProperty("status").GetString());
        var translation = view.GetProperty("translations")[0];
        Assert.Equal("human", translation.GetProperty("origin").GetString());
        Assert.False(string.IsNullOrEmpty(translation.GetProperty("translatedBy").GetString()));

        using (var hidden = await anonymous.GetAsync($"/api/v1/experiences/{id}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var early = await secretariat.PostAsJsonAsync($"/api/v1/experiences/{id}/publish", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        using (var submitted = await focalPoint.PostAsJsonAsync($"/api/v1/experiences/{id}/submit", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        using (var refused = await focalPoint.PostAsJsonAsync($"/api/v1/experiences/{id}/publish", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var published = await secretariat.PostAsJsonAsync($"/api/v1/experiences/{id}/publish", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        var list = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/experiences?q={Uri.EscapeDataString(title.Split(' ')[^1])}&state=UY&kind=success-story&sdg=6&sector=140", Ct);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        var english = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/experiences?q=rural+uruguay+teachers", Ct);
        Assert.Contains(english.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_list_refuses_unknown_filters_by_name()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/experiences?kind=rumour&sdg=40&sector=1&lang=en", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await CatalogApiClient.JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("sdg", out _));
        Assert.True(errors.TryGetProperty("sector", out _));
    }

    [Fact]
    public async Task An_expert_changes_only_their_own_drafts()
    {
        var expert = await CatalogApiClient.ForAsync(factory, Roles.Expert);
        var otherExpert = await CatalogApiClient.ForAsync(factory, Roles.Expert);
        using var created = await expert.PostAsJsonAsync("/api/v1/experiences", ExperienceData.Input("Mentoría entre docentes rurales") with { Kind = "good-practice" }, Ct);
        var id = (await CatalogApiClient.JsonAsync(created)).GetProperty("id").GetGuid();

        using var other = await otherExpert.PutAsJsonAsync($"/api/v1/experiences/{id}", ExperienceData.Input("Cambiado por otro experto"), Ct);
        using var own = await expert.PutAsJsonAsync($"/api/v1/experiences/{id}", ExperienceData.Input("Mentoría entre docentes rurales de Cauca") with { Kind = "good-practice" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await using var db = factory.NewDbContext();
        var saved = await db.Experiences.SingleAsync(e => e.Id == id, Ct);
        Assert.Equal(("Mentoría entre docentes rurales de Cauca", ExperienceKind.GoodPractice, (string?)null), (saved.Title, saved.Kind, saved.StateCode));
    }
}
