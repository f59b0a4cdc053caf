using System.Net;
using System.Net.Http.Json;
using CooperaNet.Web.Tests.CatalogPages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Newsletter.NewsletterAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Newsletter;

/// <summary>
/// Every newsletter page, handler and endpoint, tried by every kind of user on fresh data. The table is the
/// rule: anyone subscribes, confirms, unsubscribes and reads sent issues; only the secretariat composes,
/// edits, previews and sends, and sees drafts. Allowed writes are saved and audited under their actor
/// (none for the public); refused ones change nothing.
/// </summary>
public sealed class NewsletterAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
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

        /// <summary>200 after a write, saved and audited.</summary>
        Saved,

        /// <summary>API: 201, saved and audited.</summary>
        Created,

        /// <summary>API: 202, saved and audited.</summary>
        Accepted,

        /// <summary>API: 204, saved and audited.</summary>
        NoContent,

        /// <summary>API: 401.</summary>
        Unauthorized,
    }

    private enum Verb
    {
        Get,
        Post,
        PostBare,
        PostJson,
        PutJson,
        Delete,
    }

    /// <summary>What a case needs first: nothing, a draft issue, a sent issue, a pending subscription's token, or a sent e-mail's unsubscribe token.</summary>
    private enum Given
    {
        Nothing,
        Draft,
        Deleted,
        Sent,
        Pending,
        Delivered,
    }

    private sealed record Row(string Name, Verb Verb, Given Given, string Path, Func<object>? Body, Outcome[] Expected);

    private static readonly string[] Audited = ["NewsletterSubscription", "NewsletterIssue", "NewsletterItem", "NewsletterDelivery", "OutboxMessage"];

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                              Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("GET archive", Verb.Get, Given.Sent, "/en/newsletter", null,                                          [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("POST subscribe", Verb.Post, Given.Nothing, "/en/newsletter?handler=Subscribe", SubscribeForm,        [Done,         Done,      Done,      Done,      Done,      Done,      Done,      TwoFactor]),
        new("GET confirm", Verb.Get, Given.Pending, "/fr/newsletter/confirm/{token}", null,                       [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("POST confirm", Verb.Post, Given.Pending, "/fr/newsletter/confirm/{token}", Empty,                    [Saved,        Saved,     Saved,     Saved,     Saved,     Saved,     Saved,     TwoFactor]),
        new("GET unsubscribe", Verb.Get, Given.Delivered, "/pt/newsletter/unsubscribe/{token}", null,             [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("POST unsubscribe", Verb.PostBare, Given.Delivered, "/pt/newsletter/unsubscribe/{token}", OneClick,   [Saved,        Saved,     Saved,     Saved,     Saved,     Saved,     Saved,     TwoFactor]),
        new("GET sent issue", Verb.Get, Given.Sent, "/en/newsletter/{id}", null,                                  [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET draft issue", Verb.Get, Given.Draft, "/en/newsletter/{id}", null,                                [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        TwoFactor]),
        new("POST send", Verb.Post, Given.Draft, "/en/newsletter/{id}?handler=Send", Empty,                       [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST send twice", Verb.Post, Given.Sent, "/en/newsletter/{id}?handler=Send", Empty,                  [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  TwoFactor]),
        new("GET deleted draft", Verb.Get, Given.Deleted, "/en/newsletter/{id}", null,                            [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        TwoFactor]),
        new("POST delete", Verb.Post, Given.Draft, "/en/newsletter/{id}?handler=Delete", Empty,                   [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("POST delete sent", Verb.Post, Given.Sent, "/en/newsletter/{id}?handler=Delete", Empty,               [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  TwoFactor]),
        new("POST restore", Verb.Post, Given.Deleted, "/en/newsletter/{id}?handler=Restore", Empty,               [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET new", Verb.Get, Given.Nothing, "/en/newsletter/new", null,                                       [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("POST new", Verb.Post, Given.Nothing, "/en/newsletter/new", ComposeForm,                              [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET edit", Verb.Get, Given.Draft, "/en/newsletter/{id}/edit", null,                                  [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),
        new("GET edit of sent", Verb.Get, Given.Sent, "/en/newsletter/{id}/edit", null,                           [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound,  TwoFactor]),
        new("POST edit", Verb.Post, Given.Draft, "/en/newsletter/{id}/edit", EditForm,                            [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        new("GET preview", Verb.Get, Given.Draft, "/en/newsletter/{id}/preview", null,                            [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        TwoFactor]),

        new("API subscribe", Verb.PostJson, Given.Nothing, "/api/v1/newsletter/subscriptions", SubscribeJson,     [Accepted,     Accepted,  Accepted,  Accepted,  Accepted,  Accepted,  Accepted,  Accepted]),
        new("API confirm", Verb.PostJson, Given.Pending, "/api/v1/newsletter/subscriptions/confirmation", null,   [NoContent,    NoContent, NoContent, NoContent, NoContent, NoContent, NoContent, NoContent]),
        new("API list", Verb.Get, Given.Sent, "/api/v1/newsletter/issues", null,                                  [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API sent issue", Verb.Get, Given.Sent, "/api/v1/newsletter/issues/{id}", null,                       [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API draft issue", Verb.Get, Given.Draft, "/api/v1/newsletter/issues/{id}", null,                     [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        NotFound]),
        new("API compose", Verb.PostJson, Given.Nothing, "/api/v1/newsletter/issues", ComposeJson,                [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API update", Verb.PutJson, Given.Draft, "/api/v1/newsletter/issues/{id}", UpdateJson,                [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API candidates", Verb.Get, Given.Draft, "/api/v1/newsletter/issues/{id}/candidates", null,           [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Forbidden]),
        new("API preview", Verb.Get, Given.Draft, "/api/v1/newsletter/issues/{id}/preview", null,                 [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Forbidden]),
        new("API send", Verb.PostJson, Given.Draft, "/api/v1/newsletter/issues/{id}/send", EmptyJson,             [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API delete", Verb.Delete, Given.Draft, "/api/v1/newsletter/issues/{id}", null,                      [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API delete sent", Verb.Delete, Given.Sent, "/api/v1/newsletter/issues/{id}", null,                  [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Forbidden]),
        new("API restore", Verb.PostJson, Given.Deleted, "/api/v1/newsletter/issues/{id}/restore", EmptyJson,     [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
        new("API restore not deleted", Verb.PostJson, Given.Draft, "/api/v1/newsletter/issues/{id}/restore", EmptyJson, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict, Forbidden]),
        new("API send deleted", Verb.PostJson, Given.Deleted, "/api/v1/newsletter/issues/{id}/send", EmptyJson,   [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Forbidden]),
        new("API send twice", Verb.PostJson, Given.Sent, "/api/v1/newsletter/issues/{id}/send", EmptyJson,        [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Forbidden]),
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
    public async Task Each_newsletter_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var id = line.Given switch
        {
            Given.Draft => (await NewsletterData.IssueAsync(host, "Issue " + PageMatrixHost.Word(), sent: false)).Id,
            Given.Deleted => (await NewsletterData.IssueAsync(host, "Issue " + PageMatrixHost.Word(), sent: false, deleted: true)).Id,
            Given.Sent => (await NewsletterData.IssueAsync(host, "Issue " + PageMatrixHost.Word(), sent: true)).Id,
            _ => Guid.Empty,
        };
        var token = line.Given switch
        {
            Given.Pending => await NewsletterData.PendingTokenAsync(host),
            Given.Delivered => await NewsletterData.UnsubscribeTokenAsync(host),
            _ => string.Empty,
        };
        var path = line.Path.Replace("{id}", id.ToString(), StringComparison.Ordinal).Replace("{token}", token, StringComparison.Ordinal);
        var body = line.Body?.Invoke() ?? (line.Given == Given.Pending ? new { token } : null);

        var lastAudit = await host.LastAuditAsync();
        var ct = TestContext.Current.CancellationToken;
        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, (Dictionary<string, string>)body!),
            Verb.PostBare => await session.Browser.Http.PostAsync(path, new FormUrlEncodedContent((Dictionary<string, string>)body!), ct),
            Verb.PostJson => await session.Browser.Http.PostAsJsonAsync(path, body, ct),
            Verb.PutJson => await session.Browser.Http.PutAsJsonAsync(path, body, ct),
            _ => await session.Browser.Http.DeleteAsync(path, ct),
        };

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"{line.Verb} {path} answered {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in?ReturnUrl=", StringComparison.Ordinal), status);
                break;
            case TwoFactor:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.EndsWith("/account/profile#two-factor", StringComparison.Ordinal), status);
                break;
            case Done:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/newsletter", StringComparison.Ordinal), status);
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
                    Accepted => HttpStatusCode.Accepted,
                    NoContent => HttpStatusCode.NoContent,
                    _ => HttpStatusCode.Created,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await host.AuditSinceAsync(lastAudit, Audited);
        if (expected is Done or Saved or Created or Accepted or NoContent)
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
    public void Every_newsletter_endpoint_and_page_is_in_the_table()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var api = endpoints
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/newsletter", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Shape(e.RoutePattern.RawText!)}"))
            .Distinct()
            .ToList();
        var pages = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { } page && page.ViewEnginePath.StartsWith("/Newsletter/", StringComparison.Ordinal))
            .Select(e => Shape(e.RoutePattern.RawText!))
            .Distinct()
            .ToList();
        var tried = Table.Select(r => $"{Method(r.Verb)} {Shape(r.Path.Split('?')[0])}").ToHashSet(StringComparer.Ordinal);
        var triedPages = Table.Where(r => !r.Name.StartsWith("API", StringComparison.Ordinal)).Select(r => Shape(r.Path.Split('?')[0])).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(11, api.Count);
        Assert.All(api, e => Assert.Contains(e, tried));
        Assert.Equal(7, pages.Count);
        Assert.All(pages, p => Assert.Contains(p, triedPages));
    }

    private static string Method(Verb verb) => verb switch
    {
        Verb.Get => "GET",
        Verb.PutJson => "PUT",
        Verb.Delete => "DELETE",
        _ => "POST",
    };

    /// <summary>A path with every parameter and language as "*": "/en/newsletter/{id:guid}/edit" → "/*/newsletter/*/edit".</summary>
    private static string Shape(string path)
    {
        var segments = ("/" + path.Trim('/')).Split('/').Select(s => s.StartsWith('{') || Guid.TryParse(s, out _) || s.StartsWith("nl", StringComparison.Ordinal) && s.Contains('_', StringComparison.Ordinal) || s is "en" or "fr" or "pt" ? "*" : s);
        return string.Join('/', segments);
    }

    private static object SubscribeForm() => new Dictionary<string, string> { ["Form.Email"] = $"{PageMatrixHost.Word()}@example.org", ["Form.Audience"] = "experts", ["Form.Language"] = "es" };

    private static object SubscribeJson() => new { email = $"{PageMatrixHost.Word()}@example.org", audience = "media", language = "es" };

    private static object ComposeForm() => new Dictionary<string, string> { ["Form.Language"] = "en", ["Form.Audience"] = string.Empty };

    private static object ComposeJson() => new { language = "en" };

    private static object EditForm() => new Dictionary<string, string> { ["Form.Title"] = "Issue " + PageMatrixHost.Word(), ["Form.Introduction"] = "Hello." };

    private static object UpdateJson() => new { title = "Issue " + PageMatrixHost.Word(), introduction = "Hello.", items = Array.Empty<string>() };

    private static object OneClick() => new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" };

    private static object Empty() => new Dictionary<string, string>();

    private static object EmptyJson() => new Dictionary<string, string>();
}
