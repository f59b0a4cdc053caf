using System.CommandLine;
using System.CommandLine.Help;
using CooperaNet.Cli.Database;
using CooperaNet.Cli.Demo;
using CooperaNet.Cli.Experts;
using CooperaNet.Cli.Iati;
using CooperaNet.Cli.Matching;
using CooperaNet.Cli.Pairs;
using CooperaNet.Cli.Priorities;
using CooperaNet.Cli.Reference;
using CooperaNet.Cli.Reports;
using CooperaNet.Cli.Sidicss;
using CooperaNet.Cli.Tokens;
using CooperaNet.Cli.Users;

namespace CooperaNet.Cli;

/// <summary>The <c>cooperanet</c> command line, runnable in-process with its own streams and settings.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdin">Standard input (the password for <c>users create</c>).</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors and notes go.</param>
    /// <param name="settings">Configuration that overrides appsettings.json and environment variables.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    public static async Task<int> RunAsync(
        string[] args,
        TextReader stdin,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var cli = new CliContext(stdin, stdout, stderr, settings);
        var root = new RootCommand("CooperaNet administration: the database and its backups, user accounts, API tokens, reference data, demo data, the experts' roster, IATI and SIDICSS exchange and the stored pairs; batch matching and classification; the semester reports; the priority areas.")
        {
            MigrateCommand.Create(cli),
            BackupCommand.Backup(cli),
            BackupCommand.Restore(cli),
            UsersCommand.Create(cli),
            TokensCommand.Create(cli),
            ReferenceCommand.Create(cli),
            DemoCommand.Create(cli),
            ExpertsCommand.Create(cli),
            IatiCommand.Create(cli),
            PairsCommand.Create(cli),
            MatchCommand.Match(cli),
            MatchCommand.Classify(cli),
            ReportCommand.Create(cli),
            SidicssCommand.Create(cli),
            PrioritiesCommand.Create(cli),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync($"See '{HelpCommandLine(parsed)}'.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    private static string HelpCommandLine(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', ["cooperanet", .. names, "--help"]);
    }
}
