using CooperaNet.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests.Support;

/// <summary>What one run of the command line returned and wrote.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Stdout's lines, without the trailing empty one.</summary>
    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}

/// <summary>
/// Runs the command line in-process against its own fresh SQLite folder. Each test gets one, since
/// xunit creates the test class anew for every test.
/// </summary>
public sealed class TestCli : IDisposable
{
    public const string Password = "Correct-horse-battery-42";

    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-cli-test-").FullName;

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["CooperaNet:Database:Provider"] = DatabaseProvider.Sqlite,
            ["CooperaNet:Database:DataDirectory"] = folder,
        };
        var code = await CliApp.RunAsync(args, input, output, error, settings, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Creates a user and returns the id the command printed.</summary>
    public async Task<Guid> CreateUserAsync(string email, string role = "expert", string? state = null)
    {
        string[] args = ["users", "create", "--email", email, "--role", role, "--password-stdin"];
        var result = await RunWithInputAsync(Password + "\n", state is null ? args : [.. args, "--state", state]);
        Assert.True(result.ExitCode == 0, result.Error);
        return Guid.Parse(result.Out.Trim());
    }

    /// <summary>The database the command line wrote, opened directly to check what it stored.</summary>
    public CooperaNetDbContext OpenDatabase()
    {
        var connection = DataServiceCollectionExtensions.SqliteConnectionString(new DatabaseOptions { DataDirectory = folder }, folder);
        return new SqliteCooperaNetDbContext(new DbContextOptionsBuilder<SqliteCooperaNetDbContext>().UseSqlite(connection).Options);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file; the temp folder is cleaned by the OS.
        }
    }
}
