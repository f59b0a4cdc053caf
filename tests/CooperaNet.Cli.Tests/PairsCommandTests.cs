using System.Globalization;
using System.Text.RegularExpressions;
using CooperaNet.Cli.Tests.Support;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests;

public sealed partial class PairsCommandTests : IDisposable
{
    private readonly TestCli cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pairs_recompute_pairs_every_seeded_entry_and_clears_the_requests_the_seeding_queued()
    {
        Assert.Equal(0, (await cli.RunAsync("demo", "seed", "--limit", "60")).ExitCode);
        await using (var before = cli.OpenDatabase())
        {
            Assert.Equal(60, await before.MatchingRequests.CountAsync(Ct));
            Assert.Equal(0, await before.Pairs.CountAsync(Ct));
        }

        var result = await cli.RunAsync("pairs", "recompute");

        Assert.True(result.ExitCode == 0, result.Error);
        var summary = Summary(result.Out);
        await using var db = cli.OpenDatabase();
        var pairs = await db.Pairs.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(60, summary["entries"]);
        Assert.Equal(60, summary["cleared"]);
        Assert.Equal(pairs.Count, summary["added"]);
        Assert.Equal(pairs.Count, summary["stored"]);
        Assert.Equal((0, 0), (summary["removed"], summary["retired"]));
        Assert.True(pairs.Count >= 30, $"{pairs.Count} pairs");
        Assert.Empty(await db.MatchingRequests.ToListAsync(Ct));
        Assert.All(pairs, p =>
        {
            Assert.NotEqual(p.OfferState, p.DemandState);
            Assert.InRange(p.Score, 0.05, 1.0);
            Assert.StartsWith("[{\"kind\":", p.Reasons);
        });
        var entries = await db.Entries.AsNoTracking().ToDictionaryAsync(e => e.Id, Ct);
        Assert.All(pairs, p => Assert.Equal((EntryKind.Offer, EntryKind.Demand), (entries[p.OfferId].Kind, entries[p.DemandId].Kind)));
    }

    [Fact]
    public async Task Pairs_recompute_run_again_on_unchanged_entries_adds_and_removes_nothing()
    {
        Assert.Equal(0, (await cli.RunAsync("demo", "seed", "--limit", "30")).ExitCode);
        var first = Summary((await cli.RunAsync("pairs", "recompute")).Out);

        var again = await cli.RunAsync("pairs", "recompute");

        Assert.True(again.ExitCode == 0, again.Error);
        var summary = Summary(again.Out);
        Assert.Equal((30, 0, 0, 0, 0, 0), (summary["entries"], summary["added"], summary["updated"], summary["removed"], summary["retired"], summary["cleared"]));
        Assert.Equal(first["stored"], summary["stored"]);
    }

    [Fact]
    public async Task Pairs_recompute_on_an_empty_catalog_pairs_nothing()
    {
        var result = await cli.RunAsync("pairs", "recompute");

        Assert.True(result.ExitCode == 0, result.Error);
        var summary = Summary(result.Out);
        Assert.Equal((0, 0, 0), (summary["entries"], summary["stored"], summary["cleared"]));
    }

    private static Dictionary<string, int> Summary(string output)
    {
        var match = SummaryLine().Match(output.Trim());
        Assert.True(match.Success, output);
        return SummaryLine().GetGroupNames().Where(g => !char.IsDigit(g[0]))
            .ToDictionary(g => g, g => int.Parse(match.Groups[g].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Paired (?<entries>\d+) entries in (?<ms>\d+) ms: (?<added>\d+) pairs added, (?<updated>\d+) updated, (?<removed>\d+) removed, (?<retired>\d+) retired; (?<stored>\d+) pairs stored; (?<cleared>\d+) pending requests cleared\.$")]
    private static partial Regex SummaryLine();

    public void Dispose() => cli.Dispose();
}
