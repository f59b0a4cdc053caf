using System.Net;
using System.Net.Http.Json;
using CooperaNet.Domain.Events;
using CooperaNet.Web.Tests.CatalogPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Events.EventsAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Events;

/// <summary>
/// Every events page, handler and endpoint, tried by every kind of user on a fresh event. The table is the
/// rule: anyone reads published and cancelled events, only the secretariat sees drafts and writes events,
/// any signed-in user registers and cancels their own registration. Allowed writes are saved and audited
/// under their actor; refused ones change nothing.
/// </summary>
public sealed class EventsAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    public enum Outcome
    {
        Ok,
        SignIn,
        TwoFactor,
        Forbidden,
        NotFound,
        Conflict,

        /// <summary>Page: redirect after the change, which is saved and audited.</summary>
        Done,

        /// <summary>API: 401.</summary>
        Unauthorized,

        /// <summary>API: 200 after a write, saved and audited.</summary>
        Saved,

        /// <summary>API: 201, saved and audited.</summary>
        Created,
    }

    private enum Verb
    {
        Get,
        Post,
        PostJson,
        PutJson,
        Delete,
    }

    /// <summary>
    /// One case: <paramref name="Registered"/> puts the trying user on the event's list first; a proposed
    /// event is the trying user's own proposal when <paramref name="Mine"/>, someone else's otherwise.
    /// </summary>
    private sealed record Row(string Name, Verb Verb, EventStatus Status, bool Registered, string Path, Func<object>? Body, Outcome[] Expected, bool Mine = false);

    private static readonly string[] Audited = ["Event", "EventMaterial", "EventRegistration"];

    private const EventStatus Draft = EventStatus.Draft;
    private const EventStatus Public = EventStatus.Published;
    private const EventStatus Proposed = EventStatus.Proposed;

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                             Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("GET list", Verb.Get, Public, false, "/en/events", null,                                             [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET month", Verb.Get, Public, false, "/en/events/month/2027-05", null,                              [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET month query", Verb.Get, Public, false, "/en/events/month?month=2027-05", null,                  [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET published", Verb.Get, Public, false, "/en/events/{id}", null,                                  [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET cancelled", Verb.Get, EventStatus.Cancelled, false, "/en/events/{id}", null,                   [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET draft", Verb.Get, Draft, false, "/en/events/{id}", null,                                        [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        TwoFactor]),
        new("GET new", Verb.Get, Draft, false, "/en/events/new", null,                                           [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST new", Verb.Post, Draft, false, "/en/events/new", NewForm,                                      [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET edit", Verb.Get, Draft, false, "/en/events/{id}/edit", null,                                    [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST edit", Verb.Post, Public, false, "/en/events/{id}/edit", NewForm,                              [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST publish", Verb.Post, Draft, false, "/en/events/{id}?handler=Publish", Empty,                   [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST cancel", Verb.Post, Public, false, "/en/events/{id}?handler=Cancel", Empty,                    [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST cancel twice", Verb.Post, EventStatus.Cancelled, false, "/en/events/{id}?handler=Cancel", Empty, [SignIn,     Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  TwoFactor]),
        new("POST register", Verb.Post, Public, false, "/en/events/{id}?handler=Register", Empty,                [SignIn,       Done,      Done,      Done,      Done,      Done,      Done,      TwoFactor]),
        new("POST register to draft", Verb.Post, Draft, false, "/en/events/{id}?handler=Register", Empty,        [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  TwoFactor]),
        new("POST unregister", Verb.Post, Public, true, "/en/events/{id}?handler=Unregister", Empty,             [SignIn,       Done,      Done,      Done,      Done,      Done,      Done,      TwoFactor]),
        new("GET propose", Verb.Get, Draft, false, "/en/events/propose", null,                                   [SignIn,       Forbidden, Ok,        Forbidden, Ok,        Ok,        Forbidden, TwoFactor]),
        new("POST propose", Verb.Post, Draft, false, "/en/events/propose", NewForm,                              [SignIn,       Forbidden, Done,      Forbidden, Done,      Done,      Forbidden, TwoFactor]),
        new("GET own proposal", Verb.Get, Proposed, false, "/en/events/{id}", null,                              [NotFound,     Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor], Mine: true),
        new("GET another's proposal", Verb.Get, Proposed, false, "/en/events/{id}", null,                        [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        TwoFactor]),
        new("POST publish proposal", Verb.Post, Proposed, false, "/en/events/{id}?handler=Publish", Empty,       [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST decline", Verb.Post, Proposed, false, "/en/events/{id}?handler=Decline", Empty,                [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor], Mine: true),
        new("POST decline published", Verb.Post, Public, false, "/en/events/{id}?handler=Decline", Empty,        [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  TwoFactor]),

        new("API list", Verb.Get, Public, false, "/api/v1/events", null,                                         [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API feed", Verb.Get, Public, false, "/events.ics", null,                                            [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API file", Verb.Get, Public, false, "/events/{id}.ics", null,                                       [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API file of draft", Verb.Get, Draft, false, "/events/{id}.ics", null,                               [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound]),
        new("API published", Verb.Get, Public, false, "/api/v1/events/{id}", null,                               [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API draft", Verb.Get, Draft, false, "/api/v1/events/{id}", null,                                    [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        NotFound]),
        new("API create", Verb.PostJson, Draft, false, "/api/v1/events", NewJson,                                [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API update", Verb.PutJson, Public, false, "/api/v1/events/{id}", NewJson,                           [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API publish", Verb.PostJson, Draft, false, "/api/v1/events/{id}/publish", Empty,                    [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API cancel", Verb.PostJson, Public, false, "/api/v1/events/{id}/cancel", Empty,                     [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API register", Verb.PostJson, Public, false, "/api/v1/events/{id}/registration", Empty,             [Unauthorized, Saved,     Saved,     Saved,     Saved,     Saved,     Saved,     Saved]),
        new("API unregister", Verb.Delete, Public, true, "/api/v1/events/{id}/registration", null,               [Unauthorized, Saved,     Saved,     Saved,     Saved,     Saved,     Saved,     Saved]),
        new("API unregister not registered", Verb.Delete, Public, false, "/api/v1/events/{id}/registration", null, [Unauthorized, NotFound, NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound]),
        new("API propose", Verb.PostJson, Draft, false, "/api/v1/events/proposals", NewJson,                     [Unauthorized, Forbidden, Created,   Forbidden, Created,   Created,   Forbidden, Forbidden]),
        new("API my proposals", Verb.Get, Proposed, false, "/api/v1/events/proposals/mine", null,                [Unauthorized, Forbidden, Ok,        Forbidden, Ok,        Ok,        Forbidden, Forbidden], Mine: true),
        new("API own proposal", Verb.Get, Proposed, false, "/api/v1/events/{id}", null,                          [NotFound,     Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok], Mine: true),
        new("API another's proposal", Verb.Get, Proposed, false, "/api/v1/events/{id}", null,                    [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        NotFound]),
        new("API decline", Verb.PostJson, Proposed, false, "/api/v1/events/{id}/decline", Empty,                 [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden], Mine: true),
        new("API register to proposal", Verb.PostJson, Proposed, false, "/api/v1/events/{id}/registration", Empty, [Unauthorized, NotFound, NotFound, NotFound,  NotFound,  NotFound,  NotFound,  NotFound], Mine: true),
    ];

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
    public async Task Each_events_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var item = await EventData.SaveAsync(host, line.Status, "Evento " + PageMatrixHost.Word(), registered: line.Registered ? session.UserId : null, proposedBy: line.Mine ? session.UserId : null);
        var path = line.Path.Replace("{id}", item.Id.ToString(), StringComparison.Ordinal);
        var body = line.Body?.Invoke();

        var lastAudit = await host.LastAuditAsync();
        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, (Dictionary<string, string>)body!),
            Verb.PostJson => await session.Browser.Http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken),
            Verb.PutJson => await session.Browser.Http.PutAsJsonAsync(path, body, TestContext.Current.CancellationToken),
            _ => await session.Browser.Http.DeleteAsync(path, TestContext.Current.CancellationToken),
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
            case Done:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/events/", StringComparison.Ordinal), status);
                break;
            case Forbidden when line.Name.StartsWith("API", StringComparison.Ordinal):
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, status);
                break;
            case Forbidden:
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal)), status);
                break;
            default:
                var code = expected switch
                {
                    Ok or Saved => HttpStatusCode.OK,
                    NotFound => HttpStatusCode.NotFound,
                    Conflict => HttpStatusCode.Conflict,
                    Unauthorized => HttpStatusCode.Unauthorized,
                    _ => HttpStatusCode.Created,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await host.AuditSinceAsync(lastAudit, Audited);
        if (expected is Done or Saved or Created)
        {
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Equal(session.UserId, r.ActorId));
        }
        else
        {
            Assert.Empty(records);
        }
    }

    [Fact]
    public void Every_events_endpoint_is_in_the_table()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1/events", StringComparison.Ordinal) || raw.EndsWith(".ics", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Shape(e.RoutePattern.RawText!)}"))
            .Distinct()
            .ToList();
        var tried = Table.Where(r => r.Name.StartsWith("API", StringComparison.Ordinal))
            .Select(r => $"{Method(r.Verb)} {Shape(r.Path)}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(13, endpoints.Count);
        Assert.All(endpoints, e => Assert.Contains(e, tried));
    }

    private static string Method(Verb verb) => verb switch
    {
        Verb.Get => "GET",
        Verb.PutJson => "PUT",
        Verb.Delete => "DELETE",
        _ => "POST",
    };

    /// <summary>A path with every parameter as "*": "/api/v1/events/{id:guid}/publish" → "/api/v1/events/*/publish".</summary>
    private static string Shape(string path)
    {
        var segments = path.TrimEnd('/').Split('/').Select(s => s.StartsWith('{') ? (s.EndsWith(".ics", StringComparison.Ordinal) ? "*.ics" : "*") : s);
        return string.Join('/', segments);
    }

    private static object NewForm() => EventData.Form("Evento " + PageMatrixHost.Word());

    private static object NewJson() => EventData.Json("Evento " + PageMatrixHost.Word());

    private static object Empty() => new Dictionary<string, string>();
}
