using CooperaNet.Domain;

namespace CooperaNet.Domain.Tests;

public sealed class LocalizedTextTests
{
    [Fact]
    public void Text_in_the_requested_language_is_returned_as_is()
    {
        var text = LocalizedText.Of("Agua", "Water", "Água", "Eau");
        Assert.Equal(new ResolvedText("Água", "pt"), text.Resolve("pt"));
        Assert.False(text.Resolve("pt").IsFallbackFor("pt"));
    }

    [Fact]
    public void Missing_language_falls_back_to_English_and_says_so()
    {
        var text = LocalizedText.Of("Meta", "Target", null, "Cible");
        var resolved = text.Resolve("pt");
        Assert.Equal("Target", resolved.Text);
        Assert.True(resolved.IsFallbackFor("pt"));
    }

    [Fact]
    public void Without_English_the_fallback_is_Spanish()
    {
        Assert.Equal(new ResolvedText("Meta", "es"), LocalizedText.Of("Meta", null, null, "Cible").Resolve("pt"));
    }

    [Fact]
    public void Blank_translations_count_as_missing()
    {
        var text = LocalizedText.Of("Meta", "  ", "", "Cible");
        Assert.Null(text.En);
        Assert.False(text.IsComplete);
        Assert.Equal("es", text.Resolve("en").Language);
    }

    [Theory]
    [InlineData("pt-BR", "pt")]
    [InlineData("FR", "fr")]
    [InlineData("es_419", "es")]
    [InlineData("en", "en")]
    [InlineData("de-DE", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Language_tags_normalize_to_the_four_official_languages(string? tag, string? expected)
    {
        Assert.Equal(expected, Languages.Normalize(tag));
    }
}

public sealed class SdgTargetTests
{
    [Fact]
    public void Targets_sort_as_the_UN_lists_them_numbers_before_letters()
    {
        string[] codes = ["17.b", "17.10", "17.2", "17.a", "17.1"];
        Assert.Equal(["17.1", "17.2", "17.10", "17.a", "17.b"], codes.OrderBy(Reference.SdgTarget.SortKey));
    }
}
