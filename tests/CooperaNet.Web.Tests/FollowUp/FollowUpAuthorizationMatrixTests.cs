using System.Net;
using System.Net.Http.Json;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.FollowUp.FollowUpAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.FollowUp;

/// <summary>
/// Every campaign and follow-up page, handler and endpoint, tried by every kind of user. The
/// secretariat runs campaigns and writes the logs; the working group reads everything; a focal point
/// reads its own state's log (Colombia's) and nothing else here. Allowed writes are saved and audited
/// under their actor; refused ones change nothing.
/// </summary>
public sealed class FollowUpAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    public enum Outcome
    {
        Ok,
        SignIn,
        TwoFactor,
        Denied,
        Forbidden,
        NotFound,

        /// <summary>Redirect after the change, which is saved and audited.</summary>
        Done,

        /// <summary>API: 401.</summary>
        Unauthorized,

        /// <summary>API: 201, saved and audited.</summary>
        Created,

        /// <summary>API: 200, saved and audited.</summary>
        Saved,
    }

    private enum Verb
    {
        Get,
        Post,
        PostJson,
        PutJson,
    }

    private sealed record Row(string Name, Verb Verb, Func<Guid, string> Path, Func<string, object>? Body, Outcome[] Expected);

    private static readonly string[] Audited = ["Campaign", "SocialisationSession", "FollowUpEntry", "Invitation"];

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                          Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("GET campaigns", Verb.Get, _ => "/en/campaigns", null,                                            [SignIn,       Denied,    Denied,    Ok,        Denied,    Denied,    Ok,        TwoFactor]),
        new("GET new campaign", Verb.Get, _ => "/en/campaigns/new", null,                                     [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("POST new campaign", Verb.Post, _ => "/en/campaigns/new", FollowUpData.CampaignForm,              [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Done,      TwoFactor]),
        new("GET campaign", Verb.Get, id => $"/en/campaigns/{id}", null,                                      [SignIn,       Denied,    Denied,    Ok,        Denied,    Denied,    Ok,        TwoFactor]),
        new("GET edit campaign", Verb.Get, id => $"/en/campaigns/{id}/edit", null,                            [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("POST edit campaign", Verb.Post, id => $"/en/campaigns/{id}/edit", FollowUpData.CampaignForm,     [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Done,      TwoFactor]),
        new("POST start campaign", Verb.Post, id => $"/en/campaigns/{id}?handler=Move", StartForm,         [SignIn,       Denied,    Denied,    Forbidden, Denied,    Denied,    Done,      TwoFactor]),
        new("GET sessions", Verb.Get, _ => "/en/campaigns/sessions", null,                                    [SignIn,       Denied,    Denied,    Ok,        Denied,    Denied,    Ok,        TwoFactor]),
        new("POST plan session", Verb.Post, _ => "/en/campaigns/sessions?handler=Plan", Session,              [SignIn,       Denied,    Denied,    Forbidden, Denied,    Denied,    Done,      TwoFactor]),
        new("GET invitations", Verb.Get, _ => "/en/campaigns/invitations", null,                              [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("POST invitation", Verb.Post, _ => "/en/campaigns/invitations", Invite,                           [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Done,      TwoFactor]),
        new("GET follow-up log", Verb.Get, _ => "/en/follow-up/CO", null,                                     [SignIn,       Forbidden, Forbidden, Ok,        Forbidden, Ok,        Ok,        TwoFactor]),
        new("POST follow-up entry", Verb.Post, _ => "/en/follow-up/CO?handler=Add", Entry,                    [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET overdue next steps", Verb.Get, _ => "/en/follow-up/overdue", null,                           [SignIn,       Denied,    Denied,    Ok,        Denied,    Denied,    Ok,        TwoFactor]),
        new("GET accept invitation, bad link", Verb.Get, _ => "/en/account/accept-invitation?token=inv_x", null, [NotFound,   NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound]),

        new("API list campaigns", Verb.Get, _ => "/api/v1/campaigns", null,                                   [Unauthorized, Forbidden, Forbidden, Ok,        Forbidden, Forbidden, Ok,        Forbidden]),
        new("API get campaign", Verb.Get, id => $"/api/v1/campaigns/{id}", null,                              [Unauthorized, Forbidden, Forbidden, Ok,        Forbidden, Forbidden, Ok,        Forbidden]),
        new("API create campaign", Verb.PostJson, _ => "/api/v1/campaigns", FollowUpData.CampaignJson,        [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API edit campaign", Verb.PutJson, id => $"/api/v1/campaigns/{id}", FollowUpData.CampaignJson,    [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API list invitations", Verb.Get, _ => "/api/v1/campaigns/invitations", null,                     [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Forbidden]),
        new("API get invitation, unknown", Verb.Get, id => $"/api/v1/campaigns/invitations/{id}", null,       [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound,  Forbidden]),
        new("API follow-up log", Verb.Get, _ => "/api/v1/follow-up/CO", null,                                 [Unauthorized, Forbidden, Forbidden, Ok,        Forbidden, Ok,        Ok,        Forbidden]),
        new("API add follow-up entry", Verb.PostJson, _ => "/api/v1/follow-up/CO", EntryJson,                 [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API overdue next steps", Verb.Get, _ => "/api/v1/follow-up/overdue", null,                       [Unauthorized, Forbidden, Forbidden, Ok,        Forbidden, Forbidden, Ok,        Forbidden]),
    ];

    private static Dictionary<string, string> StartForm(string name) => new() { ["move"] = "start" };

    public static TheoryData<string, Who, Outcome> Cases()
    {
        var data = new TheoryData<string, Who, Outcome>();
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetValues<Who>().Length, row.Expected.Length);
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(row.Name, who, row.Expected[(int)who]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_campaign_and_follow_up_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var name = "Campaña " + PageMatrixHost.Word();
        var campaign = await host.DraftCampaignAsync(name);
        var session = await host.SessionAsync(who);
        var path = line.Path(campaign.Id);
        var lastAudit = await host.LastAuditAsync();

        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, (Dictionary<string, string>)line.Body!(name)),
            Verb.PutJson => await session.Browser.Http.PutAsJsonAsync(path, line.Body!(name), TestContext.Current.CancellationToken),
            _ => await session.Browser.Http.PostAsJsonAsync(path, line.Body!(name), TestContext.Current.CancellationToken),
        };

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"{line.Verb} {path} answered {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in?ReturnUrl=", StringComparison.Ordinal), status);
                break;
            case TwoFactor:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location == "/en/account/profile#two-factor", status);
                break;
            case Denied:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal), status);
                break;
            case Done:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && (location.StartsWith("/en/campaigns", StringComparison.Ordinal) || location.StartsWith("/en/follow-up", StringComparison.Ordinal)), status);
                break;
            default:
                var code = expected switch
                {
                    Ok or Saved => HttpStatusCode.OK,
                    Forbidden => HttpStatusCode.Forbidden,
                    NotFound => HttpStatusCode.NotFound,
                    Unauthorized => HttpStatusCode.Unauthorized,
                    _ => HttpStatusCode.Created,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await host.AuditSinceAsync(lastAudit, Audited);
        if (expected is Done or Created or Saved)
        {
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Equal(session.UserId, r.ActorId));
        }
        else
        {
            Assert.Empty(records);
        }
    }

    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.Expert)]
    [InlineData(Who.Partner)]
    [InlineData(Who.WorkingGroupMember)]
    [InlineData(Who.AnotherStatesFocalPoint)]
    [InlineData(Who.OwnFocalPoint)]
    [InlineData(Who.Secretariat)]
    [InlineData(Who.SecretariatWithoutSecondFactor)]
    public async Task Every_follow_up_write_endpoint_is_the_secretariats_alone(Who who)
    {
        var campaign = await host.DraftCampaignAsync("Campaña " + PageMatrixHost.Word());
        var (session, entry) = await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Application.Data.CooperaNetDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var planned = Domain.FollowUp.SocialisationSession.Plan(Guid.CreateVersion7(now), "Webinar", Domain.FollowUp.SessionKind.Webinar, new DateOnly(2026, 4, 1), ["CO"], now).Session!;
            var logged = Domain.FollowUp.FollowUpEntry.Record(Guid.CreateVersion7(now), "CO", Domain.FollowUp.FollowUpKind.Contact, new DateOnly(2026, 3, 1), "Llamada", "Enviar guía", new DateOnly(2026, 3, 8), now).Entry!;
            db.SocialisationSessions.Add(planned);
            db.FollowUpEntries.Add(logged);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return (planned.Id, logged.Id);
        });
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1/campaigns", StringComparison.Ordinal) || raw.StartsWith("/api/v1/follow-up", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET").Select(m => (Method: m, Template: e.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct()
            .ToList();
        Assert.Equal(9, endpoints.Count);
        var user = await host.SessionAsync(who);
        var wrong = new List<string>();
        foreach (var (method, template) in endpoints)
        {
            var path = template.Replace("{state:length(2)}", "CO", StringComparison.Ordinal)
                .Replace("sessions/{id:guid}", $"sessions/{session}", StringComparison.Ordinal)
                .Replace("CO/{id:guid}", $"CO/{entry}", StringComparison.Ordinal)
                .Replace("{id:guid}", campaign.Id.ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
            using var response = await user.Browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
            var allowed = response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
            var expected = who == Who.Secretariat;
            var refusal = who == Who.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            if (allowed != expected || (!expected && response.StatusCode != refusal))
            {
                wrong.Add($"{method} {template}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    private static Dictionary<string, string> Session(string name) => new()
    {
        ["Form.Title"] = "Webinar " + name,
        ["Form.Kind"] = "webinar",
        ["Form.HeldOn"] = "2026-04-15",
        ["Form.States"] = "CO, HT",
    };

    private static Dictionary<string, string> Invite(string name) => new()
    {
        ["Form.Email"] = $"{PageMatrixHost.Word()}@example.org",
        ["Form.State"] = "CO",
        ["Form.Language"] = "es",
    };

    private static Dictionary<string, string> Entry(string name) => new()
    {
        ["Form.Kind"] = "meeting",
        ["Form.OccurredOn"] = "2026-03-02",
        ["Form.Note"] = "Reunión con la cancillería: " + name,
        ["Form.NextStep"] = "Enviar la guía de publicación",
        ["Form.NextStepDue"] = "2026-03-16",
    };

    private static object EntryJson(string name) => new { kind = "commitment", occurredOn = "2026-03-02", note = "Compromiso: " + name, nextStep = "Revisar borradores", nextStepDue = "2026-03-20" };
}
