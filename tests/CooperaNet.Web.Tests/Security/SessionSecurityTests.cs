using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Security;

/// <summary>The application checking every session cookie against the account's security stamp on each request.</summary>
public sealed class SessionCheckFactory : CooperaNetFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CooperaNet:SignIn:SessionCheckSeconds", "0");
    }
}

/// <summary>Authenticator codes are accepted once; a changed or reset password ends the other sessions.</summary>
public sealed class SessionSecurityTests(SessionCheckFactory factory) : IClassFixture<SessionCheckFactory>
{
    [Fact]
    public async Task The_same_authenticator_code_signs_in_only_once()
    {
        await factory.CreateUserAsync("rosa@apc.gov.co", Roles.Expert);
        var browser = AccountClient.For(factory);
        using (var signIn = await browser.SignInAsync("rosa@apc.gov.co"))
        {
            var key = AccountClient.ElementText(await browser.PageAsync("/en/account/profile"), "authenticator-key");
            using var enable = await browser.PostFormAsync("/en/account/profile?handler=EnableTwoFactor", new Dictionary<string, string> { ["Setup.Code"] = Totp.Now(key) }, "/en/account/profile");
            Assert.Contains("Two-step verification is now on.", await AccountClient.TextAsync(enable));
            await browser.SignOutAsync();

            // The next step's code: the one that turned two-factor on is spent, and this one is within the allowed drift.
            var code = Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30));
            using var first = await SignInWithCodeAsync(browser, "rosa@apc.gov.co", code);
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal("/en/", first.Headers.Location?.OriginalString);
            await browser.SignOutAsync();

            using var again = await SignInWithCodeAsync(browser, "rosa@apc.gov.co", code);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("The code is not correct or has expired.", await AccountClient.TextAsync(again));
        }

        await using var db = factory.NewDbContext();
        Assert.NotNull(await db.Users.Where(u => u.Email == "rosa@apc.gov.co").Select(u => u.LastTotpTimeStep).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        await factory.CreateUserAsync("sara@apc.gov.co", Roles.FocalPoint, "CO");
        var here = AccountClient.For(factory);
        var elsewhere = AccountClient.For(factory);
        using var signInHere = await here.SignInAsync("sara@apc.gov.co");
        // The first visit to the profile creates the authenticator key, which renews the stamp: before the second session opens.
        await here.PageAsync("/en/account/profile");
        using var signInElsewhere = await elsewhere.SignInAsync("sara@apc.gov.co");
        await elsewhere.PageAsync("/en/account/profile");

        using var changed = await ChangePasswordAsync(here, "en", TestUsers.Password, "a changed passphrase 2026");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/en/account/profile#password", changed.Headers.Location?.OriginalString);
        Assert.Contains("Your password was changed. Other sessions of this account are signed out.", await here.PageAsync("/en/account/profile"));
        using var old = await elsewhere.GetAsync("/en/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.StartsWith("/en/account/sign-in", old.Headers.Location?.OriginalString);
        using var api = await elsewhere.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var newPassword = await AccountClient.For(factory).SignInAsync("sara@apc.gov.co", "a changed passphrase 2026");
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task Change_password_form_refuses_a_wrong_current_or_a_common_new_password_in_the_page_language()
    {
        await factory.CreateUserAsync("ugo@apc.gov.co", Roles.Expert);
        var browser = AccountClient.For(factory);
        using var signIn = await browser.SignInAsync("ugo@apc.gov.co");

        using var wrongCurrent = await ChangePasswordAsync(browser, "es", "not my password 123", "a changed passphrase 2026");
        using var common = await ChangePasswordAsync(browser, "pt", TestUsers.Password, "qwertyuiop2026");

        Assert.Contains("<p class=\"field-error\" id=\"Password_CurrentPassword-error\">La contraseña no es correcta.</p>", await AccountClient.TextAsync(wrongCurrent));
        Assert.Contains("<p class=\"field-error\" id=\"Password_NewPassword-error\">Esta senha está em uma lista de senhas comuns.", await AccountClient.TextAsync(common));
        using var stillOld = await AccountClient.For(factory).SignInAsync("ugo@apc.gov.co");
        Assert.Equal(HttpStatusCode.Redirect, stillOld.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_outside_the_page_also_ends_sessions()
    {
        await factory.CreateUserAsync("vera@apc.gov.co", Roles.FocalPoint, "CO");
        var elsewhere = AccountClient.For(factory);
        using var signIn = await elsewhere.SignInAsync("vera@apc.gov.co");
        await elsewhere.PageAsync("/en/account/profile");

        var changed = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.ChangePasswordAsync((await users.FindByEmailAsync("vera@apc.gov.co"))!, TestUsers.Password, "a changed passphrase 2026");
        });

        Assert.True(changed.Succeeded);
        using var old = await elsewhere.GetAsync("/en/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
    }

    [Fact]
    public async Task Resetting_the_password_ends_sessions_opened_with_the_old_one()
    {
        await factory.CreateUserAsync("tomas@apc.gov.co", Roles.FocalPoint, "CO");
        var elsewhere = AccountClient.For(factory);
        using var signIn = await elsewhere.SignInAsync("tomas@apc.gov.co");
        await elsewhere.PageAsync("/en/account/profile");

        var reset = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("tomas@apc.gov.co"))!;
            return await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "a reset passphrase 2026");
        });

        Assert.True(reset.Succeeded);
        using var old = await elsewhere.GetAsync("/en/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.StartsWith("/en/account/sign-in", old.Headers.Location?.OriginalString);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(AccountClient browser, string lang, string current, string next) =>
        browser.PostFormAsync($"/{lang}/account/profile?handler=ChangePassword", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = current,
            ["Password.NewPassword"] = next,
            ["Password.ConfirmPassword"] = next,
        }, $"/{lang}/account/profile");

    private static async Task<HttpResponseMessage> SignInWithCodeAsync(AccountClient browser, string email, string code)
    {
        using var password = await browser.SignInAsync(email);
        var step = password.Headers.Location?.OriginalString ?? string.Empty;
        Assert.StartsWith("/en/account/two-factor?", step);
        return await browser.PostFormAsync(step, new Dictionary<string, string> { ["Input.Code"] = code });
    }
}
