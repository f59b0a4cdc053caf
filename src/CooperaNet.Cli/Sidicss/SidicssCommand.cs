using System.CommandLine;
using CooperaNet.Application.Interop.Sidicss;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Sidicss;

/// <summary><c>cooperanet sidicss export|import</c>: initiatives in the layout of SEGIB's SIDICSS, as CSV or XLSX.</summary>
internal static class SidicssCommand
{
    public static Command Create(CliContext cli) => new("sidicss", "Exchange initiatives with SEGIB in the SIDICSS layout (CSV or XLSX).")
    {
        Export(cli),
        Import(cli),
    };

    private static Command Export(CliContext cli)
    {
        var outOption = new Option<FileInfo>("--out") { Description = "The file to write (replaced if it exists); .csv or .xlsx says the format.", Required = true, HelpName = "FILE" };
        var command = new Command("export", "Write every initiative as one SIDICSS row: type, modality, each state's role, sector of activity, SDGs, status, dates, costs by role.")
        {
            outOption,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var output = parsed.GetValue(outOption)!;
            if (FormatOf(output) is not { } format)
            {
                return await cli.UsageErrorAsync($"'{output.Name}' should end in .csv or .xlsx.");
            }

            if (output.Directory is { Exists: false } folder)
            {
                return await cli.UsageErrorAsync($"The folder '{folder.FullName}' does not exist.");
            }

            return await cli.WithServicesAsync(
                async (services, ct) =>
                {
                    var (content, rows) = await services.GetRequiredService<SidicssExchange>().ExportAsync(format, ct);
                    await File.WriteAllBytesAsync(output.FullName, content, ct);
                    await cli.Error.WriteLineAsync($"SIDICSS: {rows} initiatives as {format.ToString().ToUpperInvariant()}, {content.Length} bytes.");
                    await cli.Out.WriteLineAsync(output.FullName);
                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }

    private static Command Import(CliContext cli)
    {
        var fileArgument = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file in the SIDICSS layout (as the export writes it)." };
        var dryRunOption = new Option<bool>("--dry-run") { Description = "Check every row and say what would change; change nothing." };
        var command = new Command(
            "import",
            "Create or update initiatives from a SIDICSS file, by code (an empty code is a new initiative). A bad row is reported with its line and column " +
            "and the others are taken; a file that cannot be read or whose header is not the layout's changes nothing.")
        {
            fileArgument, dryRunOption,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var input = parsed.GetValue(fileArgument)!;
            var dryRun = parsed.GetValue(dryRunOption);
            if (FormatOf(input) is not { } format)
            {
                return await cli.UsageErrorAsync($"'{input.Name}' should end in .csv or .xlsx.");
            }

            if (!input.Exists)
            {
                return await cli.UsageErrorAsync($"The file '{input.FullName}' does not exist.");
            }

            return await cli.WithServicesAsync(
                async (services, ct) =>
                {
                    SidicssImportResult result;
                    await using (var file = input.OpenRead())
                    {
                        result = await services.GetRequiredService<SidicssExchange>().ImportAsync(file, format, dryRun, ct);
                    }

                    foreach (var finding in result.Findings)
                    {
                        var column = finding.Column.Length > 0 ? $", column {finding.Column}" : string.Empty;
                        var where = finding.Line > 0 ? $"line {finding.Line}{column}: " : string.Empty;
                        await cli.Out.WriteLineAsync($"{(result.Stopped ? "error" : "refused")}: {where}{finding.Message}");
                    }

                    if (result.Stopped)
                    {
                        await cli.Error.WriteLineAsync($"error: {input.Name} cannot be imported: nothing changed.");
                        return ExitCodes.Failure;
                    }

                    await cli.Error.WriteLineAsync(dryRun
                        ? $"Dry run, nothing changed: {result.Rows} rows read, {result.Created} to create, {result.Updated} to update, {result.Unchanged} unchanged, {result.Refused} refused."
                        : $"{result.Rows} rows read, {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged, {result.Refused} refused.");
                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }

    private static SidicssFormat? FormatOf(FileInfo file) => file.Extension.ToLowerInvariant() switch
    {
        ".csv" => SidicssFormat.Csv,
        ".xlsx" => SidicssFormat.Xlsx,
        _ => null,
    };
}
