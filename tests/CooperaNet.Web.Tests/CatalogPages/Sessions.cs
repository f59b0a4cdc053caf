using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests.CatalogPages;

/// <summary>Browsers signed in as a new user of a role; the secretariat also turns on two-step verification, as it must.</summary>
public static class Sessions
{
    public static async Task<AccountClient> SignedInAsync(CooperaNetFactory factory, string role, string? state = null, string lang = "en", string? email = null)
    {
        email ??= $"{role}-{state ?? "none"}-{Guid.NewGuid():N}@example.org";
        await factory.CreateUserAsync(email, role, state);
        var browser = AccountClient.For(factory);
        using var signIn = await browser.SignInAsync(email, lang: lang);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        if (role == Roles.Secretariat)
        {
            var profile = await browser.PageAsync($"/{lang}/account/profile");
            var key = AccountClient.ElementText(profile, "authenticator-key");
            using var enable = await browser.PostFormAsync(
                $"/{lang}/account/profile?handler=EnableTwoFactor", new Dictionary<string, string> { ["Setup.Code"] = Totp.Now(key) }, $"/{lang}/account/profile");
            Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        }

        return browser;
    }
}
