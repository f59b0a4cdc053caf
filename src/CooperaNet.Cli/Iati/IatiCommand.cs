using System.CommandLine;
using System.Globalization;
using CooperaNet.Application.Interop.Iati;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Iati;

/// <summary><c>cooperanet iati export</c>: the public record as an IATI 2.03 file, checked against the schema before it is kept.</summary>
internal static class IatiCommand
{
    public static Command Create(CliContext cli) => new("iati", "Exchange activities in the IATI 2.03 standard.")
    {
        Export(cli),
    };

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
