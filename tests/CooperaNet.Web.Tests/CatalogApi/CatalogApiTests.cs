using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.CatalogApi;

public sealed class CatalogApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Focal_point_creates_a_draft_for_its_own_state()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        using var response = await colombia.PostAsJsonAsync("/api/v1/offers", AnOffer(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await JsonAsync(response);
        Assert.Equal("CO", entry.GetProperty("state").GetString());
        Assert.Equal("draft", entry.GetProperty("status").GetString());
        Assert.Equal("offer", entry.GetProperty("kind").GetString());
        Assert.Equal(response.Headers.Location?.OriginalString, entry.GetProperty("links").GetProperty("self").GetString());
    }

    [Fact]
    public async Task Focal_point_cannot_edit_another_states_offer()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var argentina = await ForAsync(factory, Roles.FocalPoint, "AR");
        var id = await CreateAsync(colombia);

        using var put = await argentina.PutAsJsonAsync($"/api/v1/offers/{id}", AnOffer(title: "Tomada por otro Estado"), Ct);
        using var submit = await argentina.PostAsync($"/api/v1/offers/{id}/submit", null, Ct);
        using var delete = await argentina.DeleteAsync($"/api/v1/offers/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.WorkingGroupMember)]
    public async Task Roles_without_a_state_cannot_create_entries(string role)
    {
        var client = await ForAsync(factory, role);
        using var response = await client.PostAsJsonAsync("/api/v1/demands", AnOffer(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_writes_are_refused_with_401()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/offers", AnOffer(), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_secretariat_publishes_and_the_public_then_sees_the_entry()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        var id = await CreateAsync(colombia, AnOffer(title: "Intercambio sobre catastro multipropósito"));
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/offers/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colombia.PostAsync($"/api/v1/offers/{id}/submit", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colombia.PostAsync($"/api/v1/offers/{id}/publish", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/offers/{id}/publish", null, Ct)).StatusCode);

        var entry = await JsonAsync(await anonymous.GetAsync($"/api/v1/offers/{id}", Ct));
        Assert.Equal("published", entry.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/demands/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Returning_needs_a_comment_and_sends_the_entry_back_to_draft()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var secretariat = await ForAsync(factory, Roles.Secretariat, language: "es");
        var id = await CreateAsync(colombia);
        await colombia.PostAsync($"/api/v1/offers/{id}/submit", null, Ct);

        using var noComment = await secretariat.PostAsJsonAsync($"/api/v1/offers/{id}/return", new { comment = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal("Este dato es obligatorio.", (await JsonAsync(noComment)).GetProperty("errors").GetProperty("comment")[0].GetString());

        using var returned = await secretariat.PostAsJsonAsync($"/api/v1/offers/{id}/return", new { comment = "Indique el costo compartido" }, Ct);
        var entry = await JsonAsync(returned);
        Assert.Equal("draft", entry.GetProperty("status").GetString());
        Assert.Equal("Indique el costo compartido", entry.GetProperty("returnComment").GetString());
    }

    [Fact]
    public async Task An_illegal_transition_is_a_409_problem()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO", language: "fr");
        var id = await CreateAsync(colombia);
        using var response = await colombia.PostAsync($"/api/v1/offers/{id}/close", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("La fiche ne peut pas passer à ce statut depuis le statut actuel.", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_submitted_entry_cannot_be_edited_by_its_state()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var id = await CreateAsync(colombia);
        await colombia.PostAsync($"/api/v1/offers/{id}/submit", null, Ct);
        using var put = await colombia.PutAsJsonAsync($"/api/v1/offers/{id}", AnOffer(title: "Cambio tardío"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_the_callers_language()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO", language: "pt");
        var before = await CountEntriesAsync();
        using var response = await colombia.PostAsJsonAsync("/api/v1/offers", new
        {
            language = "de",
            title = "",
            summary = "curto",
            sectors = new[] { "99999" },
            sdgs = new[] { "18" },
            modality = "party",
            institution = "ABC",
            contactEmail = "not-an-address",
            startsOn = "2027-05-01",
            endsOn = "2027-01-01",
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("Os dados enviados não são válidos.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal("Este dado é obrigatório.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("Escolha es, en, pt ou fr.", errors.GetProperty("language")[0].GetString());
        Assert.Contains("99999", errors.GetProperty("sectors")[0].GetString());
        Assert.Contains("18", errors.GetProperty("sdgs")[0].GetString());
        foreach (var field in new[] { "summary", "modality", "contactEmail", "endsOn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }

        Assert.Equal(before, await CountEntriesAsync());
    }

    [Fact]
    public async Task An_entry_read_from_the_api_can_be_sent_back_unchanged()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var id = await CreateAsync(colombia);
        var read = await JsonAsync(await colombia.GetAsync($"/api/v1/offers/{id}", Ct));
        using var put = await colombia.PutAsync($"/api/v1/offers/{id}", JsonContent.Create(read), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task A_deleted_entry_disappears_and_the_secretariat_restores_it()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        var id = await CreateAsync(colombia);

        Assert.Equal(HttpStatusCode.OK, (await colombia.DeleteAsync($"/api/v1/offers/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colombia.GetAsync($"/api/v1/offers/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colombia.PostAsync($"/api/v1/offers/{id}/restore", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/offers/{id}/restore", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colombia.GetAsync($"/api/v1/offers/{id}", Ct)).StatusCode);

        await using var db = factory.NewDbContext();
        var log = await db.AuditEntries.Where(a => a.Entity == "CatalogEntry" && a.EntityKey == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["added", "modified", "modified"], log);
    }

    [Fact]
    public async Task The_secretariat_may_act_for_a_state_and_that_is_recorded()
    {
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        using var response = await secretariat.PostAsJsonAsync("/api/v1/demands", new Dictionary<string, object>(ToDictionary(AnOffer())) { ["state"] = "UY" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await JsonAsync(response)).GetProperty("id").GetGuid();
        await using var db = factory.NewDbContext();
        var entry = await db.Entries.SingleAsync(e => e.Id == id, Ct);
        Assert.Equal("UY", entry.StateCode);
        Assert.True(entry.LastChangedBySecretariat);
    }

    [Fact]
    public async Task A_list_read_just_before_a_change_shows_the_change_right_after()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        var anonymous = factory.CreateClient();
        const string path = "/api/v1/offers?q=hidroponia";
        Assert.Equal(0, await TotalAsync(anonymous, path));

        var id = await CreateAsync(colombia, AnOffer(title: "Cultivos en hidroponía para escuelas"));
        (await colombia.PostAsync($"/api/v1/offers/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await secretariat.PostAsync($"/api/v1/offers/{id}/publish", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(1, await TotalAsync(anonymous, path));

        (await colombia.PostAsync($"/api/v1/offers/{id}/withdraw", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(0, await TotalAsync(anonymous, path));
    }

    [Fact]
    public async Task A_published_entry_shared_with_the_public_shows_a_change_right_after_and_a_draft_saved_meanwhile_stays_hidden()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        var anonymous = factory.CreateClient();
        var id = await CreateAsync(colombia, AnOffer(title: "Bancos de semillas comunitarios"));
        (await colombia.PostAsync($"/api/v1/offers/{id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await secretariat.PostAsync($"/api/v1/offers/{id}/publish", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("Bancos de semillas comunitarios", (await JsonAsync(await anonymous.GetAsync($"/api/v1/offers/{id}", Ct))).GetProperty("title").GetString());
        Assert.Contains("Bancos de semillas comunitarios", await anonymous.GetStringAsync($"/es/catalog/{id}", Ct));

        var draft = await CreateAsync(colombia, AnOffer(title: "Borrador que nadie ve"));
        (await colombia.PutAsJsonAsync($"/api/v1/offers/{draft}", AnOffer(title: "Borrador que nadie ve todavía"), Ct)).EnsureSuccessStatusCode();
        (await secretariat.PutAsJsonAsync($"/api/v1/offers/{id}", AnOffer(title: "Bancos de semillas nativas"), Ct)).EnsureSuccessStatusCode();

        Assert.Equal("Bancos de semillas nativas", (await JsonAsync(await anonymous.GetAsync($"/api/v1/offers/{id}", Ct))).GetProperty("title").GetString());
        var page = await anonymous.GetStringAsync($"/es/catalog/{id}", Ct);
        Assert.Contains("Bancos de semillas nativas", page);
        Assert.DoesNotContain("Bancos de semillas comunitarios", page);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/offers/{draft}", Ct)).StatusCode);
        Assert.Equal("Borrador que nadie ve todavía", (await JsonAsync(await colombia.GetAsync($"/api/v1/offers/{draft}", Ct))).GetProperty("title").GetString());
    }

    private static async Task<int> TotalAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await JsonAsync(response)).GetProperty("total").GetInt32();
    }

    private static Dictionary<string, object> ToDictionary(object value) =>
        JsonSerializer.Deserialize<Dictionary<string, object>>(JsonSerializer.Serialize(value))!;

    private async Task<int> CountEntriesAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Entries.IgnoreQueryFilters().CountAsync(Ct);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object? body = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/offers", body ?? AnOffer(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }
}
