using System.CommandLine;
using System.Globalization;
using CooperaNet.Application.Interop.Iati;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Iati;

/// <summary><c>cooperanet iati export|import</c>: the public record as an IATI 2.03 file, checked against the schema before it is kept; other publishers' activities in the Americas read in.</summary>
internal static class IatiCommand
{
    public static Command Create(CliContext cli) => new("iati", "Exchange activities in the IATI 2.03 standard.")
    {
        Export(cli),
        Import(cli),
    };

    private static Command Import(CliContext cli)
    {
        var filesArgument = new Argument<FileInfo[]>("FILE") { Description = "IATI 2.0x activity files, any publisher's; each is imported on its own.", Arity = ArgumentArity.OneOrMore };
        var dryRunOption = new Option<bool>("--dry-run") { Description = "Read and check everything, say what would change, and change nothing." };
        var command = new Command(
            "import",
            "Import the activities of IATI files that concern the Americas, by iati-identifier: new ones are created, changed ones updated, " +
            "the same ones left alone. A file that is not well-formed or breaks the IATI schema changes nothing; a refused activity does not stop the others.")
        {
            filesArgument, dryRunOption,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var inputs = parsed.GetValue(filesArgument)!;
            var dryRun = parsed.GetValue(dryRunOption);
            if (inputs.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                return await cli.UsageErrorAsync($"The file '{missing.FullName}' does not exist.");
            }

            return await cli.WithServicesAsync(
                async (services, ct) =>
                {
                    var exitCode = ExitCodes.Success;
                    foreach (var input in inputs)
                    {
                        if (!await ImportOneAsync(cli, services, input, dryRun, inputs.Length > 1, ct))
                        {
                            exitCode = ExitCodes.Failure;
                        }
                    }

                    return exitCode;
                },
                cancellationToken);
        });
        return command;
    }

    /// <summary>Imports one file and prints its findings (stdout) and its counts (stderr); false when the file was refused whole.</summary>
    private static async Task<bool> ImportOneAsync(CliContext cli, IServiceProvider services, FileInfo input, bool dryRun, bool named, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        IatiImportResult result;
        await using (var file = input.OpenRead())
        {
            using var scope = services.CreateScope();
            result = await scope.ServiceProvider.GetRequiredService<IatiImporter>().ImportAsync(file, dryRun, new Progress(cli.Error, input.Length), ct);
        }

        var prefix = named ? $"{input.Name}: " : string.Empty;
        foreach (var finding in result.Findings)
        {
            var activity = finding.Activity == 0 ? string.Empty : $"activity {finding.Activity}{(finding.Identifier is null ? string.Empty : $" ({finding.Identifier})")}, ";
            await cli.Out.WriteLineAsync($"{prefix}{finding.Severity.ToString().ToLowerInvariant()}: {activity}{finding.Element}: {finding.Message} [{finding.Code}]");
        }

        var n = (int value) => value.ToString("N0", CultureInfo.InvariantCulture);
        var took = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);
        if (result.Stopped)
        {
            await cli.Error.WriteLineAsync($"error: {input.Name} is not a valid IATI activity file: nothing was imported ({took} ms).");
            return false;
        }

        var warnings = result.Findings.Count(f => f.Severity == IatiSeverity.Warning);
        await cli.Error.WriteLineAsync(
            $"{prefix}{(dryRun ? "Dry run, nothing changed: " : string.Empty)}{n(result.Read)} activities read, {n(result.Created)} {(dryRun ? "to create" : "created")}, " +
            $"{n(result.Updated)} {(dryRun ? "to update" : "updated")}, {n(result.Unchanged)} unchanged, {n(result.Refused)} refused; {n(warnings)} warnings; {took} ms.");
        return true;
    }

    /// <summary>A line on stderr every few hundred activities of a large file.</summary>
    private sealed class Progress(TextWriter error, long length) : IProgress<IatiImportProgress>
    {
        public void Report(IatiImportProgress value)
        {
            if (length >= 5 * 1024 * 1024 && value.BytesRead < length)
            {
                error.WriteLine($"... {value.Activities.ToString("N0", CultureInfo.InvariantCulture)} activities, {(100.0 * value.BytesRead / length).ToString("0", CultureInfo.InvariantCulture)} % of the file");
            }
        }
    }

    private static Command Export(CliContext cli)
    {
        var outOption = new Option<FileInfo>("--out") { Description = "The file to write (replaced if it exists).", Required = true, HelpName = "FILE" };
        var baseUrlOption = new Option<string?>("--base-url") { Description = "The platform's public address, to link each activity to its page (document-link); none when left out.", HelpName = "URL" };
        var command = new Command(
            "export",
            "Write every published or closed offer and demand and every initiative as IATI 2.03 activities. " +
            "The file is checked against the official schema and kept only when it is valid.")
        {
            outOption, baseUrlOption,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var output = parsed.GetValue(outOption)!;
            var baseUrl = parsed.GetValue(baseUrlOption);
            if (output.Directory is { Exists: false } folder)
            {
                return await cli.UsageErrorAsync($"The folder '{folder.FullName}' does not exist.");
            }

            if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                return await cli.UsageErrorAsync($"'{baseUrl}' is not an http or https address.");
            }

            return await cli.WithServicesAsync(
                async (services, ct) =>
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var partial = output.FullName + ".partial";
                    IatiExportResult result;
                    await using (var file = File.Create(partial))
                    {
                        result = await services.GetRequiredService<IatiExporter>().WriteAsync(file, baseUrl, ct);
                    }

                    IReadOnlyList<SchemaFinding> findings;
                    await using (var file = File.OpenRead(partial))
                    {
                        findings = IatiSchema.Validate(file, limit: 10);
                    }

                    if (findings.Count > 0)
                    {
                        File.Delete(partial);
                        foreach (var finding in findings)
                        {
                            await cli.Error.WriteLineAsync($"error: line {finding.Line}, column {finding.Column}: {finding.Message}");
                        }

                        await cli.Error.WriteLineAsync("error: the file does not follow the IATI 2.03 schema; nothing was written.");
                        return ExitCodes.Failure;
                    }

                    File.Move(partial, output.FullName, overwrite: true);
                    var n = (int value) => value.ToString("N0", CultureInfo.InvariantCulture);
                    await cli.Error.WriteLineAsync(
                        $"IATI 2.03: {n(result.Activities)} activities ({n(result.Offers)} offers, {n(result.Demands)} demands, {n(result.Initiatives)} initiatives), " +
                        $"valid against the schema, {n((int)(output.Length / 1024))} KB in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture)} ms.");
                    await cli.Out.WriteLineAsync(output.FullName);
                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }
}
