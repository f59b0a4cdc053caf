using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.FollowUp;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.FollowUp;

/// <summary>What the campaign pages do, through the API: editing a draft campaign and reading the invitations sent.</summary>
public sealed class CampaignApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secretariat_edits_a_draft_campaign_and_the_change_is_audited_under_its_name()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var campaign = await factory.DraftCampaignAsync("Campaña " + PageMatrixHost.Word());
        var lastAudit = await LastAuditAsync();
        var renamed = "Campaña caribeña " + PageMatrixHost.Word();

        using var response = await secretariat.Http.PutAsJsonAsync($"/api/v1/campaigns/{campaign.Id}?lang=en", Changed(renamed), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(renamed, view.GetProperty("name").GetString());
        Assert.Equal("subregion", view.GetProperty("target").GetString());
        Assert.Equal(3, view.GetProperty("steps").GetArrayLength());
        await using var db = factory.NewDbContext();
        var saved = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id, Ct);
        Assert.Equal((renamed, "Caribbean", new DateOnly(2026, 7, 31)), (saved.Name, saved.Subregion, saved.EndsOn));
        var records = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Id > lastAudit && a.Entity == "Campaign").ToListAsync(Ct);
        var record = Assert.Single(records);
        Assert.Equal((campaign.Id.ToString(), "modified"), (record.EntityKey, record.Action));
        Assert.Equal(await UserIdAsync(secretariat), record.ActorId);
        Assert.Equal(renamed, JsonSerializer.Deserialize<JsonElement>(record.After!).GetProperty("Name").GetString());
    }

    [Theory]
    [InlineData(Roles.FocalPoint, HttpStatusCode.Forbidden)]
    [InlineData(Roles.WorkingGroupMember, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_the_secretariat_edits_a_campaign(string? role, HttpStatusCode refusal)
    {
        var campaign = await factory.DraftCampaignAsync("Campaña " + PageMatrixHost.Word());
        using var client = role is null ? factory.CreateClient() : await CatalogApiClient.ForAsync(factory, role, role == Roles.FocalPoint ? "CO" : null);
        var lastAudit = await LastAuditAsync();

        using var response = await client.PutAsJsonAsync($"/api/v1/campaigns/{campaign.Id}", Changed("Cambiada"), Ct);

        Assert.Equal(refusal, response.StatusCode);
        await using var db = factory.NewDbContext();
        Assert.Equal(campaign.Name, (await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id, Ct)).Name);
        Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.Id > lastAudit && a.Entity == "Campaign", Ct));
    }

    [Fact]
    public async Task A_bad_campaign_is_refused_field_by_field_in_the_callers_language_with_the_edit_pages_messages()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var campaign = await factory.DraftCampaignAsync("Campaña " + PageMatrixHost.Word());
        var bad = new
        {
            name = "Cambiada",
            startsOn = "2026-03-02",
            endsOn = "2026-01-01",
            target = "everyone",
            messageEs = "Hola",
            messageEn = "Hello",
            messagePt = " ",
            messageFr = "Bonjour",
            reminderDays = 14,
        };

        var spanish = await ErrorsAsync(secretariat, campaign.Id, "es", bad);
        var english = await ErrorsAsync(secretariat, campaign.Id, "en", bad);

        Assert.Equal("Elija uno de los valores ofrecidos.", spanish["target"]);
        Assert.Equal("Choose one of the values offered.", english["target"]);
        Assert.Equal(campaign.Name, await NameAsync(campaign.Id));

        // Valid target, wrong dates and message: the domain's refusals, as the edit page shows them.
        var dated = new { bad.name, bad.startsOn, bad.endsOn, target = "all", bad.messageEs, bad.messageEn, bad.messagePt, bad.messageFr, bad.reminderDays };
        spanish = await ErrorsAsync(secretariat, campaign.Id, "es", dated);
        english = await ErrorsAsync(secretariat, campaign.Id, "en", dated);
        Assert.Equal("La fecha de fin no puede ser anterior a la de inicio.", spanish["endsOn"]);
        Assert.Equal("The end date cannot be before the start date.", english["endsOn"]);
        Assert.NotEqual(spanish["messagePt"], english["messagePt"]);
        Assert.All(spanish.Values.Concat(english.Values), m => Assert.DoesNotContain("Error.", m, StringComparison.Ordinal));
        Assert.Equal(campaign.Name, await NameAsync(campaign.Id));

        using var page = await secretariat.PostFormAsync($"/es/campaigns/{campaign.Id}/edit", new Dictionary<string, string>(FollowUpData.CampaignForm("Cambiada"))
        {
            ["Form.EndsOn"] = "2026-01-01",
            ["Form.Target"] = "all",
            ["Form.MessagePt"] = " ",
        });
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await AccountClient.TextAsync(page);
        Assert.Contains($"<a href=\"#Form_EndsOn\">{spanish["endsOn"]}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#Form_MessagePt\">{spanish["messagePt"]}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_campaign_is_no_longer_edited_and_an_unknown_one_is_not_found()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var campaign = await factory.DraftCampaignAsync("Campaña " + PageMatrixHost.Word());
        using (var started = await secretariat.Http.PostAsync($"/api/v1/campaigns/{campaign.Id}/start", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        using var running = await secretariat.Http.PutAsJsonAsync($"/api/v1/campaigns/{campaign.Id}?lang=fr", Changed("Cambiada"), Ct);
        using var unknown = await secretariat.Http.PutAsJsonAsync($"/api/v1/campaigns/{Guid.CreateVersion7()}", Changed("Cambiada"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Equal("Seule une campagne en brouillon peut être modifiée.", (await running.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(campaign.Name, await NameAsync(campaign.Id));
    }

    [Fact]
    public async Task The_secretariat_lists_the_invitations_with_their_status_and_never_their_token()
    {
        var (pending, used, expired) = await InvitationsAsync();
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        using var response = await secretariat.Http.GetAsync("/api/v1/campaigns/invitations", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var rows = JsonSerializer.Deserialize<JsonElement>(body).EnumerateArray().ToDictionary(r => r.GetProperty("email").GetString()!);
        var row = rows[pending.Email];
        Assert.Equal((pending.Id.ToString(), "HT", "fr", "pending"), (row.GetProperty("id").GetString(), row.GetProperty("state").GetString(), row.GetProperty("language").GetString(), row.GetProperty("status").GetString()));
        // PostgreSQL keeps microseconds, .NET 100 ns ticks: the stored time may differ by less than a microsecond.
        Assert.Equal(pending.ExpiresAt, row.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal("used", rows[used.Email].GetProperty("status").GetString());
        Assert.Equal("expired", rows[expired.Email].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("usedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, rows[used.Email].GetProperty("usedAt").ValueKind);
        foreach (var invitation in new[] { pending, used, expired })
        {
            Assert.DoesNotContain(invitation.Hash, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("token", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Invitation.TokenPrefix, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_made_through_the_api_is_found_where_its_location_says()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var email = $"{PageMatrixHost.Word()}@minrex.gob.cu";
        using var sent = await secretariat.Http.PostAsJsonAsync("/api/v1/campaigns/invitations", new { email, state = "CU", language = "es" }, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        using var found = await secretariat.Http.GetAsync(sent.Headers.Location, Ct);
        using var unknown = await secretariat.Http.GetAsync($"/api/v1/campaigns/invitations/{Guid.CreateVersion7()}?lang=pt", Ct);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var view = await found.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((email, "CU", "pending"), (view.GetProperty("email").GetString(), view.GetProperty("state").GetString(), view.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Não encontrado.", (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(Roles.FocalPoint, HttpStatusCode.Forbidden)]
    [InlineData(Roles.WorkingGroupMember, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_the_secretariat_reads_the_invitations(string? role, HttpStatusCode refusal)
    {
        var (pending, _, _) = await InvitationsAsync();
        using var client = role is null ? factory.CreateClient() : await CatalogApiClient.ForAsync(factory, role, role == Roles.FocalPoint ? "HT" : null);

        using var list = await client.GetAsync("/api/v1/campaigns/invitations", Ct);
        using var one = await client.GetAsync($"/api/v1/campaigns/invitations/{pending.Id}", Ct);

        Assert.Equal(refusal, list.StatusCode);
        Assert.Equal(refusal, one.StatusCode);
        Assert.DoesNotContain(pending.Email, await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(pending.Email, await one.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_language_for_the_invitations_is_refused_in_the_callers_language()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        var spanish = await LanguageErrorAsync(secretariat, "es");
        var english = await LanguageErrorAsync(secretariat, "en");

        Assert.NotEqual(spanish, english);
        Assert.Contains("de", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("Api.Error", spanish + english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_new_operations_and_their_refusals()
    {
        using var response = await factory.CreateClient().GetAsync("/openapi/v1.json", Ct);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("paths");

        var edit = paths.GetProperty("/api/v1/campaigns/{id}").GetProperty("put");
        Assert.Equal("EditCampaign", edit.GetProperty("operationId").GetString());
        Assert.Equal(["200", "400", "403", "404", "409"], edit.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("ListInvitations", paths.GetProperty("/api/v1/campaigns/invitations").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetInvitation", paths.GetProperty("/api/v1/campaigns/invitations/{id}").GetProperty("get").GetProperty("operationId").GetString());
    }

    /// <summary>The Edit page's fields, as an API client sends them: a subregion and a final reminder.</summary>
    private static object Changed(string name) => new
    {
        name,
        startsOn = "2026-03-02",
        endsOn = "2026-07-31",
        target = "subregion",
        subregion = "Caribbean",
        messageEs = "Publique la primera oferta de su país.",
        messageEn = "Publish your country's first offer.",
        messagePt = "Publique a primeira oferta do seu país.",
        messageFr = "Publiez la première offre de votre pays.",
        reminderDays = 10,
        finalReminderDays = 20,
    };

    private static async Task<Dictionary<string, string>> ErrorsAsync(AccountClient client, Guid id, string lang, object body)
    {
        using var response = await client.Http.PutAsJsonAsync($"/api/v1/campaigns/{id}?lang={lang}", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
    }

    private static async Task<string> LanguageErrorAsync(AccountClient client, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/campaigns/invitations?lang=de");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("lang")[0].GetString()!;
    }

    /// <summary>Three invitations, one pending, one used, one expired, written straight to the database.</summary>
    private Task<(Invitation Pending, Invitation Used, Invitation Expired)> InvitationsAsync() => factory.WithScopeAsync(async sp =>
    {
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = TimeSpan.FromDays(14);
        var pending = Invitation.Issue($"{PageMatrixHost.Word()}@mae.gouv.ht", "HT", "fr", null, now, lifetime).Invitation;
        var used = Invitation.Issue($"{PageMatrixHost.Word()}@mre.gob.pe", "PE", "es", null, now.AddDays(-2), lifetime).Invitation;
        used.MarkUsed(Guid.CreateVersion7(), now.AddDays(-1));
        var expired = Invitation.Issue($"{PageMatrixHost.Word()}@mfa.gov.jm", "JM", "en", null, now.AddDays(-30), lifetime).Invitation;
        var db = sp.GetRequiredService<Application.Data.CooperaNetDbContext>();
        db.Invitations.AddRange(pending, used, expired);
        await db.SaveChangesAsync(Ct);
        return (pending, used, expired);
    });

    private async Task<string> NameAsync(Guid id)
    {
        await using var db = factory.NewDbContext();
        return await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).SingleAsync(Ct);
    }

    private async Task<long> LastAuditAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Set<AuditEntry>().MaxAsync(a => (long?)a.Id, Ct) ?? 0;
    }

    private static async Task<Guid> UserIdAsync(AccountClient client)
    {
        using var me = await client.Http.GetAsync("/api/v1/me", Ct);
        return (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }
}
