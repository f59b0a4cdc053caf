using CooperaNet.Application.Identity;
using CooperaNet.Cli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests;

public sealed class TokensCommandTests : IDisposable
{
    private readonly TestCli cli = new();

    [Fact]
    public async Task Tokens_create_prints_only_the_secret_and_stores_only_its_hash()
    {
        var userId = await cli.CreateUserAsync("ana@example.org");

        var result = await cli.RunAsync("tokens", "create", "--email", "ana@example.org", "--name", "reporting script");

        Assert.Equal(0, result.ExitCode);
        var secret = Assert.Single(result.Lines);
        Assert.StartsWith(ApiToken.SecretPrefix, secret);
        Assert.Contains("not shown again", result.Error);
        await using var db = cli.OpenDatabase();
        var token = await db.ApiTokens.SingleAsync();
        Assert.Equal((userId, "reporting script"), (token.UserId, token.Name));
        Assert.Equal(ApiToken.HashOf(secret), token.Hash);
        Assert.DoesNotContain(secret, string.Join("|", token.Hash, token.Hint, token.Name));
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.After ?? "").ToListAsync(), after => after.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_for_an_unknown_user_is_refused()
    {
        var result = await cli.RunAsync("tokens", "create", "--email", "nobody@example.org", "--name", "script");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nobody@example.org", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Tokens_list_shows_the_hint_but_never_the_secret()
    {
        await cli.CreateUserAsync("ana@example.org");
        var secret = (await cli.RunAsync("tokens", "create", "--email", "ana@example.org", "--name", "nightly export")).Out.Trim();

        var list = await cli.RunAsync("tokens", "list", "--email", "ana@example.org");

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("nightly export", list.Lines[1]);
        Assert.Contains(secret[..10], list.Lines[1]);
        Assert.DoesNotContain(secret, list.Out);
    }

    [Fact]
    public async Task A_revoked_token_is_marked_revoked_and_no_longer_matches_an_active_token()
    {
        await cli.CreateUserAsync("ana@example.org");
        var secret = (await cli.RunAsync("tokens", "create", "--email", "ana@example.org", "--name", "script")).Out.Trim();
        Guid id;
        await using (var before = cli.OpenDatabase())
        {
            id = (await before.ApiTokens.SingleAsync()).Id;
        }

        var result = await cli.RunAsync("tokens", "revoke", "--id", id.ToString());

        Assert.Equal(0, result.ExitCode);
        await using var db = cli.OpenDatabase();
        var token = await db.ApiTokens.SingleAsync();
        Assert.NotNull(token.RevokedAt);
        Assert.False(await db.ApiTokens.AnyAsync(t => t.Hash == ApiToken.HashOf(secret) && t.RevokedAt == null));
        Assert.Contains(id.ToString(), (await cli.RunAsync("tokens", "list", "--email", "ana@example.org")).Lines[1]);
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(ApiToken) && a.Action == "modified");
        Assert.Equal($"cli:{Environment.UserName}", audit.Actor);
    }

    [Fact]
    public async Task Revoking_an_unknown_token_fails()
    {
        var result = await cli.RunAsync("tokens", "revoke", "--id", Guid.NewGuid().ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No token has the id", result.Error);
    }

    [Fact]
    public async Task A_token_id_that_is_not_a_guid_is_bad_usage()
    {
        var result = await cli.RunAsync("tokens", "revoke", "--id", "42");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'42'", result.Error);
    }

    public void Dispose() => cli.Dispose();
}
