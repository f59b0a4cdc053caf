using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Security;

/// <summary>
/// The second step of signing in (authenticator or recovery code) has its own limits, per account and per
/// address; two instances on one database count the same attempts. Same host as the password-step tests
/// (other accounts and addresses), so no extra start-up.
/// </summary>
public sealed partial class SignInLimitTests
{
    [Fact]
    public async Task Fourth_code_for_one_account_from_anywhere_is_refused_even_when_right()
    {
        var key = await TwoStepUserAsync("codigo@mre.gov.br");
        var client = AccountClient.For(factory);
        using var password = await As(client, "10.3.0.1").SignInAsync("codigo@mre.gov.br", lang: "pt");
        var step = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/pt/account/two-factor?", step);

        for (var i = 1; i <= 3; i++)
        {
            using var wrong = await As(client, $"10.3.1.{i}").PostFormAsync(step, new Dictionary<string, string> { ["Input.Code"] = WrongCode(key) });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("O código não está correto ou expirou.", await AccountClient.TextAsync(wrong));
        }

        using var refused = await As(client, "10.3.1.4").PostFormAsync(step, new Dictionary<string, string> { ["Input.Code"] = Totp.Now(key) });
        using var recovery = await client.PostFormAsync("/pt/account/recovery-code", new Dictionary<string, string> { ["Input.Code"] = "abcde-fghij" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 600);
        var page = await AccountClient.TextAsync(refused);
        Assert.Contains($"Códigos tentados demais. Aguarde {wait} segundos e tente novamente.", page);
        Assert.Contains("<h1>Verificação em duas etapas</h1>", page);
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("cooperanet=", StringComparison.Ordinal)));
        // The recovery-code page is the same step: it shares the count.
        Assert.Equal(HttpStatusCode.TooManyRequests, recovery.StatusCode);
        Assert.True(recovery.Headers.Contains("Retry-After"));
        Assert.Contains("Códigos tentados demais.", await AccountClient.TextAsync(recovery));
    }

    [Fact]
    public async Task Fourth_code_from_one_address_at_any_account_is_refused()
    {
        var first = await TwoStepUserAsync("uno@sre.gob.mx");
        var second = await TwoStepUserAsync("dos@sre.gob.mx");
        var one = AccountClient.For(factory);
        var other = AccountClient.For(factory);
        using var signInOne = await As(one, "10.4.0.1").SignInAsync("uno@sre.gob.mx", lang: "en");
        using var signInOther = await As(other, "10.4.0.1").SignInAsync("dos@sre.gob.mx", lang: "en");
        var stepOne = signInOne.Headers.Location!.OriginalString;
        var stepOther = signInOther.Headers.Location!.OriginalString;

        using var a = await one.PostFormAsync(stepOne, new Dictionary<string, string> { ["Input.Code"] = WrongCode(first) });
        using var b = await other.PostFormAsync(stepOther, new Dictionary<string, string> { ["Input.Code"] = WrongCode(second) });
        using var c = await one.PostFormAsync(stepOne, new Dictionary<string, string> { ["Input.Code"] = WrongCode(first) });
        using var refused = await other.PostFormAsync(stepOther, new Dictionary<string, string> { ["Input.Code"] = WrongCode(second) });
        using var elsewhere = await As(other, "10.4.0.2").PostFormAsync(stepOther, new Dictionary<string, string> { ["Input.Code"] = Totp.Now(second) });

        Assert.All(new[] { a, b, c }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many codes tried.", await AccountClient.TextAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/en/", elsewhere.Headers.Location?.OriginalString);
    }

    private static AccountClient As(AccountClient client, string address)
    {
        client.Http.DefaultRequestHeaders.Remove(TightSignInFactory.AddressHeader);
        client.Http.DefaultRequestHeaders.Add(TightSignInFactory.AddressHeader, address);
        return client;
    }

    /// <summary>Six digits that are none of the codes the server would accept now (allowing for drift).</summary>
    private static string WrongCode(string key)
    {
        var now = TimeProvider.System.GetUtcNow();
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(code => !accepted.Contains(code));
    }

    /// <summary>An expert with an authenticator; returns its key.</summary>
    private async Task<string> TwoStepUserAsync(string email)
    {
        await factory.CreateUserAsync(email, Roles.Expert);
        return await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
    }

    [Fact]
    public async Task Attempts_on_one_instance_count_on_the_other()
    {
        await factory.CreateUserAsync("compartido@cancilleria.gob.ar", Roles.FocalPoint, "AR");
        await using var second = new SecondInstance(factory.Database);

        for (var i = 1; i <= 2; i++)
        {
            using var wrong = await As(AccountClient.For(factory), $"10.5.0.{i}").SignInAsync("compartido@cancilleria.gob.ar", "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var third = await As(AccountClient.For(second), "10.5.0.3").SignInAsync("compartido@cancilleria.gob.ar", "not the password at all");
        using var refused = await As(AccountClient.For(second), "10.5.0.4").SignInAsync("compartido@cancilleria.gob.ar");

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Contains("The e-mail address or the password is wrong.", await AccountClient.TextAsync(third));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Counters_restart_in_a_new_window_and_old_windows_are_deleted()
    {
        var counts = await factory.WithScopeAsync(async sp =>
        {
            var counter = sp.GetRequiredService<SignInAttemptCounter>();
            var ct = TestContext.Current.CancellationToken;
            int[] seen = [await counter.CountAsync("k1", 600, ct), await counter.CountAsync("k1", 600, ct), await counter.CountAsync("k2", 600, ct), await counter.CountAsync("k1", 1200, ct)];
            var deleted = await counter.DeleteStartedBeforeAsync(1200, ct);
            return (seen, deleted, again: await counter.CountAsync("k2", 600, ct));
        });

        Assert.Equal([1, 2, 1, 1], counts.seen);
        Assert.Equal(1, counts.deleted);
        Assert.Equal(1, counts.again);
    }

    /// <summary>Another instance of the tight application, on the first one's database.</summary>
    private sealed class SecondInstance(TestDatabase shared) : TightSignInFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in shared.Settings())
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
