using CooperaNet.Matching.Text;

namespace CooperaNet.Matching.Tests;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("educación", "es", "education", "en")]
    [InlineData("educação", "pt", "éducation", "fr")]
    [InlineData("capacidades", "es", "capacity", "en")]
    [InlineData("capacités", "fr", "capacidade", "pt")]
    [InlineData("económicos", "es", "economic", "en")]
    [InlineData("développement", "fr", "development", "en")]
    [InlineData("comunidades", "es", "communities", "en")]
    [InlineData("instituições", "pt", "institutions", "en")]
    [InlineData("distribuição", "pt", "distribución", "es")]
    [InlineData("responsável", "pt", "responsable", "es")]
    public void The_same_Latin_word_gives_one_term_in_two_languages(string word, string language, string other, string otherLanguage)
    {
        Assert.Equal(TextAnalyzer.Terms(word, language), TextAnalyzer.Terms(other, otherLanguage));
    }

    [Theory]
    [InlineData("ciudades", "ciudad", "es")]
    [InlineData("profissionais", "profissional", "pt")]
    [InlineData("régionaux", "régional", "fr")]
    [InlineData("policies", "policy", "en")]
    [InlineData("eaux", "eau", "fr")]
    [InlineData("réseaux", "réseau", "fr")]
    public void Plural_and_singular_give_one_term(string plural, string singular, string language)
    {
        Assert.Equal(TextAnalyzer.Terms(singular, language), TextAnalyzer.Terms(plural, language));
    }

    [Theory]
    [InlineData("es", "la formación de los docentes", 2)]
    [InlineData("pt", "a formação dos professores", 2)]
    [InlineData("fr", "la formation des enseignants", 2)]
    [InlineData("en", "the training of the teachers", 2)]
    public void Stop_words_of_the_language_are_dropped(string language, string text, int terms)
    {
        Assert.Equal(terms, TextAnalyzer.Terms(text, language).Count);
    }

    [Fact]
    public void Folding_removes_accents_and_case()
    {
        Assert.Equal("formacao oeuvre nino", TextAnalyzer.Fold("Formação Œuvre NIÑO"));
    }
}
