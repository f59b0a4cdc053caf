using CooperaNet.Cli.Tests.Support;

namespace CooperaNet.Cli.Tests;

public sealed class MigrateCommandTests : IDisposable
{
    private readonly TestCli cli = new();

    [Fact]
    public async Task Migrate_creates_the_database_and_loads_every_dataset()
    {
        var result = await cli.RunAsync("migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Migrations: applied", result.Out);
        Assert.Equal(new Dataset("member-states", 1, 35, "changed"), DatasetLine(result, "member-states"));
        Assert.Equal(["member-states", "sectors", "sdgs", "workplan", "communications"], Datasets(result).Select(d => d.Name));
    }

    [Fact]
    public async Task Migrate_twice_changes_nothing_the_second_time()
    {
        var first = await cli.RunAsync("migrate");
        var second = await cli.RunAsync("migrate");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Migrations: none pending.", second.Out);
        Assert.All(Datasets(second), d => Assert.Equal("unchanged", d.Status));
        Assert.Equal(Datasets(first).Select(d => (d.Name, d.Version, d.Records)), Datasets(second).Select(d => (d.Name, d.Version, d.Records)));
        Assert.Equal(35, DatasetLine(second, "member-states").Records);
    }

    [Fact]
    public async Task Reference_import_with_force_reloads_every_dataset_as_a_new_version()
    {
        await cli.RunAsync("migrate");

        var result = await cli.RunAsync("reference", "import", "--force");

        Assert.Equal(0, result.ExitCode);
        Assert.All(Datasets(result), d => Assert.Equal((2, "changed"), (d.Version, d.Status)));
        Assert.Equal(35, DatasetLine(result, "member-states").Records);
    }

    [Fact]
    public async Task Reference_import_without_force_skips_unchanged_datasets()
    {
        await cli.RunAsync("migrate");

        var result = await cli.RunAsync("reference", "import");

        Assert.Equal(0, result.ExitCode);
        Assert.All(Datasets(result), d => Assert.Equal((1, "unchanged"), (d.Version, d.Status)));
    }

    public void Dispose() => cli.Dispose();

    private sealed record Dataset(string Name, int Version, int Records, string Status);

    private static Dataset DatasetLine(CliResult result, string name) => Datasets(result).Single(d => d.Name == name);

    /// <summary>The rows of the dataset table: the lines after its "dataset version records status" header.</summary>
    private static List<Dataset> Datasets(CliResult result) =>
        result.Lines
            .SkipWhile(l => !l.StartsWith("dataset ", StringComparison.Ordinal))
            .Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(c => new Dataset(c[0], int.Parse(c[1]), int.Parse(c[2]), c[3]))
            .ToList();
}
