using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CooperaNet.Web.Tests.Security;

/// <summary>The application as in Production over HTTPS: session and antiforgery cookies named with the __Host- prefix.</summary>
public sealed class HostPrefixFactory : CooperaNetFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(CookieNames.Setting, "true");
    }
}

public sealed class HostPrefixCookieTests(HostPrefixFactory factory) : IClassFixture<HostPrefixFactory>
{
    [Fact]
    public async Task Over_https_the_session_and_antiforgery_cookies_carry_the_host_prefix_and_its_attributes()
    {
        await factory.CreateUserAsync("prefijo@rree.gob.pe", Roles.FocalPoint, "PE");
        var browser = new AccountClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));

        using var form = await browser.GetAsync("/es/account/sign-in");
        using var signIn = await browser.SignInAsync("prefijo@rree.gob.pe", lang: "es");
        var profile = await browser.PageAsync("/es/account/profile");

        var antiforgery = Assert.Single(Cookies(form), c => c.StartsWith("__Host-cooperanet-af=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = Assert.Single(Cookies(signIn), c => c.StartsWith("__Host-cooperanet=", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/;", cookie + ";", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(Cookies(signIn), c => c.StartsWith("cooperanet=", StringComparison.Ordinal));
        Assert.Contains("prefijo@rree.gob.pe", profile);
    }

    [Fact]
    public async Task With_the_prefix_a_cookie_is_secure_even_on_a_plain_http_request()
    {
        using var form = await AccountClient.For(factory).GetAsync("/en/account/sign-in");

        var antiforgery = Assert.Single(Cookies(form), c => c.StartsWith("__Host-cooperanet-af=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", null, false)]
    [InlineData("Testing", null, false)]
    [InlineData("Development", "true", true)]
    public void The_prefix_is_on_by_default_in_production_only_and_the_setting_decides(string environment, string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new KeyValuePair<string, string?>(CookieNames.Setting, setting)])
            .Build();

        Assert.Equal(expected, CookieNames.UseHostPrefix(configuration, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment }));
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
