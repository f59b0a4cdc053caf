using CooperaNet.Cli.Tests.Support;

namespace CooperaNet.Cli.Tests;

public sealed class ReferenceCommandTests : IDisposable
{
    private readonly TestCli cli = new();

    [Fact]
    public async Task Sectors_in_Spanish_list_each_five_digit_code_with_its_name()
    {
        var result = await cli.RunAsync("reference", "show", "sectors", "--lang", "es");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(326, result.Lines.Count);
        Assert.All(result.Lines, l => Assert.Matches(@"^\d{5}  \S", l));
        Assert.Contains(result.Lines, l => l.StartsWith("14020  ", StringComparison.Ordinal) && l.Contains("agua", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("fr", "BR  Brésil")]
    [InlineData("en", "US  United States of America")]
    [InlineData("es", "US  Estados Unidos")]
    public async Task States_list_the_35_members_by_code_in_the_requested_language(string lang, string line)
    {
        var result = await cli.RunAsync("reference", "show", "states", "--lang", lang);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(35, result.Lines.Count);
        Assert.Contains(line, result.Lines.Select(l => l.TrimEnd()));
    }

    [Fact]
    public async Task Sdgs_list_goals_then_their_targets_in_UN_order()
    {
        var result = await cli.RunAsync("reference", "show", "sdgs", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        var codes = result.Lines.Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(186, codes.Count); // 17 goals and 169 targets
        Assert.Equal(["1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b", "2"], codes.Take(9));
    }

    [Fact]
    public async Task Names_missing_in_the_language_fall_back_and_say_which_language()
    {
        var result = await cli.RunAsync("reference", "show", "sdgs", "--lang", "pt");

        Assert.Contains(result.Lines, l => l.StartsWith("1.1 ", StringComparison.Ordinal) && l.EndsWith("[en]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_list_is_bad_usage_and_names_the_lists()
    {
        var result = await cli.RunAsync("reference", "show", "countries");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'countries'", result.Error);
        Assert.All(["sectors", "states", "sdgs"], choice => Assert.Contains(choice, result.Error));
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task An_unknown_language_is_bad_usage_and_names_the_languages()
    {
        var result = await cli.RunAsync("reference", "show", "states", "--lang", "de");

        Assert.Equal(2, result.ExitCode);
        Assert.All(["es", "en", "pt", "fr"], choice => Assert.Contains($"'{choice}'", result.Error));
    }

    public void Dispose() => cli.Dispose();
}
