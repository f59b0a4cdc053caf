using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.FollowUp;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.FollowUp;

/// <summary>The secretariat's campaign and follow-up pages and API, and the unsubscribe link, through HTTP.</summary>
public sealed class CampaignPagesTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Campaign_form_errors_are_listed_and_linked_to_their_fields_in_the_page_language()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, lang: "es");
        var form = FollowUpData.CampaignForm("Campaña incompleta");
        form["Form.MessagePt"] = " ";
        form["Form.EndsOn"] = "2026-01-01";

        using var response = await secretariat.PostFormAsync("/es/campaigns/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await AccountClient.TextAsync(response);
        Assert.Contains("<a href=\"#Form_EndsOn\">La fecha de fin no puede ser anterior a la de inicio.</a>", page);
        Assert.Contains("<a href=\"#Form_MessagePt\">Este campo es obligatorio.</a>", page);
        Assert.Contains("id=\"Form_MessagePt\"", page);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Campaigns.AnyAsync(c => c.Name == "Campaña incompleta", Ct));
    }

    [Fact]
    public async Task A_campaign_starts_once_and_then_can_no_longer_be_edited()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        using var created = await secretariat.Http.PostAsJsonAsync("/api/v1/campaigns", FollowUpData.CampaignJson("Campaign API"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        using var started = await secretariat.Http.PostAsync($"/api/v1/campaigns/{id}/start", null, Ct);
        using var again = await secretariat.Http.PostAsync($"/api/v1/campaigns/{id}/start?lang=pt", null, Ct);
        using var edit = await secretariat.GetAsync($"/en/campaigns/{id}/edit");

        Assert.Equal("running", (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("A campanha ou o passo já não está", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
    }

    [Fact]
    public async Task The_campaign_page_shows_the_steps_sent_to_each_state()
    {
        await factory.CreateUserAsync("fp-co@cancilleria.gov.co", Roles.FocalPoint, "CO");
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var campaign = await factory.DraftCampaignAsync("Campaña andina");
        using (var start = await secretariat.PostFormAsync($"/en/campaigns/{campaign.Id}?handler=Move", new Dictionary<string, string> { ["move"] = "start" }, $"/en/campaigns/{campaign.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }

        Assert.True(await factory.Services.GetRequiredService<CampaignReminderJob>().RunOnceAsync(Ct) >= 1);
        var page = await secretariat.PageAsync($"/en/campaigns/{campaign.Id}");

        Assert.Contains("<dd>Running</dd>", page);
        Assert.Matches(@"<a href=""/en/follow-up/CO"">Colombia</a></th>\s*<td>1</td>\s*<td>1</td>", page);
        Assert.Matches(@"<a href=""/en/follow-up/PE"">Peru</a></th>\s*<td>—</td>\s*<td>0</td>", page);
        await using var db = factory.NewDbContext();
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.To == "fp-co@cancilleria.gov.co", Ct);
        Assert.Equal("Campaña andina: CooperaNet le invita a compartir su cooperación", message.Subject);
        Assert.Contains("Publique la primera oferta de su país.", message.TextBody);
    }

    [Fact]
    public async Task An_overdue_next_step_is_listed_for_the_secretariat_until_it_is_marked_done()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        using (var added = await secretariat.PostFormAsync("/en/follow-up/GT?handler=Add", new Dictionary<string, string>
        {
            ["Form.Kind"] = "commitment",
            ["Form.OccurredOn"] = today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Note"] = "Guatemala will publish two offers on water",
            ["Form.NextStep"] = "Call the ministry about the drafts",
            ["Form.NextStepDue"] = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, "/en/follow-up/GT"))
        {
            Assert.Equal("/en/follow-up/GT", added.Headers.Location?.OriginalString);
        }

        var overdue = await secretariat.PageAsync("/en/follow-up/overdue");
        Assert.Contains("Call the ministry about the drafts", overdue);
        await using var db = factory.NewDbContext();
        var entry = await db.FollowUpEntries.AsNoTracking().SingleAsync(e => e.StateCode == "GT", Ct);

        using (var done = await secretariat.PostFormAsync("/en/follow-up/GT?handler=Done", new Dictionary<string, string> { ["entry"] = entry.Id.ToString() }, "/en/follow-up/GT"))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.DoesNotContain("Call the ministry about the drafts", await secretariat.PageAsync("/en/follow-up/overdue"));
        using var api = await secretariat.Http.GetAsync("/api/v1/follow-up/GT", Ct);
        var log = await api.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(log.GetProperty("entries")[0].GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task A_focal_point_reads_its_own_states_log_without_the_forms_to_change_it()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        using var added = await secretariat.Http.PostAsJsonAsync("/api/v1/follow-up/EC", new { kind = "meeting", occurredOn = "2026-02-10", note = "Meeting with the foreign ministry" }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var focalPoint = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "EC");

        var page = await focalPoint.PageAsync("/en/follow-up/EC");

        Assert.Contains("Meeting with the foreign ministry", page);
        Assert.DoesNotContain("handler=Add", page);
        Assert.DoesNotContain("Mark as done", page);
    }

    [Fact]
    public async Task The_unsubscribe_link_records_the_choice_only_when_the_button_is_pressed()
    {
        var tokens = factory.Services.GetRequiredService<UnsubscribeTokens>();
        var token = Uri.EscapeDataString(tokens.For("Rosa.Diaz@example.org"));
        var browser = AccountClient.For(factory);

        var page = await browser.PageAsync($"/es/follow-up/unsubscribe?token={token}");
        Assert.Contains("Darme de baja", page);
        await using (var db = factory.NewDbContext())
        {
            Assert.False(await db.ReminderOptOuts.AnyAsync(o => o.NormalizedEmail == "ROSA.DIAZ@EXAMPLE.ORG", Ct));
        }

        using var done = await browser.PostFormAsync($"/es/follow-up/unsubscribe?token={token}", new Dictionary<string, string> { ["token"] = Uri.UnescapeDataString(token) });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("no recibirá más mensajes", await AccountClient.TextAsync(done));
        await using (var db = factory.NewDbContext())
        {
            Assert.True(await db.ReminderOptOuts.AnyAsync(o => o.NormalizedEmail == "ROSA.DIAZ@EXAMPLE.ORG", Ct));
        }
    }

    [Fact]
    public async Task A_changed_unsubscribe_link_is_refused_with_a_clear_message()
    {
        using var response = await AccountClient.For(factory).GetAsync("/fr/follow-up/unsubscribe?token=CfDJ8-not-a-real-token");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ce lien de désabonnement n'est pas valide.", await AccountClient.TextAsync(response));
    }
}
