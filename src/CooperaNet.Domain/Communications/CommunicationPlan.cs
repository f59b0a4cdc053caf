namespace CooperaNet.Domain.Communications;

/// <summary>Where a plan item or a content piece is: planned, done (published) or cancelled.</summary>
public enum PlanStatus
{
    Planned,
    Done,
    Cancelled,
}

/// <summary>The kinds of content piece placed on the plan.</summary>
public enum ContentKind
{
    News,
    Experience,
    Report,
    Event,
    Other,
}

/// <summary>
/// The communication plan of one semester (one per year and half): which message goes to which audience,
/// through which channel, when.
/// </summary>
public sealed class CommunicationPlan
{
    public Guid Id { get; init; }

    public int Year { get; init; }

    /// <summary>1 for January-June, 2 for July-December.</summary>
    public int Half { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public ICollection<PlanItem> Items { get; init; } = [];

    public ICollection<ContentPiece> Pieces { get; init; } = [];

    /// <summary>The first day of the semester.</summary>
    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);

    /// <summary>The last day of the semester.</summary>
    public DateOnly End => Start.AddMonths(6).AddDays(-1);

    /// <summary>The semester's six months, by their first day.</summary>
    public IReadOnlyList<DateOnly> Months => Enumerable.Range(0, 6).Select(Start.AddMonths).ToList();

    public bool Covers(DateOnly day) => day >= Start && day <= End;

    /// <summary>"2027-1": the semester's key in addresses.</summary>
    public string Key => $"{Year}-{Half}";
}

/// <summary>
/// One line of the plan: a message (the audience's key message, or a specific one in four languages) to an
/// audience through a channel on a day within the semester, with an owner and a status.
/// </summary>
public sealed class PlanItem
{
    public Guid Id { get; init; }

    public Guid PlanId { get; init; }

    public Audience Audience { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>A specific message; empty in every language means the audience's key message.</summary>
    public LocalizedText Message { get; set; } = new();

    /// <summary>True when the item carries the audience's key message rather than a specific one.</summary>
    public bool UsesKeyMessage => Message.Es is null && Message.En is null && Message.Pt is null && Message.Fr is null;

    public DateOnly PlannedOn { get; set; }

    public PlanStatus Status { get; set; }

    /// <summary>Who carries it out, as typed (a person or a team).</summary>
    public required string Owner { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A piece of content on the plan: news, an experience, a report, an event, linked to the platform's own
/// page (by kind and id) or to an external web address; planned and published on days within the semester.
/// </summary>
public sealed class ContentPiece
{
    public Guid Id { get; init; }

    public Guid PlanId { get; init; }

    public ContentKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>The experience, report or event on the platform; null with an external link.</summary>
    public Guid? InternalId { get; set; }

    /// <summary>An external web address; null with an internal link.</summary>
    public string? ExternalUrl { get; set; }

    public List<Audience> Audiences { get; set; } = [];

    public Guid ChannelId { get; set; }

    public DateOnly PlannedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public PlanStatus Status { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
