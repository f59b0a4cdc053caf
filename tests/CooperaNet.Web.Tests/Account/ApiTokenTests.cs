using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Account;

public sealed class ApiTokenTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private readonly AccountClient browser = AccountClient.For(factory);

    [Fact]
    public async Task Token_created_on_the_profile_authenticates_api_calls_until_it_is_revoked()
    {
        await factory.CreateUserAsync("sara@apc.gov.co", Roles.FocalPoint, "CO");
        using var signIn = await browser.SignInAsync("sara@apc.gov.co");

        var (id, secret) = await CreateTokenAsync("reporting script");

        using (var me = await CallMeAsync(secret))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            var body = await me.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal("sara@apc.gov.co", body.GetProperty("email").GetString());
            Assert.Equal("CO", body.GetProperty("memberState").GetString());
            Assert.Equal(["focal-point"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        }

        var listed = await browser.PageAsync("/en/account/profile");
        Assert.DoesNotContain(secret, listed);
        Assert.Contains($"<code>{secret[..10]}…</code>", listed);

        using var revoke = await browser.PostFormAsync("/en/account/profile?handler=RevokeToken", new Dictionary<string, string> { ["tokenId"] = id }, "/en/account/profile");
        Assert.Equal("/en/account/profile#api-tokens", revoke.Headers.Location?.OriginalString);
        Assert.Contains("The token has been revoked.", await browser.PageAsync("/en/account/profile"));

        using var after = await CallMeAsync(secret);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_change_of_the_users_roles_or_state_reaches_the_token_at_the_next_call()
    {
        await factory.CreateUserAsync("ines@apc.gov.co", Roles.FocalPoint, "CO");
        using var signIn = await browser.SignInAsync("ines@apc.gov.co");
        var (_, secret) = await CreateTokenAsync("nightly sync");
        using (var before = await CallMeAsync(secret))
        {
            var body = await before.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal("CO", body.GetProperty("memberState").GetString());
        }

        // The claims a token carries are kept between calls; a change made through the accounts replaces them at once.
        var changed = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("ines@apc.gov.co"))!;
            user.MemberStateCode = "PE";
            var moved = await users.UpdateAsync(user);
            var expert = await users.AddToRoleAsync(user, Roles.Expert);
            return moved.Succeeded && expert.Succeeded;
        });
        Assert.True(changed);

        using var after = await CallMeAsync(secret);
        var now = await after.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("PE", now.GetProperty("memberState").GetString());
        Assert.Equal(["expert", "focal-point"], now.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Creating_a_token_is_audited_under_the_users_email()
    {
        await factory.CreateUserAsync("tomas@cancilleria.gob.ec", Roles.Expert);
        using var signIn = await browser.SignInAsync("tomas@cancilleria.gob.ec");

        var (id, secret) = await CreateTokenAsync("data export");

        await using var db = factory.NewDbContext();
        var entry = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Entity == "ApiToken" && a.EntityKey == id && a.Action == "added", TestContext.Current.CancellationToken);
        Assert.Equal("tomas@cancilleria.gob.ec", entry.Actor);
        Assert.NotNull(entry.ActorId);
        Assert.Contains("data export", entry.After);
        Assert.DoesNotContain(secret, entry.After);
    }

    [Fact]
    public async Task User_cannot_revoke_someone_elses_token()
    {
        await factory.CreateUserAsync("ursula@mfa.gov.jm", Roles.Expert);
        await factory.CreateUserAsync("victor@mfa.gov.tt", Roles.Expert);
        using var owner = await browser.SignInAsync("ursula@mfa.gov.jm");
        var (id, secret) = await CreateTokenAsync("ursula's script");
        await browser.SignOutAsync();
        using var other = await browser.SignInAsync("victor@mfa.gov.tt");

        using var refused = await browser.PostFormAsync("/en/account/profile?handler=RevokeToken", new Dictionary<string, string> { ["tokenId"] = id }, "/en/account/profile");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("That token does not exist in your account.", await AccountClient.TextAsync(refused));
        using var stillWorks = await CallMeAsync(secret);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Theory]
    [InlineData("", "Enter a name for the token.")]
    [InlineData("   ", "Enter a name for the token.")]
    [InlineData(101, "The token name must be 100 characters or fewer.")]
    public async Task Token_needs_a_name_of_1_to_100_characters(object nameOrLength, string message)
    {
        var name = nameOrLength as string ?? new string('n', (int)nameOrLength);
        var email = $"named-{Guid.NewGuid():N}@oas.org";
        await factory.CreateUserAsync(email, Roles.Partner);
        using var signIn = await browser.SignInAsync(email);

        using var response = await browser.PostFormAsync("/en/account/profile?handler=CreateToken", new Dictionary<string, string> { ["NewToken.Name"] = name }, "/en/account/profile");

        var page = await AccountClient.TextAsync(response);
        Assert.Contains($"<p class=\"field-error\" id=\"NewToken_Name-error\">{message}</p>", page);
        Assert.DoesNotContain("class=\"secret\" id=\"new-token\"", page);
    }

    [Fact]
    public async Task Me_without_credentials_is_a_401_problem()
    {
        using var response = await browser.GetAsync("/api/v1/me?lang=fr");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var bogus = await CallMeAsync("cnt_0000000000000000000000000000000000000000000000000000000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, bogus.StatusCode);
    }

    [Fact]
    public async Task Me_answers_for_a_signed_in_browser_too()
    {
        await factory.CreateUserAsync("wanda@sre.gob.mx", Roles.Expert);
        using var signIn = await browser.SignInAsync("wanda@sre.gob.mx");

        using var response = await browser.GetAsync("/api/v1/me");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("wanda@sre.gob.mx", body.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("memberState").ValueKind);
    }

    /// <summary>Creates a token on the profile page; returns its id (from the revoke form) and the secret shown once.</summary>
    private async Task<(string Id, string Secret)> CreateTokenAsync(string name)
    {
        using var response = await browser.PostFormAsync("/en/account/profile?handler=CreateToken", new Dictionary<string, string> { ["NewToken.Name"] = name }, "/en/account/profile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AccountClient.TextAsync(response);
        var secret = AccountClient.ElementText(page, "new-token");
        Assert.StartsWith(ApiToken.SecretPrefix, secret);
        Assert.Contains("it will not be shown again", page);
        var id = Regex.Match(page, "name=\"tokenId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(id);
        return (id, secret);
    }

    private async Task<HttpResponseMessage> CallMeAsync(string secret)
    {
        using var api = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await api.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
