using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CooperaNet.Application.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CooperaNet.Cli.Database;

/// <summary><c>cooperanet backup --out FILE</c> and <c>cooperanet restore FILE [--force]</c>.</summary>
internal static class BackupCommand
{
    public static Command Backup(CliContext cli)
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (replaced if it exists).", Required = true };
        var command = new Command("backup", "Copy the whole database to a file while the app keeps running: SQLite's online backup, or pg_dump's custom format on PostgreSQL.") { output };
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, ct) =>
            {
                var file = parsed.GetRequiredValue(output).FullName;
                var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                var watch = Stopwatch.StartNew();
                await DatabaseBackup.BackupAsync(options, file, ct);
                var size = new FileInfo(file).Length;
                await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backed up to {file} ({size} bytes) in {watch.ElapsedMilliseconds} ms."));
                return ExitCodes.Success;
            },
            cancellationToken,
            prepareDatabase: false));
        return command;
    }

    public static Command Restore(CliContext cli)
    {
        var input = new Argument<FileInfo>("file") { Description = "A file written by 'cooperanet backup'." };
        var force = new Option<bool>("--force") { Description = "Replace a database that already holds accounts or catalog entries." };
        var command = new Command("restore", "Replace the database with a backup. Refuses a database that holds accounts or catalog entries unless --force.") { input, force };
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, ct) =>
            {
                var file = parsed.GetRequiredValue(input);
                if (!file.Exists)
                {
                    return await cli.UsageErrorAsync($"no such file: {file.FullName}");
                }

                var db = services.GetRequiredService<CooperaNetDbContext>();
                if (!parsed.GetValue(force) && await DatabaseBackup.HasDataAsync(db, ct))
                {
                    await cli.Error.WriteLineAsync("error: the database already holds accounts or catalog entries; nothing was changed. Add --force to replace them with the backup.");
                    return ExitCodes.Failure;
                }

                var watch = Stopwatch.StartNew();
                await DatabaseBackup.RestoreAsync(db, file.FullName, ct);
                await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Restored {file.FullName} in {watch.ElapsedMilliseconds} ms."));
                return ExitCodes.Success;
            },
            cancellationToken,
            prepareDatabase: false));
        return command;
    }
}
