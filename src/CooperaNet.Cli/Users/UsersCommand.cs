using System.CommandLine;
using CooperaNet.Application.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Users;

/// <summary><c>cooperanet users create|list</c>.</summary>
internal static class UsersCommand
{
    public static Command Create(CliContext cli) => new("users", "Create and list user accounts.")
    {
        CreateUser(cli),
        ListUsers(cli),
    };

    private static Command CreateUser(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "E-mail address; also the sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = "The user's role.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var state = new Option<string?>("--state") { Description = "Member state (ISO alpha-2, e.g. CO); required for focal points only." };
        var organisation = new Option<Guid?>("--partner-organisation") { Description = "Id of the partner organisation a partner user speaks for." };
        var name = new Option<string?>("--name") { Description = "Name shown to others (defaults to the e-mail address)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (required)." };
        var command = new Command("create", "Create a user account and print its id.") { email, role, state, organisation, name, passwordStdin };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (!parsed.GetValue(passwordStdin))
            {
                return await cli.UsageErrorAsync("pass --password-stdin and pipe the password in: passwords are never taken as arguments.");
            }

            var password = await cli.In.ReadLineAsync(cancellationToken);
            if (string.IsNullOrEmpty(password))
            {
                return await cli.UsageErrorAsync("no password on standard input. Pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | cooperanet users create ...");
            }

            return await cli.WithServicesAsync(
                async (services, _) =>
                {
                    var (user, error) = await services.GetRequiredService<UserAdministration>().CreateUserAsync(
                        parsed.GetRequiredValue(email), parsed.GetRequiredValue(role), parsed.GetValue(state), password, parsed.GetValue(name));
                    if (error is null && parsed.GetValue(organisation) is { } partner)
                    {
                        error = await services.GetRequiredService<UserAdministration>().SetPartnerOrganisationAsync(user!.Id, partner);
                    }

                    if (error is not null)
                    {
                        return await cli.FailAsync(error);
                    }

                    await cli.Out.WriteLineAsync(user!.Id.ToString());
                    await cli.Error.WriteLineAsync($"Created {user.Email} ({string.Join(", ", user.Roles)}{(user.MemberState is null ? "" : ", " + user.MemberState)}).");
                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }

    private static Command ListUsers(CliContext cli)
    {
        var command = new Command("list", "List user accounts: e-mail, name, roles, state, two-factor sign-in, lock-out, partner organisation.");
        command.SetAction((_, cancellationToken) => cli.WithServicesAsync(
            async (services, _) =>
            {
                var users = await services.GetRequiredService<UserAdministration>().ListUsersAsync();
                TextTable.Write(
                    cli.Out,
                    ["email", "name", "roles", "state", "2fa", "locked", "partner"],
                    users.Select(u => new[]
                    {
                        u.Email, u.DisplayName, string.Join(",", u.Roles), u.MemberState ?? "-", TextTable.YesNo(u.TwoFactor), TextTable.YesNo(u.LockedOut), u.PartnerOrganisation ?? "-",
                    }));
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
