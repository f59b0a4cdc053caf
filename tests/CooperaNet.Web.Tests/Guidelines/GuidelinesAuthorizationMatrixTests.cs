using System.Net;
using System.Net.Http.Json;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Tests.CatalogPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Guidelines.GuidelinesAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Guidelines;

/// <summary>
/// Every guidelines page, handler and endpoint, tried by every kind of user on a fresh guideline. The table
/// is the rule: anyone reads published versions; the secretariat, focal points, working-group members and
/// partners also read drafts and consultations and comment; only the secretariat writes texts, moves
/// versions, records approvals and marks comments addressed; authors withdraw and restore their own comments. Allowed
/// writes are saved and audited under their actor; refused ones change nothing.
/// </summary>
public sealed class GuidelinesAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
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

    private enum Comment
    {
        None,
        Own,
        Other,

        /// <summary>The trying user's comment, withdrawn.</summary>
        OwnWithdrawn,
    }

    /// <summary>One case: the guideline's version 1 is in <paramref name="Status"/>; <paramref name="Comment"/> says whose comment it has.</summary>
    private sealed record Row(string Name, Verb Verb, GuidelineStatus Status, Comment Comment, string Path, Func<object>? Body, Outcome[] Expected);

    private static readonly string[] Audited = ["Guideline", "GuidelineVersion", "GuidelineComment"];

    private const GuidelineStatus Draft = GuidelineStatus.Draft;
    private const GuidelineStatus Consulted = GuidelineStatus.InConsultation;
    private const GuidelineStatus Approved = GuidelineStatus.Approved;
    private const GuidelineStatus Public = GuidelineStatus.Published;

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                                       Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("GET list", Verb.Get, Public, Comment.None, "/en/guidelines", null,                                            [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET published", Verb.Get, Public, Comment.None, "/en/guidelines/{slug}", null,                               [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET draft", Verb.Get, Draft, Comment.None, "/en/guidelines/{slug}", null,                                     [NotFound,     NotFound,  Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET version in consultation", Verb.Get, Consulted, Comment.Other, "/en/guidelines/{slug}/1", null,            [NotFound,     NotFound,  Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET diff published", Verb.Get, Public, Comment.None, "/en/guidelines/{slug}/diff?from=1&to=1", null,          [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET diff draft", Verb.Get, Draft, Comment.None, "/en/guidelines/{slug}/diff", null,                           [NotFound,     NotFound,  Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET edit", Verb.Get, Draft, Comment.None, "/en/guidelines/{slug}/1/edit", null,                               [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST edit", Verb.Post, Draft, Comment.None, "/en/guidelines/{slug}/1/edit", EditForm,                         [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST new version", Verb.Post, Public, Comment.None, "/en/guidelines/{slug}/1?handler=NewVersion", Empty,      [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST consult", Verb.Post, Draft, Comment.None, "/en/guidelines/{slug}/1?handler=Consult", Empty,              [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST consult twice", Verb.Post, Consulted, Comment.None, "/en/guidelines/{slug}/1?handler=Consult", Empty,    [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  TwoFactor]),
        new("POST return to draft", Verb.Post, Consulted, Comment.None, "/en/guidelines/{slug}/1?handler=ReturnToDraft", Empty, [SignIn,  Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST approve", Verb.Post, Consulted, Comment.None, "/en/guidelines/{slug}/1?handler=Approve", ApprovalForm,   [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST publish", Verb.Post, Approved, Comment.None, "/en/guidelines/{slug}/1?handler=Publish", Empty,           [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST addressed", Verb.Post, Consulted, Comment.Other, "/en/guidelines/{slug}/1?handler=Addressed&comment={comment}", Empty, [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done, TwoFactor]),
        new("POST comment", Verb.Post, Consulted, Comment.None, "/en/guidelines/{slug}/1?handler=Comment", CommentForm,    [SignIn,       Forbidden, Done,      Done,      Done,      Done,      Done,      TwoFactor]),
        new("POST comment on draft", Verb.Post, Draft, Comment.None, "/en/guidelines/{slug}/1?handler=Comment", CommentForm, [SignIn,     Forbidden, Conflict,  Conflict,  Conflict,  Conflict,  Conflict,  TwoFactor]),
        new("POST withdraw own", Verb.Post, Consulted, Comment.Own, "/en/guidelines/{slug}/1?handler=Withdraw&comment={comment}", Empty, [SignIn, Forbidden, Done, Done,    Done,      Done,      Done,      TwoFactor]),
        new("POST withdraw another's", Verb.Post, Consulted, Comment.Other, "/en/guidelines/{slug}/1?handler=Withdraw&comment={comment}", Empty, [SignIn, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, TwoFactor]),
        new("POST restore own", Verb.Post, Consulted, Comment.OwnWithdrawn, "/en/guidelines/{slug}/1?handler=Restore&comment={comment}", Empty, [SignIn, Forbidden, Done, Done, Done, Done, Done, TwoFactor]),
        new("POST restore another's", Verb.Post, Consulted, Comment.Other, "/en/guidelines/{slug}/1?handler=Restore&comment={comment}", Empty, [SignIn, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, TwoFactor]),

        new("API list", Verb.Get, Public, Comment.None, "/api/v1/guidelines", null,                                        [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API published", Verb.Get, Public, Comment.None, "/api/v1/guidelines/{slug}", null,                            [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API draft", Verb.Get, Draft, Comment.None, "/api/v1/guidelines/{slug}", null,                                 [NotFound,     NotFound,  Ok,        Ok,        Ok,        Ok,        Ok,        NotFound]),
        new("API version published", Verb.Get, Public, Comment.None, "/api/v1/guidelines/{slug}/versions/1", null,         [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API version in consultation", Verb.Get, Consulted, Comment.None, "/api/v1/guidelines/{slug}/versions/1", null, [NotFound,    NotFound,  Ok,        Ok,        Ok,        Ok,        Ok,        NotFound]),
        new("API pdf published", Verb.Get, Public, Comment.None, "/api/v1/guidelines/{slug}/versions/1/pdf?lang=fr", null, [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API pdf draft", Verb.Get, Draft, Comment.None, "/api/v1/guidelines/{slug}/versions/1/pdf", null,              [NotFound,     NotFound,  Ok,        Ok,        Ok,        Ok,        Ok,        NotFound]),
        new("API diff published", Verb.Get, Public, Comment.None, "/api/v1/guidelines/{slug}/diff?from=1&to=1", null,     [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API diff draft", Verb.Get, Draft, Comment.None, "/api/v1/guidelines/{slug}/diff?from=1&to=1", null,           [NotFound,     NotFound,  Ok,        Ok,        Ok,        Ok,        Ok,        NotFound]),
        new("API new version", Verb.PostJson, Public, Comment.None, "/api/v1/guidelines/{slug}/versions", Empty,           [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API update", Verb.PutJson, Draft, Comment.None, "/api/v1/guidelines/{slug}/versions/1", NewJson,              [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API update in consultation", Verb.PutJson, Consulted, Comment.None, "/api/v1/guidelines/{slug}/versions/1", NewJson, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict, Forbidden]),
        new("API consultation", Verb.PostJson, Draft, Comment.None, "/api/v1/guidelines/{slug}/versions/1/consultation", Empty, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved, Forbidden]),
        new("API return to draft", Verb.PostJson, Consulted, Comment.None, "/api/v1/guidelines/{slug}/versions/1/return-to-draft", Empty, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved, Forbidden]),
        new("API approval", Verb.PostJson, Consulted, Comment.None, "/api/v1/guidelines/{slug}/versions/1/approval", ApprovalJson, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved, Forbidden]),
        new("API publish", Verb.PostJson, Approved, Comment.None, "/api/v1/guidelines/{slug}/versions/1/publish", Empty,   [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API publish a draft", Verb.PostJson, Draft, Comment.None, "/api/v1/guidelines/{slug}/versions/1/publish", Empty, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict, Forbidden]),
        new("API addressed", Verb.PostJson, Consulted, Comment.Other, "/api/v1/guidelines/{slug}/comments/{comment}/addressed", Empty, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved, Forbidden]),
        new("API comment", Verb.PostJson, Consulted, Comment.None, "/api/v1/guidelines/{slug}/versions/1/comments", CommentJson, [Unauthorized, Forbidden, Created, Created, Created,   Created,   Created,   Forbidden]),
        new("API withdraw own", Verb.Delete, Consulted, Comment.Own, "/api/v1/guidelines/{slug}/comments/{comment}", null, [Unauthorized, Forbidden, Saved,     Saved,     Saved,     Saved,     Saved,     Forbidden]),
        new("API withdraw another's", Verb.Delete, Consulted, Comment.Other, "/api/v1/guidelines/{slug}/comments/{comment}", null, [Unauthorized, Forbidden, NotFound, NotFound, NotFound, NotFound, NotFound, Forbidden]),
        new("API restore own", Verb.PostJson, Consulted, Comment.OwnWithdrawn, "/api/v1/guidelines/{slug}/comments/{comment}/restore", Empty, [Unauthorized, Forbidden, Saved, Saved, Saved, Saved, Saved, Forbidden]),
        new("API restore not withdrawn", Verb.PostJson, Consulted, Comment.Own, "/api/v1/guidelines/{slug}/comments/{comment}/restore", Empty, [Unauthorized, Forbidden, Conflict, Conflict, Conflict, Conflict, Conflict, Forbidden]),
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
    public async Task Each_guidelines_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var commenter = line.Comment switch
        {
            Comment.Own or Comment.OwnWithdrawn => session.UserId ?? Guid.NewGuid(),
            Comment.Other => Guid.NewGuid(),
            _ => (Guid?)null,
        };
        var (slug, comment) = await GuidelineData.SaveAsync(host, line.Status, commenter, withdrawn: line.Comment == Comment.OwnWithdrawn);
        var path = line.Path.Replace("{slug}", slug, StringComparison.Ordinal).Replace("{comment}", comment?.ToString() ?? string.Empty, StringComparison.Ordinal);
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
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith($"/en/guidelines/{slug}/", StringComparison.Ordinal), status);
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
    public void Every_guidelines_endpoint_is_in_the_table()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/guidelines", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Shape(e.RoutePattern.RawText!)}"))
            .Distinct()
            .ToList();
        var tried = Table.Where(r => r.Name.StartsWith("API", StringComparison.Ordinal))
            .Select(r => $"{Method(r.Verb)} {Shape(r.Path)}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(15, endpoints.Count);
        Assert.All(endpoints, e => Assert.Contains(e, tried));
    }

    [Fact]
    public void Every_guidelines_page_handler_is_in_the_table()
    {
        var handlers = typeof(Web.Pages.Guidelines.GuidelineModel).Assembly.GetTypes()
            .Where(t => t.Namespace == "CooperaNet.Web.Pages.Guidelines" && t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .SelectMany(t => t.GetMethods().Where(m => m.DeclaringType == t && m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => m.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal)))
            .ToList();
        var tried = Table.Where(r => r.Verb == Verb.Post)
            .Select(r => r.Path.Contains("handler=", StringComparison.Ordinal) ? r.Path.Split("handler=")[1].Split('&')[0] : string.Empty)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10, handlers.Count);
        Assert.All(handlers, h => Assert.Contains(h, tried));
    }

    private static string Method(Verb verb) => verb switch
    {
        Verb.Get => "GET",
        Verb.PutJson => "PUT",
        Verb.Delete => "DELETE",
        _ => "POST",
    };

    /// <summary>A path with every parameter as "*" and no query: "/api/v1/guidelines/{slug}/versions/{number:int}" → "/api/v1/guidelines/*/versions/*".</summary>
    private static string Shape(string path)
    {
        var segments = path.Split('?')[0].TrimEnd('/').Split('/').Select(s => s.StartsWith('{') ? "*" : s);
        return string.Join('/', segments).Replace("/versions/1", "/versions/*", StringComparison.Ordinal);
    }

    private static object EditForm() => GuidelineData.Form(PageMatrixHost.Word());

    private static object NewJson() => GuidelineData.Json(PageMatrixHost.Word());

    private static object ApprovalForm() => new Dictionary<string, string> { ["Approval.Meeting"] = "GT3, Washington", ["Approval.MeetingDate"] = "2026-11-20" };

    private static object ApprovalJson() => new { meeting = "GT3, Washington", meetingDate = "2026-11-20" };

    private static object CommentForm() => new Dictionary<string, string> { ["Comment.Section"] = "2", ["Comment.Text"] = "Precisar los plazos " + PageMatrixHost.Word() };

    private static object CommentJson() => new { section = "2", text = "Precisar los plazos" };

    private static object Empty() => new Dictionary<string, string>();
}
