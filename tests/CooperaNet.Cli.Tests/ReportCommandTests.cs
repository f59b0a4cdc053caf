using System.Diagnostics;
using System.Text;
using CooperaNet.Cli.Tests.Support;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TestCli cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-report-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The semester running today: the demo seed publishes its entries now.</summary>
    private static Semester Running => Semester.Of(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));

    [Fact]
    public async Task Report_writes_the_draft_pdf_of_a_semester_in_at_most_four_pages_with_its_figures()
    {
        Assert.Equal(0, (await cli.RunAsync("demo", "seed", "--limit", "40")).ExitCode);
        var file = Path.Combine(folder, "informe.pdf");

        var result = await cli.RunAsync("report", "--semester", Running.ToString(), "--lang", "es", "--format", "pdf", "--out", file);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(file, result.Out.Trim());
        Assert.Contains($"Report {Running} (draft, figures as of", result.Error, StringComparison.Ordinal);
        int offers;
        await using (var db = cli.OpenDatabase())
        {
            offers = await db.Entries.CountAsync(e => e.Kind == EntryKind.Offer, Ct);
        }

        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(await RunAsync("pdfinfo", file), @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pages, 1, 4);
        var text = await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", file, "-");
        Assert.Contains("BORRADOR", text, StringComparison.Ordinal);
        Assert.Matches($@"Ofertas publicadas\s+{offers}\s+0\s+\+{offers}", text);
    }

    [Theory]
    [InlineData("docx", "fr")]
    [InlineData("html", "pt")]
    public async Task Report_writes_docx_and_html_in_the_asked_language(string format, string language)
    {
        var file = Path.Combine(folder, $"report.{format}");

        var result = await cli.RunAsync("report", "--semester", "2024H1", "--lang", language, "--format", format, "--out", file);

        Assert.True(result.ExitCode == 0, result.Error);
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        if (format == "docx")
        {
            Assert.True(bytes.AsSpan().StartsWith("PK"u8));
        }
        else
        {
            var html = Encoding.UTF8.GetString(bytes);
            Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
            Assert.Contains("Primeiro semestre de 2024", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2024H3", "es", "pdf", 2, "'2024H3' is not a semester")]
    [InlineData("primavera", "es", "pdf", 2, "'primavera' is not a semester")]
    [InlineData("2024H1", "de", "pdf", 2, "'de' is not a report language")]
    [InlineData("2024H1", "es", "odt", 2, "'odt' is not a report format")]
    [InlineData("2099H2", "es", "pdf", 1, "the semester 2099H2 has not begun")]
    public async Task Report_refuses_an_unknown_semester_language_or_format_and_writes_nothing(string semester, string language, string format, int exitCode, string message)
    {
        var file = Path.Combine(folder, "never.pdf");

        var result = await cli.RunAsync("report", "--semester", semester, "--lang", language, "--format", format, "--out", file);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Report_into_a_missing_folder_is_a_usage_error()
    {
        var result = await cli.RunAsync("report", "--semester", "2024H1", "--out", Path.Combine(folder, "no-such-folder", "r.pdf"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        cli.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync(Ct)}");
        return output;
    }
}
