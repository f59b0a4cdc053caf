using System.Xml.Linq;
using CooperaNet.Cli.Tests.Support;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests;

public sealed class IatiCommandTests : IDisposable
{
    private readonly TestCli cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-iati-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_writes_every_published_entry_as_a_valid_activity_and_says_how_many()
    {
        Assert.Equal(0, (await cli.RunAsync("demo", "seed", "--limit", "30")).ExitCode);
        var file = Path.Combine(folder, "cooperanet-iati.xml");

        var result = await cli.RunAsync("iati", "export", "--out", file, "--base-url", "https://cooperanet.example.org");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(file, result.Out.Trim());
        int offers, demands;
        await using (var db = cli.OpenDatabase())
        {
            offers = await db.Entries.CountAsync(e => e.Kind == EntryKind.Offer && e.Status == EntryStatus.Published, Ct);
            demands = await db.Entries.CountAsync(e => e.Kind == EntryKind.Demand && e.Status == EntryStatus.Published, Ct);
        }

        Assert.Contains($"IATI 2.03: {offers + demands} activities ({offers} offers, {demands} demands, 0 initiatives), valid against the schema", result.Error, StringComparison.Ordinal);
        var activities = XDocument.Load(file).Root!.Elements("iati-activity").ToList();
        Assert.Equal(offers + demands, activities.Count);
        Assert.All(activities, a => Assert.StartsWith("https://cooperanet.example.org/", a.Element("document-link")!.Attribute("url")!.Value, StringComparison.Ordinal));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Theory]
    [InlineData("--base-url", "ftp://example.org", "'ftp://example.org' is not an http or https address")]
    [InlineData("--base-url", "cooperanet", "'cooperanet' is not an http or https address")]
    public async Task Export_refuses_a_bad_address_and_writes_nothing(string option, string value, string message)
    {
        var file = Path.Combine(folder, "never.xml");

        var result = await cli.RunAsync("iati", "export", "--out", file, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Export_refuses_a_folder_that_does_not_exist()
    {
        var result = await cli.RunAsync("iati", "export", "--out", Path.Combine(folder, "missing", "a.xml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        cli.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
