namespace CooperaNet.Domain.Communications;

/// <summary>
/// An audience's key message and who they are, in the four languages (work plan, para 69 and action 2).
/// One per <see cref="Communications.Audience"/>; the last edit says who changed it and when.
/// </summary>
public sealed class AudienceMessage
{
    public Audience Audience { get; init; }

    public required LocalizedText Description { get; set; }

    public required LocalizedText Message { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The user who last edited it; null for the shipped text.</summary>
    public Guid? UpdatedById { get; set; }
}
