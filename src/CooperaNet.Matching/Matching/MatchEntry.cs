namespace CooperaNet.Matching;

/// <summary>Which side of the catalog an entry is on.</summary>
public enum EntrySide
{
    /// <summary>A state offers cooperation.</summary>
    Offer = 0,

    /// <summary>A state asks for cooperation.</summary>
    Demand = 1,
}

/// <summary>An offer or a demand as the engine sees it: what it says and the codes it declares.</summary>
public sealed record MatchEntry
{
    /// <summary>The caller's identifier, returned with every match.</summary>
    public required string Id { get; init; }

    /// <summary>Offer or demand.</summary>
    public required EntrySide Side { get; init; }

    /// <summary>The title, in <see cref="Language"/>.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The summary and description, in <see cref="Language"/>.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The language the texts are written in: "es", "en", "pt" or "fr".</summary>
    public string Language { get; init; } = "es";

    /// <summary>Declared DAC 5-digit codes (a 3-digit category is understood too); may be empty or wrong.</summary>
    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>Declared SDG goals ("4") or targets ("4.c"); may be empty.</summary>
    public IReadOnlyList<string> Sdgs { get; init; } = [];

    /// <summary>
    /// ISO alpha-2 codes: for a demand, the requesting states; for an offer, the states it is open
    /// to. Empty means not said, and neither helps nor hurts.
    /// </summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The form of cooperation ("TechnicalAssistance", "TrainingCourse"...), or null.</summary>
    public string? Modality { get; init; }

    /// <summary>Languages the work can be done in, besides <see cref="Language"/>.</summary>
    public IReadOnlyList<string> WorkingLanguages { get; init; } = [];

    /// <summary>When the work could start, if said.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>When the work must end, if said.</summary>
    public DateOnly? EndsOn { get; init; }
}
