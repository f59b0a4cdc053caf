namespace CooperaNet.Domain.Partners;

public enum EngagementKind
{
    Meeting,
    JointEvent,
    JointInitiative,
    Other,
}

/// <summary>One dated line of the engagement log with a partner: a meeting, a joint event or initiative.</summary>
public sealed class EngagementEntry
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public EngagementKind Kind { get; init; }

    public DateOnly OccurredOn { get; init; }

    public required string Summary { get; init; }

    /// <summary>The calendar event it is about (Domain.Events); null when none.</summary>
    public Guid? EventId { get; init; }

    /// <summary>The crossing or follow-up initiative it is about; null when none.</summary>
    public Guid? InitiativeId { get; init; }

    public Guid RecordedById { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
