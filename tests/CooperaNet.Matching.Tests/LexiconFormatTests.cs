using CooperaNet.Matching.Knowledge;

namespace CooperaNet.Matching.Tests;

public sealed class LexiconFormatTests
{
    [Fact]
    public void A_concept_line_gives_its_terms_per_language_and_its_codes()
    {
        var concept = Assert.Single(LexiconFormat.Parse("# comment\n\nwater\t140 14030\t6\twater; drinking water\tagua\tágua\teau\n"));

        Assert.Equal("water", concept.Id);
        Assert.Equal(["140", "14030"], concept.Sectors);
        Assert.Equal(["6"], concept.Sdgs);
        Assert.Equal(["water", "drinking water"], concept.Terms["en"]);
        Assert.Equal(["eau"], concept.Terms["fr"]);
    }

    [Fact]
    public void A_line_with_missing_columns_is_refused_with_its_number()
    {
        var error = Assert.Throws<FormatException>(() => LexiconFormat.Parse("a\t\t\tx\ty\tz\tw\nbroken\tline\n"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sector_goal_links_are_one_per_goal()
    {
        var links = LexiconFormat.ParseSectorSdgs("130\t3 5\n");

        Assert.Equal([new SectorSdgLink("130", "3"), new SectorSdgLink("130", "5")], links);
    }
}
