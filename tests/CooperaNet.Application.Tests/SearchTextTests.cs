using CooperaNet.Application.Catalog;

namespace CooperaNet.Application.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Educación", "educacion")]
    [InlineData("educaciones", "educacion")]
    [InlineData("Formação", "formações")]
    [InlineData("profissional", "profissionais")]
    [InlineData("potable", "potables")]
    [InlineData("Water", "waters")]
    [InlineData("supply", "supplies")]
    [InlineData("técnico", "técnica")]
    [InlineData("Œuvre", "oeuvre")]
    public void Forms_of_one_word_give_one_term(string one, string other)
    {
        Assert.Equal(SearchText.Terms(one).Single(), SearchText.Terms(other).Single());
    }

    [Fact]
    public void Common_words_of_the_four_languages_are_not_terms()
    {
        Assert.Equal(["agua", "potabl"], SearchText.Terms("el agua y la potable"));
        Assert.Equal(["water", "supply"], SearchText.Terms("the water of the supply"));
        Assert.Equal(["formac", "profissional"], SearchText.Terms("formação da profissional"));
        Assert.Equal(["eau", "potabl"], SearchText.Terms("de l'eau et les potables"));
    }

    [Fact]
    public void Numbers_and_codes_stay_as_they_are()
    {
        Assert.Equal(["14030", "2030"], SearchText.Terms("14030, 2030"));
    }
}
