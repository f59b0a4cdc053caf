using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CooperaNet.Web.Tests.CatalogPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Communications.CommunicationsAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Communications;

/// <summary>
/// Every communication page, handler and endpoint, tried by every kind of user on fresh data. The table is
/// the rule: anyone reads the key messages; the secretariat, working-group members and focal points read
/// the channels and plans; only the secretariat writes. Allowed writes are saved and audited under their
/// actor; refused ones change nothing.
/// </summary>
public sealed class CommunicationsAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
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

    /// <summary>One case: the path's {channel}, {item}, {piece} and {year} are filled from the case's fresh data.</summary>
    private sealed record Row(string Name, Verb Verb, string Path, Func<CommunicationData.Saved, string, object>? Body, Outcome[] Expected);

    private static readonly string[] Audited = ["AudienceMessage", "Channel", "CommunicationPlan", "PlanItem", "ContentPiece"];

    private const string Plan = "/2031/1";

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                       Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("GET key messages", Verb.Get, "/en/communications", null,                                      [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET edit message", Verb.Get, "/en/communications/audiences/media/edit", null,                 [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("GET edit unknown audience", Verb.Get, "/en/communications/audiences/fans/edit", null,          [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound,  TwoFactor]),
        new("POST edit message", Verb.Post, "/en/communications/audiences/media/edit", MessageForm,        [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET channels", Verb.Get, "/en/communications/channels", null,                                 [SignIn,       Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET new channel", Verb.Get, "/en/communications/channels/new", null,                          [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST new channel", Verb.Post, "/en/communications/channels/new", ChannelForm,                  [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET edit channel", Verb.Get, "/en/communications/channels/{channel}/edit", null,              [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST edit channel", Verb.Post, "/en/communications/channels/{channel}/edit", ChannelForm,     [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET plans", Verb.Get, "/en/communications/plans", null,                                       [SignIn,       Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("POST new plan", Verb.Post, "/en/communications/plans", PlanForm,                              [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST plan of a taken semester", Verb.Post, "/en/communications/plans", TakenPlanForm,         [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  TwoFactor]),
        new("GET grid", Verb.Get, "/en/communications/plans" + Plan, null,                                 [SignIn,       Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET grid by channel", Verb.Get, "/en/communications/plans" + Plan + "?by=channel", null,      [SignIn,       Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET grid without plan", Verb.Get, "/en/communications/plans/2099/2", null,                    [SignIn,       Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound,  TwoFactor]),
        new("GET new item", Verb.Get, "/en/communications/plans" + Plan + "/items/new", null,              [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST new item", Verb.Post, "/en/communications/plans" + Plan + "/items/new", ItemForm,        [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET edit item", Verb.Get, "/en/communications/plans" + Plan + "/items/{item}/edit", null,     [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST edit item", Verb.Post, "/en/communications/plans" + Plan + "/items/{item}/edit", ItemForm, [SignIn,     Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET new piece", Verb.Get, "/en/communications/plans" + Plan + "/pieces/new", null,            [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST new piece", Verb.Post, "/en/communications/plans" + Plan + "/pieces/new", PieceForm,     [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET edit piece", Verb.Get, "/en/communications/plans" + Plan + "/pieces/{piece}/edit", null,  [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST edit piece", Verb.Post, "/en/communications/plans" + Plan + "/pieces/{piece}/edit", PieceForm, [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),

        new("API key messages", Verb.Get, "/api/v1/communications/audiences", null,                        [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API update message", Verb.PutJson, "/api/v1/communications/audiences/media", MessageJson,     [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API channels", Verb.Get, "/api/v1/communications/channels", null,                             [Unauthorized, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok,        Forbidden]),
        new("API create channel", Verb.PostJson, "/api/v1/communications/channels", ChannelJson,           [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API update channel", Verb.PutJson, "/api/v1/communications/channels/{channel}", ChannelJson,  [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API plans", Verb.Get, "/api/v1/communications/plans", null,                                   [Unauthorized, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok,        Forbidden]),
        new("API create plan", Verb.PostJson, "/api/v1/communications/plans", PlanJson,                    [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API plan", Verb.Get, "/api/v1/communications/plans" + Plan, null,                             [Unauthorized, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok,        Forbidden]),
        new("API plan missing", Verb.Get, "/api/v1/communications/plans/2099/2", null,                     [Unauthorized, Forbidden, Forbidden, NotFound,  NotFound,  NotFound,  NotFound,  Forbidden]),
        new("API create item", Verb.PostJson, "/api/v1/communications/plans" + Plan + "/items", ItemJson,  [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API update item", Verb.PutJson, "/api/v1/communications/plans" + Plan + "/items/{item}", ItemJson, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved, Forbidden]),
        new("API create piece", Verb.PostJson, "/api/v1/communications/plans" + Plan + "/pieces", PieceJson, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created, Forbidden]),
        new("API update piece", Verb.PutJson, "/api/v1/communications/plans" + Plan + "/pieces/{piece}", PieceJson, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved, Forbidden]),
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
    public async Task Each_communications_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var word = PageMatrixHost.Word();
        var saved = await CommunicationData.SaveAsync(host, word);
        var path = line.Path.Replace("{channel}", saved.ChannelId.ToString(), StringComparison.Ordinal)
            .Replace("{item}", saved.ItemId.ToString(), StringComparison.Ordinal)
            .Replace("{piece}", saved.PieceId.ToString(), StringComparison.Ordinal);
        var body = line.Body?.Invoke(saved, word);

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
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/communications", StringComparison.Ordinal), status);
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
    public void Every_communications_endpoint_is_in_the_table()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/communications", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Shape(e.RoutePattern.RawText!)}"))
            .Distinct()
            .ToList();
        var tried = Table.Where(r => r.Name.StartsWith("API", StringComparison.Ordinal))
            .Select(r => $"{Method(r.Verb)} {Shape(r.Path)}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(12, endpoints.Count);
        Assert.All(endpoints, e => Assert.Contains(e, tried));
    }

    private static string Method(Verb verb) => verb switch
    {
        Verb.Get => "GET",
        Verb.PutJson => "PUT",
        Verb.Delete => "DELETE",
        _ => "POST",
    };

    /// <summary>A path with every parameter and number as "*": "/api/v1/communications/plans/{year:int}/{half:int}" → ".../plans/*/*".</summary>
    private static string Shape(string path)
    {
        var segments = path.TrimEnd('/').Split('/').Select(s => s.StartsWith('{') || s.All(char.IsAsciiDigit) && s.Length > 0 || s == "media" ? "*" : s);
        return string.Join('/', segments);
    }

    private static object MessageForm(CommunicationData.Saved saved, string word) => CommunicationData.MessageForm(word);

    private static object MessageJson(CommunicationData.Saved saved, string word) => CommunicationData.MessageJson(word);

    private static object ChannelForm(CommunicationData.Saved saved, string word) => CommunicationData.ChannelForm(word);

    private static object ChannelJson(CommunicationData.Saved saved, string word) => CommunicationData.ChannelJson(word);

    private static object PlanForm(CommunicationData.Saved saved, string word) =>
        new Dictionary<string, string> { ["Year"] = CommunicationData.FreeYear().ToString(CultureInfo.InvariantCulture), ["Half"] = "2" };

    private static object TakenPlanForm(CommunicationData.Saved saved, string word) =>
        new Dictionary<string, string> { ["Year"] = CommunicationData.Year.ToString(CultureInfo.InvariantCulture), ["Half"] = CommunicationData.Half.ToString(CultureInfo.InvariantCulture) };

    private static object PlanJson(CommunicationData.Saved saved, string word) => new { year = CommunicationData.FreeYear(), half = 1 };

    private static object ItemForm(CommunicationData.Saved saved, string word) => CommunicationData.ItemForm(saved.WebsiteId);

    private static object ItemJson(CommunicationData.Saved saved, string word) => CommunicationData.ItemJson(saved.WebsiteId);

    private static object PieceForm(CommunicationData.Saved saved, string word) => CommunicationData.PieceForm(saved.ChannelId, word);

    private static object PieceJson(CommunicationData.Saved saved, string word) => CommunicationData.PieceJson(saved.ChannelId, word);
}
