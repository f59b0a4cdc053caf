using CooperaNet.Application.Partners;
using CooperaNet.Cli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests;

public sealed class UsersCommandTests : IDisposable
{
    private readonly TestCli cli = new();

    [Fact]
    public async Task Created_users_are_listed_with_role_state_and_security_flags()
    {
        var id = await cli.CreateUserAsync("ana@apc.gov.co", "focal-point", state: "co");
        await cli.CreateUserAsync("luis@oas.org", "secretariat");

        var list = await cli.RunAsync("users", "list");

        Assert.Equal(0, list.ExitCode);
        Assert.Equal(["email", "name", "roles", "state", "2fa", "locked", "partner"], Columns(list.Lines[0]));
        Assert.Equal(["ana@apc.gov.co", "ana@apc.gov.co", "focal-point", "CO", "no", "no", "-"], Columns(list.Lines[1]));
        Assert.Equal(["luis@oas.org", "luis@oas.org", "secretariat", "-", "no", "no", "-"], Columns(list.Lines[2]));
        await using var db = cli.OpenDatabase();
        Assert.Equal("ana@apc.gov.co", (await db.Users.SingleAsync(u => u.Id == id)).Email);
    }

    [Fact]
    public async Task A_partner_user_is_listed_with_their_partner_organisation()
    {
        var result = await cli.RunWithInputAsync(
            TestCli.Password + "\n", "users", "create", "--email", "eva@segib.org", "--role", "partner", "--partner-organisation", PartnerSeeder.Segib.ToString(), "--password-stdin");

        Assert.Equal(0, result.ExitCode);
        var list = await cli.RunAsync("users", "list");
        Assert.Equal(["eva@segib.org", "eva@segib.org", "partner", "-", "no", "no", "Secretaría General Iberoamericana"], Columns(list.Lines[1]));
    }

    [Fact]
    public async Task The_display_name_is_stored_when_given()
    {
        var result = await cli.RunWithInputAsync(TestCli.Password + "\n", "users", "create", "--email", "eva@example.org", "--role", "expert", "--name", "Eva Lima", "--password-stdin");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Eva Lima", (await cli.RunAsync("users", "list")).Out);
    }

    [Fact]
    public async Task A_focal_point_without_a_state_is_refused_as_bad_usage()
    {
        var result = await cli.RunWithInputAsync(TestCli.Password + "\n", "users", "create", "--email", "ana@apc.gov.co", "--role", "focal-point", "--password-stdin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--state", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_state_that_is_not_an_OAS_member_is_refused()
    {
        var result = await cli.RunWithInputAsync(TestCli.Password + "\n", "users", "create", "--email", "ana@example.org", "--role", "focal-point", "--state", "FR", "--password-stdin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not an OAS member state", result.Error);
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_the_list_of_roles()
    {
        var result = await cli.RunWithInputAsync(TestCli.Password + "\n", "users", "create", "--email", "ana@example.org", "--role", "admin", "--password-stdin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'admin'", result.Error);
        Assert.Contains("working-group-member", result.Error);
    }

    [Fact]
    public async Task An_empty_stdin_is_refused_and_no_user_is_created()
    {
        var result = await cli.RunWithInputAsync(string.Empty, "users", "create", "--email", "ana@example.org", "--role", "expert", "--password-stdin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no password on standard input", result.Error);
        Assert.Single((await cli.RunAsync("users", "list")).Lines); // the header only
    }

    [Fact]
    public async Task A_password_is_never_taken_without_password_stdin()
    {
        var result = await cli.RunWithInputAsync(TestCli.Password + "\n", "users", "create", "--email", "ana@example.org", "--role", "expert");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--password-stdin", result.Error);
    }

    [Fact]
    public async Task A_password_the_web_app_would_refuse_is_refused_here_too()
    {
        var result = await cli.RunWithInputAsync("Short-1\n", "users", "create", "--email", "ana@example.org", "--role", "expert", "--password-stdin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least 12 characters", result.Error);
    }

    [Fact]
    public async Task A_common_password_is_refused_with_the_reason_in_English()
    {
        var result = await cli.RunWithInputAsync("qwertyuiop123\n", "users", "create", "--email", "ana@example.org", "--role", "expert", "--password-stdin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: This password is on a list of common passwords. Choose a longer phrase of your own.", result.Error);
        await using var db = cli.OpenDatabase();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "ana@example.org", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Users_created_here_are_audited_as_the_command_line_and_its_operating_system_user()
    {
        var id = await cli.CreateUserAsync("ana@example.org");

        await using var db = cli.OpenDatabase();
        var entry = await db.AuditEntries.SingleAsync(a => a.Entity == "ApplicationUser" && a.EntityKey == id.ToString());
        Assert.Equal($"cli:{Environment.UserName}", entry.Actor);
        Assert.Null(entry.ActorId);
        Assert.Equal("added", entry.Action);
        Assert.DoesNotContain(TestCli.Password, entry.After);
    }

    public void Dispose() => cli.Dispose();

    private static string[] Columns(string line) => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
