using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CooperaNet.Web.Tests.Support;

/// <summary>
/// A browser without JavaScript: keeps cookies, does not follow redirects, and posts forms with the
/// antiforgery token read from the page, as a person's browser would.
/// </summary>
public sealed partial class AccountClient(HttpClient http)
{
    public HttpClient Http => http;

    public static AccountClient For(CooperaNetFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public async Task<HttpResponseMessage> GetAsync(string path) =>
        await http.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>GETs a page that must answer 200 and returns its HTML with entities decoded.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await TextAsync(response);
    }

    /// <summary>Opens <paramref name="formPage"/> (or <paramref name="path"/>) for its token, then posts the fields to <paramref name="path"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields, string? formPage = null)
    {
        var page = await PageAsync(formPage ?? path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {formPage ?? path}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        using var content = new FormUrlEncodedContent(body);
        return await http.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in with the password; returns the response (a redirect when it worked).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password = TestUsers.Password, string lang = "en", string? returnUrl = null) =>
        PostFormAsync(
            returnUrl is null ? $"/{lang}/account/sign-in" : $"/{lang}/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task SignOutAsync(string lang = "en")
    {
        using var response = await PostFormAsync($"/{lang}/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The body as text, with HTML entities decoded so assertions read like the page.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>The text of the element with the given id (one line, no nested tags).</summary>
    public static string ElementText(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"No element #{id} on the page");
        return match.Groups[1].Value.Trim();
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>.</summary>
    public static string FormToken(string page)
    {
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "No antiforgery token on the page");
        return token.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
