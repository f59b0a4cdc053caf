using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Reports;

/// <summary>Report test data: entries published on a past day, and a downloaded PDF read back with poppler-utils.</summary>
internal static partial class ReportData
{
    /// <summary>
    /// A published entry of <paramref name="state"/> whose creation, publication and last change all fall on
    /// <paramref name="day"/> (noon UTC), as if it had been published then.
    /// </summary>
    public static async Task<CatalogEntry> PublishedOnAsync(this CooperaNetFactory app, DateOnly day, EntryBuilder entry)
    {
        var saved = await entry.Published().SaveAsync(app);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            return await db.Entries.IgnoreQueryFilters().Where(e => e.Id == saved.Id).ExecuteUpdateAsync(
                set => set.SetProperty(e => e.CreatedAt, at).SetProperty(e => e.PublishedAt, at).SetProperty(e => e.UpdatedAt, at),
                TestContext.Current.CancellationToken);
        });
        return saved;
    }

    /// <summary>An offer of <paramref name="state"/> published on <paramref name="day"/>.</summary>
    public static Task<CatalogEntry> OfferOnAsync(this CooperaNetFactory app, DateOnly day, string state) =>
        app.PublishedOnAsync(day, AnEntry().Offer().From(state).InSector("14030"));

    /// <summary>A demand of <paramref name="state"/> published on <paramref name="day"/>.</summary>
    public static Task<CatalogEntry> DemandOnAsync(this CooperaNetFactory app, DateOnly day, string state) =>
        app.PublishedOnAsync(day, AnEntry().Demand().From(state).InSector("14030"));

    /// <summary>The text of a PDF, whitespace collapsed to single spaces so a wrapped sentence reads as one line.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf) => Spaces().Replace(await PopplerAsync(pdf, "pdftotext", "-enc", "UTF-8", "{file}", "-"), " ");

    /// <summary>The page count <c>pdfinfo</c> reads.</summary>
    public static async Task<int> PdfPagesAsync(byte[] pdf)
    {
        var info = await PopplerAsync(pdf, "pdfinfo", "{file}");
        var pages = PagesLine().Match(info);
        Assert.True(pages.Success, $"pdfinfo gave no page count:{Environment.NewLine}{info}");
        return int.Parse(pages.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> PopplerAsync(byte[] pdf, string tool, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cooperanet-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(Path.Combine("/usr/bin", tool))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{file}" ? path : argument);
            }

            var ct = TestContext.Current.CancellationToken;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await error}");
            return await output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^Pages:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
