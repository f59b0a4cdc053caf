using System.Net;
using System.Text.RegularExpressions;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Account;

public sealed class TwoFactorTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private readonly AccountClient browser = AccountClient.For(factory);

    /// <summary>The codes the last <see cref="EnableTwoFactorAsync"/> was shown.</summary>
    private IReadOnlyList<string> lastRecoveryCodes = [];

    [Fact]
    public async Task Secretariat_without_two_factor_is_sent_to_set_it_up_and_cannot_open_the_user_list()
    {
        await factory.CreateUserAsync("karen@oas.org", Roles.Secretariat);
        using var signIn = await browser.SignInAsync("karen@oas.org");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (var path in new[] { "/en/admin/users", "/en/", "/es/work-plan" })
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/{path[1..3]}/account/profile#two-factor", response.Headers.Location?.OriginalString);
        }

        var profile = await browser.PageAsync("/en/account/profile");
        Assert.Contains("Secretariat accounts must use two-step verification.", profile);
        Assert.Contains("id=\"authenticator-key\"", profile);
        using var css = await browser.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task Secretariat_signed_in_with_an_authenticator_code_can_open_the_user_list()
    {
        await factory.CreateUserAsync("luis@oas.org", Roles.Secretariat);
        await factory.CreateUserAsync("maria@cancilleria.gov.co", Roles.FocalPoint, "CO");
        using var signIn = await browser.SignInAsync("luis@oas.org");
        var key = await EnableTwoFactorAsync();
        await browser.SignOutAsync();

        using var password = await browser.SignInAsync("luis@oas.org", returnUrl: "/en/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var step = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/en/account/two-factor?", step);
        var form = await browser.PageAsync(step);
        Assert.DoesNotContain("Input.RememberBrowser", form);
        // The code that turned two-factor on was used; the next step's code is within the allowed drift.
        using var code = await browser.PostFormAsync(step, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30)) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/en/admin/users", code.Headers.Location?.OriginalString);

        var users = await browser.PageAsync("/en/admin/users");
        Assert.Contains("<h1>User accounts</h1>", users);
        Assert.Contains("maria@cancilleria.gov.co", users);
        Assert.Contains("Focal point", users);
    }

    [Fact]
    public async Task Enabling_two_factor_shows_ten_recovery_codes_and_each_signs_in_once()
    {
        await factory.CreateUserAsync("nora@cancilleria.gob.cl", Roles.Expert);
        using var signIn = await browser.SignInAsync("nora@cancilleria.gob.cl");
        var key = await EnableTwoFactorAsync();
        var page = await browser.PageAsync("/en/account/profile");
        Assert.Contains("Recovery codes left: 10.", page);
        Assert.Contains("id=\"two-factor\"", page);
        Assert.NotEmpty(key);
        var recoveryCode = lastRecoveryCodes[3];
        await browser.SignOutAsync();

        using var first = await SignInWithRecoveryCodeAsync("nora@cancilleria.gob.cl", recoveryCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/en/", first.Headers.Location?.OriginalString);
        await browser.SignOutAsync();

        using var again = await SignInWithRecoveryCodeAsync("nora@cancilleria.gob.cl", recoveryCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("That recovery code is not valid or has already been used.", await AccountClient.TextAsync(again));
    }

    [Fact]
    public async Task Wrong_code_does_not_turn_two_factor_on()
    {
        await factory.CreateUserAsync("oscar@mire.gob.bo", Roles.Expert);
        using var signIn = await browser.SignInAsync("oscar@mire.gob.bo");
        var page = await browser.PageAsync("/fr/account/profile");
        var key = AccountClient.ElementText(page, "authenticator-key");
        var wrong = Totp.Now(key) == "000000" ? "111111" : "000000";

        using var response = await browser.PostFormAsync("/fr/account/profile?handler=EnableTwoFactor", new Dictionary<string, string> { ["Setup.Code"] = wrong }, "/fr/account/profile");

        var result = await AccountClient.TextAsync(response);
        Assert.Contains("<a href=\"#Setup_Code\">Le code est incorrect ou a expiré.", result);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.Where(u => u.Email == "oscar@mire.gob.bo").Select(u => u.TwoFactorEnabled).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Secretariat_cannot_turn_two_factor_off_but_others_can()
    {
        await factory.CreateUserAsync("paula@oas.org", Roles.Secretariat);
        await factory.CreateUserAsync("quique@apc.gov.co", Roles.Expert);

        using (var signIn = await browser.SignInAsync("paula@oas.org"))
        {
            await EnableTwoFactorAsync();
            var profile = await browser.PageAsync("/en/account/profile");
            Assert.DoesNotContain("handler=DisableTwoFactor", profile);
            using var refused = await browser.PostFormAsync("/en/account/profile?handler=DisableTwoFactor", new Dictionary<string, string>(), "/en/account/profile");
            Assert.Contains("Secretariat accounts must keep two-step verification on.", await AccountClient.TextAsync(refused));
            await browser.SignOutAsync();
        }

        using (var signIn = await browser.SignInAsync("quique@apc.gov.co"))
        {
            await EnableTwoFactorAsync();
            using var disabled = await browser.PostFormAsync("/en/account/profile?handler=DisableTwoFactor", new Dictionary<string, string>(), "/en/account/profile");
            Assert.Equal("/en/account/profile#two-factor", disabled.Headers.Location?.OriginalString);
            Assert.Contains("Two-step verification is now off.", await browser.PageAsync("/en/account/profile"));
        }

        await using var db = factory.NewDbContext();
        var enabled = await db.Users.Where(u => u.Email == "paula@oas.org" || u.Email == "quique@apc.gov.co")
            .ToDictionaryAsync(u => u.Email!, u => u.TwoFactorEnabled, TestContext.Current.CancellationToken);
        Assert.True(enabled["paula@oas.org"]);
        Assert.False(enabled["quique@apc.gov.co"]);
    }

    [Fact]
    public async Task Focal_point_is_denied_the_user_list()
    {
        await factory.CreateUserAsync("rosa@sre.gob.mx", Roles.FocalPoint, "MX");
        using var signIn = await browser.SignInAsync("rosa@sre.gob.mx", lang: "es");

        using var response = await browser.GetAsync("/es/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/es/account/access-denied", denied);
        using var page = await browser.GetAsync(denied);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("<h1>Acceso denegado</h1>", await AccountClient.TextAsync(page));
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_for_the_user_list()
    {
        using var response = await browser.GetAsync("/pt/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/pt/account/sign-in?ReturnUrl=%2Fpt%2Fadmin%2Fusers", response.Headers.Location?.OriginalString);
    }

    /// <summary>Turns on two-step verification from the profile page, as a person with an authenticator app would; returns the key.</summary>
    private async Task<string> EnableTwoFactorAsync()
    {
        var page = await browser.PageAsync("/en/account/profile");
        var key = AccountClient.ElementText(page, "authenticator-key");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.StartsWith("otpauth://totp/CooperaNet", AccountClient.ElementText(page, "authenticator-uri"));

        using var response = await browser.PostFormAsync("/en/account/profile?handler=EnableTwoFactor", new Dictionary<string, string> { ["Setup.Code"] = Totp.Now(key) }, "/en/account/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await AccountClient.TextAsync(response);
        Assert.Contains("Two-step verification is now on.", result);
        lastRecoveryCodes = Regex.Matches(result, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, lastRecoveryCodes.Distinct().Count());
        return key;
    }

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(string email, string recoveryCode)
    {
        using var password = await browser.SignInAsync(email);
        Assert.StartsWith("/en/account/two-factor?", password.Headers.Location?.OriginalString);
        return await browser.PostFormAsync("/en/account/recovery-code", new Dictionary<string, string> { ["Input.Code"] = recoveryCode });
    }
}
