namespace CooperaNet.Matching.Tests;

public sealed class ClassifierTests
{
    private readonly MatchingEngine engine = MatchingEngine.Create(Knowledge.Small());

    [Theory]
    [InlineData("es", "Mejorar la educación primaria en zonas rurales", "11220")]
    [InlineData("pt", "Controle de doenças infecciosas nas fronteiras", "12250")]
    [InlineData("fr", "Distribution d'eau potable dans les villages", "14030")]
    [InlineData("en", "Agricultural development for smallholders", "31120")]
    public void A_text_is_classified_into_the_sector_its_words_name(string language, string title, string sector)
    {
        var result = engine.Classifier.Classify(title, null, language, 3);

        Assert.Equal(sector, result.Sectors[0].Code);
        Assert.Equal(sector[..3], result.Categories[0].Code);
    }

    [Theory]
    [InlineData("es", "Campaña de vacunación", "12250")]
    [InlineData("fr", "Former les enseignants", "11220")]
    [InlineData("pt", "Apoio aos camponeses", "31120")]
    public void Words_the_sector_names_lack_reach_it_through_the_lexicon(string language, string title, string sector)
    {
        var result = engine.Classifier.Classify(title, null, language, 3);

        Assert.Equal(sector, result.Sectors[0].Code);
    }

    [Fact]
    public void Goals_follow_the_text_and_its_sectors()
    {
        var result = engine.Classifier.Classify("Agua potable para escuelas rurales", "Pozos y tanques de agua.", "es", 2);

        Assert.Equal("6", result.Sdgs[0].Code);
    }

    [Fact]
    public void Scores_are_ranked_and_bounded()
    {
        var result = engine.Classifier.Classify("Formación de docentes de primaria", "Talleres para maestros.", "es", 5);

        Assert.All(result.Sectors, s => Assert.InRange(s.Score, 0.0, 1.0));
        Assert.Equal(result.Sectors.OrderByDescending(s => s.Score).Select(s => s.Code), result.Sectors.Select(s => s.Code));
    }

    [Fact]
    public void A_text_about_nothing_known_gets_no_sector()
    {
        var result = engine.Classifier.Classify("Xyzzy plugh", null, "en", 3);

        Assert.Empty(result.Sectors);
    }
}
