using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Experts.AssignmentsAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>
/// Every assignments' page, handler and endpoint, and the profile reads they open, tried by every kind
/// of user: the secretariat (with its second factor) ranks, proposes and completes; the assigned
/// expert accepts or declines; the receiving state's focal points read the expert's profile and CV and
/// evaluate; the others see nothing of it. Each case works on a fresh assignment of the matrix's expert
/// to a Colombian demand at the stage the row needs. Allowed writes and CV reads are audited under
/// their actor; refused requests record nothing.
/// </summary>
public sealed class AssignmentsAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    private static readonly ConcurrentDictionary<PageMatrixHost, Lazy<Task<PageMatrixHost.Session>>> OtherExperts = new();

    /// <summary>The users of the matrix.</summary>
    public enum Actor
    {
        Anonymous,
        AssignedExpert,
        AnotherExpert,
        ReceivingFocalPoint,
        AnotherStatesFocalPoint,
        SecretariatWithoutSecondFactor,
        Secretariat,
    }

    public enum Outcome
    {
        Ok,
        SignIn,
        TwoFactor,
        Denied,

        /// <summary>403: a page's status, or the API's.</summary>
        Forbidden,

        /// <summary>API: 401.</summary>
        Unauthorized,

        /// <summary>Page: redirect to the expert's own profile, nothing written.</summary>
        ToProfile,

        /// <summary>Page: redirect after the change, which is saved and audited under the user.</summary>
        Done,

        /// <summary>API: 200 or 201 after a change or a CV read, audited under the caller.</summary>
        Audited,
    }

    private enum Verb
    {
        Get,
        Post,
        PostJson,
    }

    /// <summary>A row: the route it covers, the stage of the case's assignment, and how to call it ({id}, {expert}, {demand} filled in).</summary>
    private sealed record Row(string Name, string Route, AssignmentStage Stage, Verb Verb, string Path, Func<Dictionary<string, string>>? Body, Outcome[] Expected);

    private static readonly string[] AuditedEntities = ["ExpertAssignment", "ExpertCv"];

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                                                                       Anonymous     Assigned   Another    Receiving  OtherState Secr.no2FA Secretariat
        new("GET assignments", "experts/assignments", AssignmentStage.Proposed, Verb.Get, "/en/experts/assignments", null,                                    [SignIn,       ToProfile, ToProfile, Ok,        Ok,        TwoFactor, Ok]),
        new("POST assignments, evaluate", "experts/assignments", AssignmentStage.Completed, Verb.Post, "/en/experts/assignments?handler=Evaluate", Evaluation, [SignIn,       Forbidden, Forbidden, Done,      Forbidden, TwoFactor, Forbidden]),
        new("POST assignments, complete", "experts/assignments", AssignmentStage.Accepted, Verb.Post, "/en/experts/assignments?handler=Complete", Nothing,     [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, TwoFactor, Done]),
        new("GET propose", "experts/assignments/propose", AssignmentStage.Proposed, Verb.Get, "/en/experts/assignments/propose?demand={demand}", null,       [SignIn,       Denied,    Denied,    Denied,    Denied,    TwoFactor, Ok]),
        new("POST propose", "experts/assignments/propose", AssignmentStage.Proposed, Verb.Post, "/en/experts/assignments/propose?demand={demand}", Proposal, [SignIn,       Denied,    Denied,    Denied,    Denied,    TwoFactor, Done]),
        new("POST profile, accept", "experts/profile", AssignmentStage.Proposed, Verb.Post, "/en/experts/profile?handler=Accept", Nothing,                   [SignIn,       Done,      Forbidden, Denied,    Denied,    TwoFactor, Denied]),
        new("POST profile, decline", "experts/profile", AssignmentStage.Proposed, Verb.Post, "/en/experts/profile?handler=Decline", Reason,                  [SignIn,       Done,      Forbidden, Denied,    Denied,    TwoFactor, Denied]),
        new("GET the assigned expert", "experts/{id:guid}", AssignmentStage.Accepted, Verb.Get, "/en/experts/{expert}", null,                                [SignIn,       Ok,        Denied,    Ok,        Denied,    TwoFactor, Ok]),
        new("POST the assigned expert, complete", "experts/{id:guid}", AssignmentStage.Accepted, Verb.Post, "/en/experts/{expert}?handler=Complete", Nothing, [SignIn,      Forbidden, Denied,    Forbidden, Denied,    TwoFactor, Done]),

        new("API candidates", "GET /api/v1/expert-assignments/candidates", AssignmentStage.Proposed, Verb.Get, "/api/v1/expert-assignments/candidates?demand={demand}", null, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        new("API propose", "POST /api/v1/expert-assignments", AssignmentStage.Proposed, Verb.PostJson, "/api/v1/expert-assignments", Proposal,               [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Audited]),
        new("API list", "GET /api/v1/expert-assignments", AssignmentStage.Proposed, Verb.Get, "/api/v1/expert-assignments", null,                           [Unauthorized, Ok,        Ok,        Ok,        Ok,        Forbidden, Ok]),
        new("API one", "GET /api/v1/expert-assignments/{id:guid}", AssignmentStage.Proposed, Verb.Get, "/api/v1/expert-assignments/{id}", null,             [Unauthorized, Ok,        Forbidden, Ok,        Forbidden, Forbidden, Ok]),
        new("API accept", "POST /api/v1/expert-assignments/{id:guid}/accept", AssignmentStage.Proposed, Verb.PostJson, "/api/v1/expert-assignments/{id}/accept", Nothing, [Unauthorized, Audited, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API decline", "POST /api/v1/expert-assignments/{id:guid}/decline", AssignmentStage.Proposed, Verb.PostJson, "/api/v1/expert-assignments/{id}/decline", Reason, [Unauthorized, Audited, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API complete", "POST /api/v1/expert-assignments/{id:guid}/complete", AssignmentStage.Accepted, Verb.PostJson, "/api/v1/expert-assignments/{id}/complete", Nothing, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Audited]),
        new("API evaluate", "POST /api/v1/expert-assignments/{id:guid}/evaluation", AssignmentStage.Completed, Verb.PostJson, "/api/v1/expert-assignments/{id}/evaluation", Evaluation, [Unauthorized, Forbidden, Forbidden, Audited, Forbidden, Forbidden, Forbidden]),
        new("API the assigned expert", "GET /api/v1/experts/{id:guid}", AssignmentStage.Accepted, Verb.Get, "/api/v1/experts/{expert}", null,              [Unauthorized, Ok,        Forbidden, Ok,        Forbidden, Forbidden, Ok]),
        new("API the assigned expert's CV", "GET /api/v1/experts/{id:guid}/cv", AssignmentStage.Accepted, Verb.Get, "/api/v1/experts/{expert}/cv", null,   [Unauthorized, Audited,   Forbidden, Audited,   Forbidden, Forbidden, Audited]),
    ];

    public static TheoryData<string, Actor, Outcome> Cases()
    {
        var data = new TheoryData<string, Actor, Outcome>();
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetValues<Actor>().Length, row.Expected.Length);
            foreach (var actor in Enum.GetValues<Actor>())
            {
                data.Add(row.Name, actor, row.Expected[(int)actor]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_assignments_page_and_endpoint_answers_each_user_as_the_table_says(string row, Actor actor, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var expert = await host.GiveProfileAsync(await host.SessionAsync(Who.Expert));
        await host.JoinRosterAsync(expert);
        var demand = await host.WaterDemandAsync("CO");
        var assignment = await host.AssignmentAsync(expert, demand.Id, line.Stage);
        var session = await SessionAsync(actor);
        string Fill(string text) => text.Replace("{id}", assignment.Id.ToString(), StringComparison.Ordinal)
            .Replace("{expert}", expert.ToString(), StringComparison.Ordinal).Replace("{demand}", demand.Id.ToString(), StringComparison.Ordinal);
        var path = Fill(line.Path);
        var body = line.Body?.Invoke().ToDictionary(p => p.Key, p => Fill(p.Value));
        var lastAudit = await host.LastAuditAsync();

        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, body!),
            _ => await session.Browser.Http.PostAsJsonAsync(path, Json(body!), TestContext.Current.CancellationToken),
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
            case ToProfile:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/experts/profile", StringComparison.Ordinal), status);
                break;
            case Done:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/", StringComparison.Ordinal) && !location.StartsWith("/en/account/", StringComparison.Ordinal), status);
                break;
            case Audited:
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, status);
                break;
            default:
                var code = expected switch
                {
                    Ok => HttpStatusCode.OK,
                    Forbidden => HttpStatusCode.Forbidden,
                    _ => HttpStatusCode.Unauthorized,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await host.AuditSinceAsync(lastAudit, AuditedEntities);
        if (expected is Done or Audited)
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
    public void Every_assignments_page_and_endpoint_is_in_the_table()
    {
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { } page
                ? (page.ViewEnginePath.StartsWith("/Experts/", StringComparison.Ordinal) && e.RoutePattern.RawText!.Contains("experts/assignments", StringComparison.Ordinal)
                    ? [e.RoutePattern.RawText!.Replace("{culture:lang}/", string.Empty, StringComparison.Ordinal)] : [])
                : e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/expert-assignments", StringComparison.Ordinal)
                    ? (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {raw.TrimEnd('/')}")
                    : [])
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(routes);
        Assert.Subset(Table.Select(r => r.Route).ToHashSet(StringComparer.Ordinal), routes);
    }

    private static Dictionary<string, string> Nothing() => new() { ["assignmentId"] = "{id}" };

    private static Dictionary<string, string> Reason() => new() { ["assignmentId"] = "{id}", ["reason"] = "Otra misión en esas fechas." };

    private static Dictionary<string, string> Evaluation() => new() { ["assignmentId"] = "{id}", ["score"] = "4", ["comment"] = "Buen trabajo." };

    private static Dictionary<string, string> Proposal() => new()
    {
        ["Input.ExpertId"] = "{expert}",
        ["demandId"] = "{demand}",
        ["Input.Role"] = "Formación",
        ["Input.StartsOn"] = "2026-01-05",
        ["Input.EndsOn"] = "2026-02-05",
    };

    /// <summary>The API's body for a form's fields: the propose form's names without their prefix, numbers as numbers.</summary>
    private static Dictionary<string, object> Json(Dictionary<string, string> fields) => fields.ToDictionary(
        p => p.Key.Replace("Input.", string.Empty, StringComparison.Ordinal) is var name && name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name,
        p => p.Key == "score" ? int.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture) : (object)p.Value);

    private async Task<PageMatrixHost.Session> SessionAsync(Actor actor) => actor switch
    {
        Actor.AnotherExpert => await OtherExperts.GetOrAdd(host, h => new Lazy<Task<PageMatrixHost.Session>>(() => OtherExpertAsync(h))).Value,
        _ => await host.SessionAsync(actor switch
        {
            Actor.Anonymous => Who.Anonymous,
            Actor.AssignedExpert => Who.Expert,
            Actor.ReceivingFocalPoint => Who.OwnFocalPoint,
            Actor.AnotherStatesFocalPoint => Who.AnotherStatesFocalPoint,
            Actor.SecretariatWithoutSecondFactor => Who.SecretariatWithoutSecondFactor,
            _ => Who.Secretariat,
        }),
    };

    /// <summary>An expert of the roster who is not the one assigned, signed in once for the class.</summary>
    private static async Task<PageMatrixHost.Session> OtherExpertAsync(PageMatrixHost host)
    {
        var (profile, email) = await host.RosterExpertAsync(ExpertData.AProfile("Otro Experto Matriz"));
        var browser = await host.SignedInAsync(email);
        return new PageMatrixHost.Session(Who.Expert, browser, AccountClient.FormToken(await browser.PageAsync("/en/account/profile")), profile.UserId, email, null);
    }
}
