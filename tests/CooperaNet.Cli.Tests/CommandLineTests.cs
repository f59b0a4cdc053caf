using System.Diagnostics;
using CooperaNet.Cli.Tests.Support;

namespace CooperaNet.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private static readonly string[] Commands = ["migrate", "backup", "restore", "users", "tokens", "reference", "demo", "experts", "iati", "pairs", "match", "classify", "report", "sidicss", "priorities"];

    private readonly TestCli cli = new();

    [Fact]
    public async Task Help_lists_exactly_the_fifteen_commands()
    {
        var result = await cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        var listed = result.Lines.SkipWhile(l => l != "Commands:").Skip(1).Select(l => l.Trim().Split(' ')[0]);
        Assert.Equal(Commands, listed);
    }

    [Theory]
    [InlineData("users", "create")]
    [InlineData("users", "list")]
    [InlineData("tokens", "create")]
    [InlineData("tokens", "list")]
    [InlineData("tokens", "revoke")]
    [InlineData("reference", "show")]
    [InlineData("reference", "import")]
    [InlineData("demo", "seed")]
    [InlineData("experts", "import")]
    [InlineData("pairs", "recompute")]
    public async Task Every_subcommand_has_help(string group, string command)
    {
        var result = await cli.RunAsync(group, command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{group} {command}", result.Out);
        Assert.Contains("Description:", result.Out);
    }

    [Theory]
    [InlineData]
    [InlineData("users")]
    [InlineData("frobnicate")]
    [InlineData("users", "list", "--verbose")]
    public async Task A_missing_or_unknown_command_is_bad_usage_with_a_pointer_to_help(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("--help'", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Settings_that_name_an_unknown_database_provider_fail_with_a_message()
    {
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(
            ["users", "list"], TextReader.Null, TextWriter.Null, error, new Dictionary<string, string?> { ["CooperaNet:Database:Provider"] = "Oracle" }, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Contains("Provider must be Sqlite or PostgreSql", error.ToString());
    }

    [Fact]
    public async Task The_cooperanet_script_at_the_repository_root_runs_the_command_line()
    {
        var root = Repository.Root;
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(root, "cooperanet"), ["--help"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, await error);
        var help = await output;
        Assert.Contains("Usage:\n  cooperanet [command] [options]", help);
        Assert.All(Commands, command => Assert.Contains($"\n  {command} ", help));
    }

    public void Dispose() => cli.Dispose();
}
