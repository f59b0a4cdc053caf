using System.CommandLine;
using CooperaNet.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Tokens;

/// <summary><c>cooperanet tokens create|list|revoke</c>: personal API tokens.</summary>
internal static class TokensCommand
{
    public static Command Create(CliContext cli) => new("tokens", "Create, list and revoke personal API tokens.")
    {
        CreateToken(cli),
        ListTokens(cli),
        RevokeToken(cli),
    };

    private static Command CreateToken(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-mail address of the token's owner.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for (\"reporting script\").", Required = true };
        var command = new Command("create", "Create a token and print its secret, once, alone on stdout.") { email, name };
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, _) =>
            {
                var owner = parsed.GetRequiredValue(email);
                var (token, error) = await services.GetRequiredService<UserAdministration>().CreateTokenAsync(owner, parsed.GetRequiredValue(name));
                if (error is not null)
                {
                    return await cli.FailAsync(error);
                }

                // Only the secret on stdout, so TOKEN=$(cooperanet tokens create ...) captures it alone.
                await cli.Out.WriteLineAsync(token!.Secret);
                await cli.Error.WriteLineAsync($"Token {token.Id} \"{token.Name}\" created for {owner}. Store the secret now: it is not shown again.");
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command ListTokens(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-mail address of the tokens' owner.", Required = true };
        var command = new Command("list", "List a user's tokens (never their secrets).") { email };
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, _) =>
            {
                var owner = parsed.GetRequiredValue(email);
                var user = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(owner);
                if (user is null)
                {
                    await cli.Error.WriteLineAsync($"error: no user has the e-mail address '{owner}'.");
                    return ExitCodes.Failure;
                }

                var tokens = await services.GetRequiredService<UserAdministration>().ListTokensAsync(user.Id);
                TextTable.Write(
                    cli.Out,
                    ["id", "name", "hint", "created", "last used", "revoked"],
                    tokens.Select(t => new[] { t.Id.ToString(), t.Name, t.Hint, TextTable.Time(t.CreatedAt), TextTable.Time(t.LastUsedAt), TextTable.Time(t.RevokedAt) }));
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static Command RevokeToken(CliContext cli)
    {
        var id = new Option<Guid>("--id") { Description = "The token's id, as 'tokens list' shows it.", Required = true };
        var command = new Command("revoke", "Revoke a token: it stops authenticating at once; its record stays.") { id };
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, _) =>
            {
                var tokenId = parsed.GetValue(id);
                var error = await services.GetRequiredService<UserAdministration>().RevokeTokenAsync(tokenId);
                if (error is not null)
                {
                    return await cli.FailAsync(error);
                }

                await cli.Error.WriteLineAsync($"Token {tokenId} is revoked.");
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
