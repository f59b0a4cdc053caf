using System.CommandLine;
using System.Globalization;
using CooperaNet.Application.Reports;
using CooperaNet.Domain;
using CooperaNet.Domain.WorkPlans;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Reports;

/// <summary><c>cooperanet report</c>: a semester's report written to a file, as the Reports page serves it.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext cli)
    {
        var semesterOption = new Option<string>("--semester") { Description = "The semester: the year, then H1 (January–June) or H2 (July–December).", Required = true, HelpName = "2024H1" };
        var langOption = new Option<string>("--lang") { Description = "The report's language: es, en, pt or fr.", DefaultValueFactory = _ => Languages.Spanish, HelpName = "es|en|pt|fr" };
        var formatOption = new Option<string>("--format") { Description = "pdf, docx or html.", DefaultValueFactory = _ => ReportFiles.Pdf, HelpName = "pdf|docx|html" };
        var outOption = new Option<FileInfo>("--out") { Description = "The file to write (replaced if it exists).", Required = true, HelpName = "FILE" };
        var command = new Command(
            "report",
            "Write a semester's report (at most four A4 pages) to a file: the issued report when the secretariat issued it, " +
            "otherwise the draft with today's figures and the proposals as decided so far (undecided ones marked).")
        {
            semesterOption, langOption, formatOption, outOption,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var semesterText = parsed.GetValue(semesterOption);
            var language = Languages.Normalize(parsed.GetValue(langOption));
            var format = ReportFiles.Normalize(parsed.GetValue(formatOption));
            var output = parsed.GetValue(outOption)!;
            if (!Semester.TryParse(semesterText, out var semester))
            {
                return await UsageAsync(cli, $"'{semesterText}' is not a semester: write the year followed by H1 or H2, for example 2024H1.");
            }

            if (language is null)
            {
                return await UsageAsync(cli, $"'{parsed.GetValue(langOption)}' is not a report language: use es, en, pt or fr.");
            }

            if (format is null)
            {
                return await UsageAsync(cli, $"'{parsed.GetValue(formatOption)}' is not a report format: use pdf, docx or html.");
            }

            if (output.Directory is { Exists: false } folder)
            {
                return await UsageAsync(cli, $"The folder '{folder.FullName}' does not exist.");
            }

            return await cli.WithServicesAsync(
                async (services, ct) =>
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var reports = services.GetRequiredService<SemesterReports>();
                    if (await reports.ReadAsync(semester, ct) is not { } content)
                    {
                        await cli.Error.WriteLineAsync($"error: the semester {semester} has not begun: there is nothing to report yet.");
                        return ExitCodes.Failure;
                    }

                    var file = ReportFiles.Write(content, language, format);
                    await File.WriteAllBytesAsync(output.FullName, file.Content, ct);
                    var state = content.IssuedAt is { } issued
                        ? $"issued on {issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                        : $"draft, figures as of {content.Figures.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
                    await cli.Error.WriteLineAsync($"Report {semester} ({state}) in {language} as {format}: {file.Content.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture)} ms.");
                    await cli.Out.WriteLineAsync(output.FullName);
                    return ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> UsageAsync(CliContext cli, string message)
    {
        await cli.Error.WriteLineAsync($"error: {message}");
        await cli.Error.WriteLineAsync("See 'cooperanet report --help'.");
        return ExitCodes.Usage;
    }
}
