using System.Net;
using System.Text.RegularExpressions;
using CooperaNet.Domain;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests;

public sealed partial class LocalizationTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    public static TheoryData<string> ResourceAreas() => [.. Directory
        .EnumerateFiles(ResourcesFolder(), "*.es.json")
        .Select(path => Path.GetFileName(path).Split('.')[0])];

    [Theory]
    [MemberData(nameof(ResourceAreas))]
    public void The_four_languages_have_the_same_keys_and_no_empty_text(string area)
    {
        var sets = Languages.All.ToDictionary(lang => lang, lang => UiStrings.Load(Path.Combine(ResourcesFolder(), $"{area}.{lang}.json")));
        var spanish = sets[Languages.Spanish].Keys.Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(spanish);
        foreach (var (lang, strings) in sets)
        {
            Assert.Equal(spanish, strings.Keys.Order(StringComparer.Ordinal).ToList());
            Assert.All(strings, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{area}.{lang}.json: {pair.Key} is empty"));
        }
    }

    [Fact]
    public void Every_key_used_in_pages_exists_in_the_resources()
    {
        var known = UiStrings.Load(Path.Combine(ResourcesFolder(), "strings.es.json")).Keys
            .Concat(Directory.EnumerateFiles(ResourcesFolder(), "*.es.json").SelectMany(f => UiStrings.Load(f).Keys))
            .ToHashSet(StringComparer.Ordinal);
        var pages = Path.Combine(ResourcesFolder(), "..", "Pages");
        var used = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(known.Contains(u.Key), $"{u.File} uses the missing key {u.Key}"));
    }

    [Theory]
    [InlineData("es", "Plan de trabajo 2023-2024 de la AICD")]
    [InlineData("en", "AICD work plan 2023-2024")]
    [InlineData("pt", "Plano de trabalho 2023-2024 da AICD")]
    [InlineData("fr", "Plan de travail 2023-2024 de l&#x27;AICD")]
    public async Task Pages_speak_the_language_of_their_url(string lang, string heading)
    {
        var html = await factory.CreateClient().GetStringAsync($"/{lang}/work-plan", TestContext.Current.CancellationToken);
        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains(heading, html);
    }

    [Theory]
    [InlineData("pt-BR,pt;q=0.9", "/pt/")]
    [InlineData("fr-CA", "/fr/")]
    [InlineData("en-US,en;q=0.8", "/en/")]
    [InlineData("de-DE", "/es/")]
    public async Task The_root_sends_each_visitor_to_their_language(string acceptLanguage, string expected)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_in_the_language_of_its_url()
    {
        using var response = await factory.CreateClient().GetAsync("/fr/nulle-part", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("Page introuvable", html);
    }

    [Fact]
    public async Task Every_page_carries_a_strict_content_security_policy()
    {
        using var response = await factory.CreateClient().GetAsync("/en/", TestContext.Current.CancellationToken);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'sha256-", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    private static string ResourcesFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "src", "CooperaNet.Web", "Resources"));

    [GeneratedRegex("""T\["([A-Za-z][A-Za-z0-9.\-]+)"\]""")]
    private static partial Regex LiteralKey();
}
