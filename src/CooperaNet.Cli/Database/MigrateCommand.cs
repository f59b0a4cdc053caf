using System.CommandLine;
using CooperaNet.Application.Data;
using CooperaNet.Application.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Database;

/// <summary><c>cooperanet migrate</c>: what the web app does at start, on demand and with a report.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Apply pending database migrations and load the shipped reference data.");
        command.SetAction((_, cancellationToken) => cli.WithServicesAsync(
            async (services, ct) =>
            {
                var db = services.GetRequiredService<CooperaNetDbContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                var results = await services.InitializeDatabaseAsync(ct);
                await cli.Out.WriteLineAsync($"Database: {db.Database.GetDbConnection().DataSource}");
                await cli.Out.WriteLineAsync(pending.Count == 0
                    ? "Migrations: none pending."
                    : $"Migrations: applied {string.Join(", ", pending)}.");
                WriteImport(cli.Out, results);
                return ExitCodes.Success;
            },
            cancellationToken,
            prepareDatabase: false));
        return command;
    }

    /// <summary>One line per dataset: name, version, records, changed or unchanged.</summary>
    public static void WriteImport(TextWriter output, IEnumerable<DatasetImportResult> results) =>
        TextTable.Write(
            output,
            ["dataset", "version", "records", "status"],
            results.Select(r => new[]
            {
                r.Dataset,
                r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Records.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Changed ? "changed" : "unchanged",
            }));
}
