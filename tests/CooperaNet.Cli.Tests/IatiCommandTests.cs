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

    [Fact]
    public async Task Import_says_what_it_would_do_then_does_it_once()
    {
        var file = Repository.IatiFile("usaid-tg.xml");
        var bolivia = Repository.IatiFile("usaid-bo.xml");

        var dry = await cli.RunAsync("iati", "import", bolivia, "--dry-run");
        var real = await cli.RunAsync("iati", "import", bolivia);
        var again = await cli.RunAsync("iati", "import", bolivia);
        var togo = await cli.RunAsync("iati", "import", file);

        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("Dry run, nothing changed: 63 activities read, 63 to create, 0 to update, 0 unchanged, 0 refused", dry.Error, StringComparison.Ordinal);
        Assert.Contains("63 activities read, 63 created, 0 updated, 0 unchanged, 0 refused", real.Error, StringComparison.Ordinal);
        Assert.Contains("63 activities read, 0 created, 0 updated, 63 unchanged, 0 refused", again.Error, StringComparison.Ordinal);
        Assert.Contains("47 activities read, 0 created, 0 updated, 0 unchanged, 47 refused", togo.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: activity 1 (US-GOV-1-", togo.Out, StringComparison.Ordinal);
        Assert.Contains("iati-activity[1]/transaction/recipient-country: No recipient country is an OAS member state", togo.Out, StringComparison.Ordinal);
        await using var db = cli.OpenDatabase();
        Assert.Equal(63, await db.ExternalActivities.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_takes_several_files_and_names_each_one()
    {
        var result = await cli.RunAsync("iati", "import", Repository.IatiFile("acfspain-co.xml"), Repository.IatiFile("acfspain-pe.xml"), Repository.IatiFile("worldbank-sv.xml"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("acfspain-co.xml: 1 activities read, 1 created", result.Error, StringComparison.Ordinal);
        Assert.Contains("acfspain-pe.xml: 1 activities read, 1 created", result.Error, StringComparison.Ordinal);
        Assert.Contains("worldbank-sv.xml: 13 activities read, 13 created", result.Error, StringComparison.Ordinal);
        await using var db = cli.OpenDatabase();
        Assert.Equal(15, await db.ExternalActivities.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_of_a_file_that_is_not_IATI_changes_nothing_and_fails()
    {
        var file = Path.Combine(folder, "not-iati.xml");
        await File.WriteAllTextAsync(file, "<?xml version=\"1.0\"?><iati-activities version=\"2.03\"><iati-activity><title/></iati-activity>", Ct);

        var result = await cli.RunAsync("iati", "import", file);
        var missing = await cli.RunAsync("iati", "import", Path.Combine(folder, "missing.xml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a valid IATI activity file: nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("critical: line ", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        cli.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
