using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Experts.CallsAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>
/// Every page, handler and endpoint of the calls for experts, tried by every kind of user. Anyone reads
/// the published calls; an expert with a profile applies and reads their own applications (an expert
/// account without a profile finds nothing to apply with); only the secretariat with its second factor
/// writes calls and vets applications. Allowed writes are audited under their actor; refused ones
/// record nothing.
/// </summary>
public sealed partial class CallsAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    /// <summary>The columns of the table.</summary>
    public enum Caller
    {
        Anonymous,
        Expert,

        /// <summary>An expert account without a profile.</summary>
        AnotherExpert,
        Partner,
        WorkingGroupMember,
        FocalPoint,
        SecretariatWithoutSecondFactor,
        Secretariat,
    }

    public enum Outcome
    {
        /// <summary>200, nothing written.</summary>
        Ok,

        /// <summary>Page: redirect to sign in.</summary>
        SignIn,

        /// <summary>Page: redirect to set up the second factor.</summary>
        TwoFactor,

        /// <summary>Page: redirect to access denied.</summary>
        Denied,
        NotFound,

        /// <summary>API: 403.</summary>
        Forbidden,

        /// <summary>API: 401.</summary>
        Unauthorized,

        /// <summary>Page: redirect back to a calls page after the change, audited under the caller.</summary>
        Done,

        /// <summary>API: 200, 201 or 204 after the change, audited under the caller.</summary>
        Audited,
    }

    private enum Verb
    {
        Get,
        Post,
        PostJson,
        PutJson,
    }

    /// <summary>The fresh things a case needs, made before it runs: a draft, a published call, and an application to another one.</summary>
    private sealed record Ids(Guid Draft, Guid Published, Guid Call, Guid Application);

    private sealed record Row(string Name, string Route, Verb Verb, string Path, Func<Ids, object>? Body, Outcome[] Expected);

    private static readonly string[] AuditedEntities = ["ExpertCall", "CallApplication", "ApplicationReview", "ExpertProfile"];

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                                       Anonymous     Expert     OtherExp.  Partner    WorkGroup  FocalPt.   Secr.no2FA  Secretariat
        new("GET calls", "experts/calls", Verb.Get, "/en/experts/calls", null,                                            [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor,  Ok]),
        new("GET a published call", "experts/calls/{id:guid}", Verb.Get, "/en/experts/calls/{published}", null,           [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor,  Ok]),
        new("GET a draft", "experts/calls/{id:guid}", Verb.Get, "/en/experts/calls/{draft}", null,                         [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  TwoFactor,  Ok]),
        new("POST apply", "experts/calls/{id:guid}", Verb.Post, "/en/experts/calls/{published}?handler=Apply", _ => Motivation(), [SignIn, Done,      NotFound,  Denied,    Denied,    Denied,    TwoFactor,  Denied]),
        new("POST publish", "experts/calls/{id:guid}", Verb.Post, "/en/experts/calls/{draft}?handler=Publish", _ => NoFields(), [SignIn,   Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor,  Done]),
        new("POST close", "experts/calls/{id:guid}", Verb.Post, "/en/experts/calls/{published}?handler=Close", _ => Confirm(), [SignIn,    Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor,  Done]),
        new("GET new call", "experts/calls/new", Verb.Get, "/en/experts/calls/new", null,                                  [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor,  Ok]),
        new("POST new call", "experts/calls/new", Verb.Post, "/en/experts/calls/new", _ => CallForm(),                      [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor,  Done]),
        new("GET edit", "experts/calls/{id:guid}/edit", Verb.Get, "/en/experts/calls/{draft}/edit", null,                  [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor,  Ok]),
        new("POST edit", "experts/calls/{id:guid}/edit", Verb.Post, "/en/experts/calls/{draft}/edit", _ => CallForm(),     [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor,  Done]),
        new("GET applications", "experts/calls/{id:guid}/applications", Verb.Get, "/en/experts/calls/{call}/applications", null, [SignIn, Denied, Denied,    Denied,    Denied,    Denied,    TwoFactor,  Ok]),
        new("POST shortlist", "experts/calls/{id:guid}/applications", Verb.Post, "/en/experts/calls/{call}/applications?handler=Move", ids => Fields(ids, ("move", "shortlist")), [SignIn, Denied, Denied, Denied, Denied, Denied, TwoFactor, Done]),
        new("POST review", "experts/calls/{id:guid}/applications", Verb.Post, "/en/experts/calls/{call}/applications?handler=Review", ids => Fields(ids, ("expertiseFit", "4"), ("experience", "4"), ("languages", "3"), ("availability", "5")), [SignIn, Denied, Denied, Denied, Denied, Denied, TwoFactor, Done]),
        new("POST conflict", "experts/calls/{id:guid}/applications", Verb.Post, "/en/experts/calls/{call}/applications?handler=Conflict", ids => Fields(ids, ("note", "Fue mi alumna.")), [SignIn, Denied, Denied, Denied, Denied, Denied, TwoFactor, Done]),

        new("API open calls", "GET /api/v1/expert-calls", Verb.Get, "/api/v1/expert-calls", null,                        [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,         Ok]),
        new("API a published call", "GET /api/v1/expert-calls/{id:guid}", Verb.Get, "/api/v1/expert-calls/{published}", null, [Ok,      Ok,        Ok,        Ok,        Ok,        Ok,        Ok,         Ok]),
        new("API a draft", "GET /api/v1/expert-calls/{id:guid}", Verb.Get, "/api/v1/expert-calls/{draft}", null,          [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,   Ok]),
        new("API apply", "POST /api/v1/expert-calls/{id:guid}/applications", Verb.PostJson, "/api/v1/expert-calls/{published}/applications", _ => new { motivation = "Conozco bien la región." }, [Unauthorized, Audited, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API my applications", "GET /api/v1/expert-calls/my-applications", Verb.Get, "/api/v1/expert-calls/my-applications", null, [Unauthorized, Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API all calls", "GET /api/v1/expert-calls/all", Verb.Get, "/api/v1/expert-calls/all?status=draft", null,     [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden,  Ok]),
        new("API create", "POST /api/v1/expert-calls", Verb.PostJson, "/api/v1/expert-calls", _ => CallData.ACall(),      [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden,  Audited]),
        new("API edit", "PUT /api/v1/expert-calls/{id:guid}", Verb.PutJson, "/api/v1/expert-calls/{draft}", _ => CallData.ACall("Cambiada"), [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Audited]),
        new("API publish", "POST /api/v1/expert-calls/{id:guid}/publish", Verb.PostJson, "/api/v1/expert-calls/{draft}/publish", _ => new { }, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Audited]),
        new("API close", "POST /api/v1/expert-calls/{id:guid}/close", Verb.PostJson, "/api/v1/expert-calls/{published}/close", _ => new { }, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Audited]),
        new("API applications", "GET /api/v1/expert-calls/{id:guid}/applications", Verb.Get, "/api/v1/expert-calls/{call}/applications", null, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok]),
        new("API move", "POST /api/v1/expert-calls/applications/{id:guid}/move", Verb.PostJson, "/api/v1/expert-calls/applications/{application}/move", _ => new { move = "shortlist" }, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Audited]),
        new("API review", "POST /api/v1/expert-calls/applications/{id:guid}/reviews", Verb.PostJson, "/api/v1/expert-calls/applications/{application}/reviews", _ => new { expertiseFit = 2, experience = 3, languages = 4, availability = 5 }, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Audited]),
    ];

    private static PageMatrixHost.Session? anotherExpert;
    private static PageMatrixHost? knownHost;

    public static TheoryData<string, Caller, Outcome> Cases()
    {
        var data = new TheoryData<string, Caller, Outcome>();
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetValues<Caller>().Length, row.Expected.Length);
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(row.Name, caller, row.Expected[(int)caller]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_calls_page_and_endpoint_answers_each_user_as_the_table_says(string row, Caller caller, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var expert = await host.SessionAsync(Who.Expert);
        await host.GiveProfileAsync(expert);
        var session = await SessionAsync(caller);
        var ids = await IdsAsync(line);
        var path = line.Path.Replace("{draft}", ids.Draft.ToString(), StringComparison.Ordinal)
            .Replace("{published}", ids.Published.ToString(), StringComparison.Ordinal)
            .Replace("{call}", ids.Call.ToString(), StringComparison.Ordinal)
            .Replace("{application}", ids.Application.ToString(), StringComparison.Ordinal);
        var lastAudit = await host.LastAuditAsync();
        var ct = TestContext.Current.CancellationToken;

        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, (Dictionary<string, string>)line.Body!(ids)),
            Verb.PostJson => await session.Browser.Http.PostAsJsonAsync(path, line.Body!(ids), ct),
            _ => await session.Browser.Http.PutAsJsonAsync(path, line.Body!(ids), ct),
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
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/experts/calls/", StringComparison.Ordinal), status);
                break;
            case Audited:
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, status);
                break;
            default:
                var code = expected switch
                {
                    Ok => HttpStatusCode.OK,
                    NotFound => HttpStatusCode.NotFound,
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
    public void Every_calls_page_and_endpoint_is_in_the_table()
    {
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { } page
                ? (page.ViewEnginePath.StartsWith("/ExpertCalls/", StringComparison.Ordinal) ? [e.RoutePattern.RawText!.Replace("{culture:lang}/", string.Empty, StringComparison.Ordinal)] : [])
                : e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/expert-calls", StringComparison.Ordinal)
                    ? (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {raw.TrimEnd('/')}")
                    : [])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(routes.Order(StringComparer.Ordinal), Table.Select(r => r.Route).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_page_handler_of_the_calls_is_in_the_table()
    {
        var handlers = typeof(Web.Pages.ExpertCalls.CallModel).Assembly.GetTypes()
            .Where(t => t.Namespace == "CooperaNet.Web.Pages.ExpertCalls" && t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods().Where(m => m.DeclaringType == t && HandlerName().IsMatch(m.Name)).Select(m => HandlerName().Match(m.Name)))
            .Select(m => m.Groups[2].Value.Length == 0 ? m.Groups[1].Value.ToUpperInvariant() : m.Groups[2].Value)
            .ToHashSet(StringComparer.Ordinal);
        var covered = Table.Where(r => !r.Route.Contains(' ', StringComparison.Ordinal))
            .Select(r => r.Path.Contains("handler=", StringComparison.Ordinal) ? r.Path[(r.Path.IndexOf("handler=", StringComparison.Ordinal) + 8)..] : r.Verb.ToString().ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);

        Assert.Subset(covered, handlers);
    }

    private static Dictionary<string, string> NoFields() => [];

    private static Dictionary<string, string> Confirm() => new() { ["confirm"] = "true" };

    private static Dictionary<string, string> Motivation() => new() { ["Motivation"] = "Llevo diez años en proyectos de agua rural." };

    private static Dictionary<string, string> Fields(Ids ids, params (string Name, string Value)[] fields) =>
        fields.Append(("application", ids.Application.ToString())).ToDictionary(f => f.Item1, f => f.Item2);

    private static Dictionary<string, string> CallForm() => new()
    {
        ["Form.Title"] = "Convocatoria de la matriz " + PageMatrixHost.Word(),
        ["Form.Description"] = "Apoyo a la gestión comunitaria del agua.",
        ["Form.Language"] = "es",
        ["Form.Sectors"] = "14030",
        ["Form.Languages"] = "es",
        ["Form.Countries"] = "PE",
        ["Form.Deadline"] = "2099-06-30",
    };

    private async Task<PageMatrixHost.Session> SessionAsync(Caller caller) => caller switch
    {
        Caller.Anonymous => await host.SessionAsync(Who.Anonymous),
        Caller.Expert => await host.SessionAsync(Who.Expert),
        Caller.AnotherExpert => await AnotherExpertAsync(),
        Caller.Partner => await host.SessionAsync(Who.Partner),
        Caller.WorkingGroupMember => await host.SessionAsync(Who.WorkingGroupMember),
        Caller.FocalPoint => await host.SessionAsync(Who.OwnFocalPoint),
        Caller.SecretariatWithoutSecondFactor => await host.SessionAsync(Who.SecretariatWithoutSecondFactor),
        _ => await host.SessionAsync(Who.Secretariat),
    };

    /// <summary>An expert account without a profile, signed in once for the class's host.</summary>
    private async Task<PageMatrixHost.Session> AnotherExpertAsync()
    {
        if (anotherExpert is { } known && ReferenceEquals(knownHost, host))
        {
            return known;
        }

        var email = $"otro-experto-{Guid.NewGuid():N}@example.org";
        var user = await host.CreateUserAsync(email, Roles.Expert);
        var browser = AccountClient.For(host);
        using var signIn = await browser.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var token = AntiforgeryToken().Match(await browser.PageAsync("/en/account/profile"));
        Assert.True(token.Success);
        knownHost = host;
        anotherExpert = new PageMatrixHost.Session(Who.Expert, browser, token.Groups[1].Value, user.Id, email, null);
        return anotherExpert;
    }

    /// <summary>Makes what the row's path names, through the application's own services.</summary>
    private async Task<Ids> IdsAsync(Row row)
    {
        var text = row.Path;
        return await host.WithScopeAsync(async sp =>
        {
            var calls = sp.GetRequiredService<ExpertCalls>();
            var ct = TestContext.Current.CancellationToken;
            async Task<Guid> CallAsync(bool publish)
            {
                var details = new CallDetails("Convocatoria " + PageMatrixHost.Word(), "Apoyo técnico a juntas de agua.", "es", ["14030"], ["es"], ["PE"], null, sp.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(20));
                var (call, error) = await calls.CreateAsync(details, "matriz", ct);
                Assert.Null(error);
                if (publish)
                {
                    Assert.Null(await calls.PublishAsync(call!.Id, ct));
                }

                return call!.Id;
            }

            var draft = text.Contains("{draft}", StringComparison.Ordinal) ? await CallAsync(publish: false) : Guid.Empty;
            var published = text.Contains("{published}", StringComparison.Ordinal) ? await CallAsync(publish: true) : Guid.Empty;
            Guid call = Guid.Empty, application = Guid.Empty;
            if (text.Contains("{call}", StringComparison.Ordinal) || text.Contains("{application}", StringComparison.Ordinal))
            {
                call = await CallAsync(publish: true);
                var (profile, _) = await host.ExpertAsync(ExpertData.AProfile("Postulante " + PageMatrixHost.Word()));
                var (made, error) = await calls.ApplyAsync(call, profile.Id, "Motivación de la matriz.", ct);
                Assert.Null(error);
                application = made!.Id;
            }

            return new Ids(draft, published, call, application);
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("^On(Get|Post)(\\w*?)(Async)?$")]
    private static partial Regex HandlerName();
}
