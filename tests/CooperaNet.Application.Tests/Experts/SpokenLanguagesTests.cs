using CooperaNet.Application.Experts;

namespace CooperaNet.Application.Tests.Experts;

public sealed class SpokenLanguagesTests
{
    [Theory]
    [InlineData("es")]
    [InlineData("ht")]
    [InlineData("QU")]
    [InlineData("gn")]
    [InlineData("ay")]
    public void The_languages_of_the_Americas_are_known_in_any_case(string code) =>
        Assert.True(ExpertValidation.IsLanguageCode(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("spa")]
    [InlineData("xx")]
    [InlineData("h1")]
    public void Anything_else_is_not_a_language(string? code) =>
        Assert.False(ExpertValidation.IsLanguageCode(code));

    [Fact]
    public void The_list_is_the_whole_code_list_with_its_names()
    {
        Assert.Equal(181, SpokenLanguages.Codes.Count);
        Assert.Equal("Haitian; Haitian Creole", SpokenLanguages.EnglishName("HT"));
        Assert.Equal("zz", SpokenLanguages.EnglishName("zz"));
    }
}
