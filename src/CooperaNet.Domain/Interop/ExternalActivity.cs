namespace CooperaNet.Domain.Interop;

/// <summary>A title and description of an imported activity in one of the four languages.</summary>
public sealed class ExternalActivityText
{
    public Guid ActivityId { get; init; }

    /// <summary>es, en, pt or fr.</summary>
    public required string Language { get; init; }

    public required string Title { get; set; }

    public string Description { get; set; } = string.Empty;
}

/// <summary>
/// A development activity another organisation published in IATI and the platform imported: the
/// cooperation already under way in the Americas, known by its <see cref="IatiIdentifier"/>, so a
/// file imported again updates it rather than adding it twice.
/// </summary>
public sealed class ExternalActivity
{
    public const int IdentifierMax = 250;

    public const int TitleMax = 500;

    public const int DescriptionMax = 8000;

    public const int NameMax = 500;

    public Guid Id { get; init; }

    /// <summary>The activity's globally unique IATI identifier.</summary>
    public required string IatiIdentifier { get; init; }

    /// <summary>The publisher's organisation identifier (may be empty in old files).</summary>
    public string ReportingOrgRef { get; set; } = string.Empty;

    /// <summary>The publisher's name, in the activity's language or the first one given.</summary>
    public string ReportingOrgName { get; set; } = string.Empty;

    /// <summary>The activity's language (es, en, pt, fr): the language of its first text.</summary>
    public required string Language { get; set; }

    /// <summary>The texts in the four languages, the activity's own first.</summary>
    public List<ExternalActivityText> Texts { get; init; } = [];

    /// <summary>IATI ActivityStatus code: 1 pipeline to 6 suspended.</summary>
    public string Status { get; set; } = string.Empty;

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    /// <summary>OAS member states receiving the activity (alpha-2).</summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>DAC 5-digit sectors.</summary>
    public List<string> Sectors { get; set; } = [];

    /// <summary>SDG goals ("6") and targets ("6.1").</summary>
    public List<string> Sdgs { get; set; } = [];

    /// <summary>The publisher's own last-updated time, when it gives one.</summary>
    public DateTimeOffset? SourceUpdatedAt { get; set; }

    /// <summary>A hash of what was imported: an unchanged activity read again is left alone.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset ImportedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
