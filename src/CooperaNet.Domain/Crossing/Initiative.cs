namespace CooperaNet.Domain.Crossing;

/// <summary>SEGIB's kinds of South-South initiative.</summary>
public enum InitiativeType
{
    /// <summary>A set of projects with a common goal.</summary>
    Programme = 0,

    /// <summary>Activities with a goal, a budget and a time frame.</summary>
    Project = 1,

    /// <summary>A one-off: a course, a mission, an internship.</summary>
    Action = 2,
}

/// <summary>SEGIB's modalities of South-South cooperation.</summary>
public enum CooperationModality
{
    /// <summary>Two states: one offers, one receives.</summary>
    Bilateral = 0,

    /// <summary>A first offerer, a second offerer that supports it, and a receiver.</summary>
    Triangular = 1,

    /// <summary>Three or more states sharing a goal.</summary>
    Regional = 2,
}

/// <summary>A state's part in an initiative.</summary>
public enum ParticipantRole
{
    Offerer = 0,
    Receiver = 1,
    FirstOfferer = 2,
    SecondOfferer = 3,
}

/// <summary>planned → in execution → completed.</summary>
public enum InitiativeStatus
{
    Planned = 0,
    InExecution = 1,
    Completed = 2,
}

/// <summary>Why an initiative was refused or could not move.</summary>
public sealed record InitiativeError(string Code)
{
    public static readonly InitiativeError Roles = new("initiative.roles");

    public static readonly InitiativeError Status = new("initiative.status");

    public static readonly InitiativeError Dates = new("initiative.dates");

    public static readonly InitiativeError Title = new("initiative.title");
}

/// <summary>A state taking part in an initiative, with its role.</summary>
public sealed class InitiativeParticipant
{
    public Guid InitiativeId { get; init; }

    public required string StateCode { get; init; }

    public ParticipantRole Role { get; init; }

    /// <summary>What the state budgeted for its part, in US dollars (SEGIB's cost data), if known.</summary>
    public decimal? BudgetedCost { get; set; }

    /// <summary>What the state spent on its part, in US dollars, if known.</summary>
    public decimal? ExecutedCost { get; set; }
}

/// <summary>
/// Cooperation agreed between member states, brokered by the secretariat from an agreed pair (or
/// recorded directly), in SEGIB's model: type, modality and each state's role.
/// </summary>
public sealed class Initiative
{
    public const int TitleMax = 200;

    public Guid Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The language of the title.</summary>
    public required string Language { get; init; }

    public InitiativeType Type { get; init; }

    public CooperationModality Modality { get; init; }

    public InitiativeStatus Status { get; private set; }

    /// <summary>The pair it came from, if any.</summary>
    public Guid? PairId { get; init; }

    public Guid? OfferId { get; init; }

    public Guid? DemandId { get; init; }

    public DateOnly? StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public List<InitiativeParticipant> Participants { get; init; } = [];

    /// <summary>
    /// DAC 5-digit sectors of its own, for an initiative recorded without an offer and a demand (one
    /// imported from SEGIB's data); otherwise empty and the demand's, else the offer's, are read.
    /// </summary>
    public List<string> Sectors { get; init; } = [];

    /// <summary>SDG goals and targets of its own, as <see cref="Sectors"/>.</summary>
    public List<string> Sdgs { get; init; } = [];

    /// <summary>
    /// Checks the roles against the modality: bilateral is one offerer and one receiver; triangular is
    /// a first offerer, a second offerer and a receiver; regional is three or more distinct states.
    /// A state plays one role.
    /// </summary>
    public static InitiativeError? Check(string title, CooperationModality modality, IReadOnlyCollection<(string State, ParticipantRole Role)> participants, DateOnly? startsOn, DateOnly? endsOn)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMax)
        {
            return InitiativeError.Title;
        }

        if (startsOn is { } start && endsOn is { } end && end < start)
        {
            return InitiativeError.Dates;
        }

        if (participants.Select(p => p.State).Distinct(StringComparer.Ordinal).Count() != participants.Count)
        {
            return InitiativeError.Roles;
        }

        int Count(ParticipantRole role) => participants.Count(p => p.Role == role);
        var valid = modality switch
        {
            CooperationModality.Bilateral => participants.Count == 2 && Count(ParticipantRole.Offerer) == 1 && Count(ParticipantRole.Receiver) == 1,
            CooperationModality.Triangular => participants.Count == 3 && Count(ParticipantRole.FirstOfferer) == 1 && Count(ParticipantRole.SecondOfferer) == 1 && Count(ParticipantRole.Receiver) == 1,
            _ => participants.Count >= 3 && Count(ParticipantRole.Receiver) >= 1 && participants.All(p => p.Role is ParticipantRole.Offerer or ParticipantRole.Receiver),
        };
        return valid ? null : InitiativeError.Roles;
    }

    /// <summary>Work begins.</summary>
    public InitiativeError? Start(DateTimeOffset at)
    {
        if (Status != InitiativeStatus.Planned)
        {
            return InitiativeError.Status;
        }

        Status = InitiativeStatus.InExecution;
        StartedAt = at;
        return null;
    }

    /// <summary>Work is done.</summary>
    public InitiativeError? Complete(DateTimeOffset at)
    {
        if (Status != InitiativeStatus.InExecution)
        {
            return InitiativeError.Status;
        }

        Status = InitiativeStatus.Completed;
        CompletedAt = at;
        return null;
    }
}
