using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Security;

/// <summary>The application with 3 sign-in attempts per address and per account in 10 minutes, and client addresses a test chooses.</summary>
public class TightSignInFactory : CooperaNetFactory
{
    /// <summary>The test's stand-in for the client address a proxy forwards.</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CooperaNet:SignIn:PerAddressPermits", "3");
        builder.UseSetting("CooperaNet:SignIn:PerAccountPermits", "3");
        builder.UseSetting("CooperaNet:SignIn:WindowSeconds", "600");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Sign-in attempts are limited per client address and per account name: 429 with Retry-After, in the page's language.</summary>
public sealed partial class SignInLimitTests(TightSignInFactory factory) : IClassFixture<TightSignInFactory>
{
    [Fact]
    public async Task Fourth_attempt_at_one_account_from_anywhere_is_refused_with_retry_after()
    {
        await factory.CreateUserAsync("objetivo@apc.gov.co", Roles.FocalPoint, "CO");
        for (var i = 1; i <= 3; i++)
        {
            using var wrong = await From($"10.1.0.{i}").SignInAsync("objetivo@apc.gov.co", "not the password at all", lang: "es");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("El correo electrónico o la contraseña no son correctos.", await AccountClient.TextAsync(wrong));
        }

        using var refused = await From("10.1.0.4").SignInAsync(" OBJETIVO@apc.gov.co", TestUsers.Password, lang: "es");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 600);
        var page = await AccountClient.TextAsync(refused);
        Assert.Contains($"Demasiados intentos de inicio de sesión. Espere {wait} segundos y vuelva a intentarlo.", page);
        Assert.Contains("<h1>", page);
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("cooperanet=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Fourth_attempt_from_one_address_at_any_account_is_refused()
    {
        var client = From("10.2.0.1");
        foreach (var account in new[] { "uno@example.org", "dos@example.org", "tres@example.org" })
        {
            using var wrong = await client.SignInAsync(account, "guessing-at-accounts", lang: "fr");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var refused = await client.SignInAsync("cuatro@example.org", "guessing-at-accounts", lang: "fr");
        using var elsewhere = await From("10.2.0.2").SignInAsync("cuatro@example.org", "guessing-at-accounts", lang: "fr");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("Trop de tentatives de connexion.", await AccountClient.TextAsync(refused));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    private AccountClient From(string address)
    {
        var client = AccountClient.For(factory);
        client.Http.DefaultRequestHeaders.Add(TightSignInFactory.AddressHeader, address);
        return client;
    }
}
