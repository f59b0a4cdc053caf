using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CooperaNet.Web.Tests.Security;

/// <summary>
/// Every kind of response carries the security headers, and cookies are HttpOnly, SameSite and (on HTTPS)
/// Secure. The host runs in the "Testing" environment, which is not Development, so HSTS is on for HTTPS
/// requests; the client speaks to https://cooperanet.example for that (TestServer marks the request HTTPS).
/// </summary>
public sealed class SecurityHeadersTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static readonly Uri Https = new("https://cooperanet.example");

    public static TheoryData<string, string, HttpStatusCode> Addresses => new()
    {
        { "GET", "/en/", HttpStatusCode.OK },
        { "GET", "/es/catalog", HttpStatusCode.OK },
        { "GET", "/api/v1/member-states", HttpStatusCode.OK },
        { "GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound },
        { "GET", "/css/site.css", HttpStatusCode.OK },
        { "GET", "/fr/no-such-page", HttpStatusCode.NotFound },
        { "POST", "/en/account/sign-in", HttpStatusCode.BadRequest },
        { "GET", "/api/v1/me", HttpStatusCode.Unauthorized },
        { "GET", "/en/admin/users", HttpStatusCode.Redirect },
        { "GET", "/health/live", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Every_response_carries_the_security_headers(string method, string path, HttpStatusCode status)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.org", ["Input.Password"] = "no token sent" });
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("'unsafe-inline'", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Plain_http_gets_no_hsts_but_the_other_headers()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/en/", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Cookies_are_http_only_same_site_and_secure_over_https()
    {
        await factory.CreateUserAsync("cookies@apc.gov.co", Roles.FocalPoint, "CO");
        var browser = new AccountClient(factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false }));
        using var form = await browser.GetAsync("/en/account/sign-in");
        using var signIn = await browser.SignInAsync("cookies@apc.gov.co");

        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();

        Assert.Contains(cookies, c => c.StartsWith("cooperanet=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("cooperanet-af=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("; secure", attributes);
            Assert.Contains("; httponly", attributes);
            Assert.Matches("; samesite=(lax|strict)", attributes);
        });
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header.");
}
