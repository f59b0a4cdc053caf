using CooperaNet.Application.Priorities;
using CooperaNet.Cli.Tests.Support;
using Microsoft.Extensions.Options;

namespace CooperaNet.Cli.Tests;

public sealed class PrioritiesCommandTests : IDisposable
{
    private readonly TestCli cli = new();

    [Fact]
    public async Task Priorities_prints_the_ranking_the_calculator_computes_with_names_in_the_language_asked()
    {
        Assert.Equal(0, (await cli.RunAsync("demo", "seed", "--limit", "60")).ExitCode);

        var result = await cli.RunAsync("priorities", "--lang", "es", "--dimension", "subregion", "--top", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        await using var db = cli.OpenDatabase();
        var ranking = await new PriorityCalculator(db, Options.Create(new PriorityOptions()), TimeProvider.System)
            .RankAsync(PriorityDimension.Subregion, "es", TestContext.Current.CancellationToken);
        Assert.NotEmpty(ranking.Areas);
        Assert.Equal(["Rank", "Code", "Area", "Score", "Demands", "States", "Oldest"], result.Lines[0].Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(h => h.Trim().Split(' ')[0]));
        Assert.Equal(ranking.Areas.Take(3).Select(a => PriorityNames.Subregion(a.Code, "es")), result.Lines.Skip(1).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[2].Trim()));
        Assert.Contains($"{ranking.Unmet.Count} unmet demands", result.Error);
        Assert.Contains("computed in", result.Error);
    }

    [Fact]
    public async Task Priorities_by_default_ranks_dac_categories_ten_at_most()
    {
        Assert.Equal(0, (await cli.RunAsync("demo", "seed", "--limit", "60")).ExitCode);

        var result = await cli.RunAsync("priorities", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.InRange(result.Lines.Count, 2, 11);
        Assert.All(result.Lines.Skip(1), l => Assert.Matches(@"^\d+\s+\d{3}\s", l));
        Assert.Contains("by category", result.Error);
    }

    [Theory]
    [InlineData("'continent' is not a dimension", "--dimension", "continent")]
    [InlineData("'de' is not a language", "--lang", "de")]
    [InlineData("--top must be between 1 and 1000", "--top", "0")]
    public async Task Priorities_with_a_bad_argument_is_bad_usage_and_says_why(string message, params string[] args)
    {
        var result = await cli.RunAsync(["priorities", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("cooperanet priorities --help", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Priorities_help_names_the_options_and_the_rule()
    {
        var result = await cli.RunAsync("priorities", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.All(new[] { "--lang", "--dimension", "--top", "UnmetAfterDays", "LowScore", "365" }, word => Assert.Contains(word, result.Out));
    }

    public void Dispose() => cli.Dispose();
}
