using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CooperaNet.Application.Reports.Rendering;

namespace CooperaNet.Application.Tests.Reports;

/// <summary>A report written to a temporary PDF file, read back with Debian's poppler-utils.</summary>
internal sealed class PdfFile : IDisposable
{
    private PdfFile(string path) => Path = path;

    public string Path { get; }

    public static PdfFile Of(ReportDocument report)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cooperanet-report-{Guid.NewGuid():N}.pdf");
        using (var file = File.Create(path))
        {
            PdfReportWriter.Write(report, file);
        }

        return new PdfFile(path);
    }

    /// <summary>The text as <c>pdftotext -layout</c> reads it, of all pages or of one.</summary>
    public Task<string> TextAsync(int? page = null) =>
        page is { } p ? RunAsync("pdftotext", "-layout", "-enc", "UTF-8", "-f", $"{p}", "-l", $"{p}", Path, "-") : RunAsync("pdftotext", "-layout", "-enc", "UTF-8", Path, "-");

    public async Task<string> InfoAsync(string field)
    {
        var info = await RunAsync("pdfinfo", "-enc", "UTF-8", Path);
        var match = Regex.Match(info, $@"^{field}:\s*(.*)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"pdfinfo has no {field}:\n{info}");
        return match.Groups[1].Value.Trim();
    }

    public async Task<int> PageCountAsync() => int.Parse(await InfoAsync("Pages"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Each font's name and its "emb" column, from <c>pdffonts</c>.</summary>
    public async Task<IReadOnlyList<(string Name, string Embedded)>> FontsAsync()
    {
        var lines = (await RunAsync("pdffonts", Path)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var type = lines[0].IndexOf("type", StringComparison.Ordinal);
        var emb = lines[0].IndexOf("emb", StringComparison.Ordinal);
        return lines.Skip(2).Select(line => (line[..type].Trim(), line.Substring(emb, 3))).ToList();
    }

    /// <summary>The rows of <c>pdfimages -list</c>, without its two header lines.</summary>
    public async Task<IReadOnlyList<string>> ImagesAsync() =>
        (await RunAsync("pdfimages", "-list", Path)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

    public void Dispose() => File.Delete(Path);

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var ct = TestContext.Current.CancellationToken;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
