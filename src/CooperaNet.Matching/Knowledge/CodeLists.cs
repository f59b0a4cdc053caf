namespace CooperaNet.Matching.Knowledge;

/// <summary>A DAC 3-digit sector category.</summary>
/// <param name="Code">Three digits, such as "140".</param>
/// <param name="Names">Its name in the four languages.</param>
public sealed record SectorCategoryInfo(string Code, LocalizedNames Names);

/// <summary>A DAC 5-digit purpose code.</summary>
/// <param name="Code">Five digits, such as "14030".</param>
/// <param name="CategoryCode">Its 3-digit category, such as "140".</param>
/// <param name="Names">Its name in the four languages.</param>
/// <param name="Description">Its longer description, where the code list has one (English and French).</param>
/// <param name="IsWithdrawn">True for codes no longer in use: they are understood but never proposed.</param>
public sealed record SectorInfo(string Code, string CategoryCode, LocalizedNames Names, LocalizedNames? Description = null, bool IsWithdrawn = false);

/// <summary>An SDG goal ("4") or target ("4.1", "4.c").</summary>
/// <param name="Code">The goal number or the target code in IATI form.</param>
/// <param name="Names">Its title (and for goals, short name) in the languages available.</param>
public sealed record SdgInfo(string Code, LocalizedNames Names)
{
    /// <summary>The goal number of this goal or target: "4" for "4.c".</summary>
    public string Goal => SdgCodes.GoalOf(Code);

    /// <summary>True for a goal, false for a target.</summary>
    public bool IsGoal => !Code.Contains('.', StringComparison.Ordinal);
}

/// <summary>Helpers for SDG codes.</summary>
public static class SdgCodes
{
    /// <summary>The goal part of an SDG code: "4" for "4", "4.1" and "4.c".</summary>
    public static string GoalOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? code : code[..dot]).Trim();
    }
}

/// <summary>
/// A concept of the domain lexicon: the words that name it in each language (single words or
/// phrases), and the sectors (5-digit codes or 3-digit categories) and SDG goals it points to.
/// </summary>
/// <param name="Id">A stable identifier, an English word by convention ("water", "teacher").</param>
/// <param name="Terms">The words per language code ("es", "en", "pt", "fr").</param>
/// <param name="Sectors">DAC codes or categories the concept is evidence for; may be empty.</param>
/// <param name="Sdgs">SDG goal numbers the concept is evidence for; may be empty.</param>
public sealed record LexiconConcept(string Id, IReadOnlyDictionary<string, IReadOnlyList<string>> Terms, IReadOnlyList<string> Sectors, IReadOnlyList<string> Sdgs);

/// <summary>A text whose sectors are known, to learn from.</summary>
/// <param name="Language">The text's language code.</param>
/// <param name="Text">Title and description.</param>
/// <param name="Sectors">Its DAC 5-digit codes.</param>
public sealed record TrainingText(string Language, string Text, IReadOnlyList<string> Sectors);

/// <summary>An SDG goal that work in a sector or category usually serves.</summary>
/// <param name="SectorOrCategory">A 5-digit code or a 3-digit category.</param>
/// <param name="Goal">The goal number.</param>
public sealed record SectorSdgLink(string SectorOrCategory, string Goal);

/// <summary>Everything the engine knows, handed in as data: the engine reads no files.</summary>
public sealed class MatchingKnowledge
{
    /// <summary>The 3-digit categories.</summary>
    public required IReadOnlyList<SectorCategoryInfo> Categories { get; init; }

    /// <summary>The 5-digit purpose codes.</summary>
    public required IReadOnlyList<SectorInfo> Sectors { get; init; }

    /// <summary>SDG goals and targets.</summary>
    public required IReadOnlyList<SdgInfo> Sdgs { get; init; }

    /// <summary>The domain lexicon that carries meaning across languages.</summary>
    public IReadOnlyList<LexiconConcept> Concepts { get; init; } = [];

    /// <summary>Which goals each sector or category usually serves.</summary>
    public IReadOnlyList<SectorSdgLink> SectorSdgs { get; init; } = [];

    /// <summary>Labelled texts to learn sector vocabulary from; may be empty.</summary>
    public IReadOnlyList<TrainingText> TrainingTexts { get; init; } = [];
}
