namespace CooperaNet.Matching.Tests;

public sealed class ReasonTextTests
{
    [Theory]
    [InlineData("es", "Mismo sector: 14030 Agua potable (deducido del texto)")]
    [InlineData("en", "Same sector: 14030 Agua potable (inferred from the text)")]
    [InlineData("fr", "Même secteur : 14030 Agua potable (déduit du texte)")]
    public void A_reason_is_worded_in_the_language_with_the_names_given(string language, string expected)
    {
        var reason = new MatchReason(ReasonKind.SameSector, ["14030"], 0.2, Inferred: true);

        Assert.Equal(expected, reason.Describe(language, code => code == "14030" ? "Agua potable" : null));
    }

    [Fact]
    public void A_period_reads_from_first_to_last_day()
    {
        var reason = new MatchReason(ReasonKind.OverlappingPeriod, ["2026-06-01", "2026-12-31"], 0.02);

        Assert.Equal("Período comum: 2026-06-01 – 2026-12-31", reason.Describe("pt"));
    }
}
