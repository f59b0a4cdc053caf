using CooperaNet.Cli.Tests.Support;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TestCli cli = new();

    [Fact]
    public async Task Demo_seed_with_a_limit_publishes_that_many_entries_and_a_second_run_creates_none()
    {
        var first = await cli.RunAsync("demo", "seed", "--limit", "20");
        var second = await cli.RunAsync("demo", "seed", "--limit", "20");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("Created 20 demo entries.", first.Out.Trim());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("Demo data already exists: no entry created.", second.Out.Trim());
        await using var db = cli.OpenDatabase();
        Assert.Equal(20, await db.Entries.CountAsync(e => e.Status == EntryStatus.Published, TestContext.Current.CancellationToken));
        Assert.Equal(20, await db.AuditEntries.CountAsync(a => a.Entity == nameof(CatalogEntry) && a.Actor.StartsWith("cli:"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Demo_seed_refuses_a_limit_below_one_as_bad_usage()
    {
        var result = await cli.RunAsync("demo", "seed", "--limit", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--limit must be at least 1", result.Error);
        Assert.Empty(result.Out);
    }

    public void Dispose() => cli.Dispose();
}
