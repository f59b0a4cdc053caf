namespace CooperaNet.Application.FollowUp;

/// <summary>Who a reminder went to: an account, or someone invited who has none yet.</summary>
public enum RecipientKind
{
    FocalPoint = 0,
    Invitee = 1,
}

/// <summary>
/// A campaign step sent to one recipient, written in the transaction that queues the e-mail. Its
/// unique index on (campaign, step, recipient) is what makes two app instances send each reminder once.
/// </summary>
public sealed class CampaignDelivery
{
    public Guid Id { get; init; }

    public Guid CampaignId { get; init; }

    public int StepNumber { get; init; }

    /// <summary>The user's id, or the invitation's for an invitee.</summary>
    public Guid RecipientId { get; init; }

    public RecipientKind RecipientKind { get; init; }

    public required string StateCode { get; init; }

    /// <summary>The language it was written in.</summary>
    public required string Language { get; init; }

    public DateTimeOffset SentAt { get; init; }

    public Guid OutboxMessageId { get; init; }
}

/// <summary>An address that asked to receive no more campaign e-mail (upper-case, as Identity normalizes).</summary>
public sealed class ReminderOptOut
{
    public required string NormalizedEmail { get; init; }

    public DateTimeOffset OptedOutAt { get; init; }
}
