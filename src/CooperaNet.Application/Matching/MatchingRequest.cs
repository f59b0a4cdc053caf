namespace CooperaNet.Application.Matching;

/// <summary>
/// "Pair this entry again": written in the same SaveChanges as any change to an entry, taken by one
/// app instance at a time (a lease), deleted once its pairs are stored.
/// </summary>
public sealed class MatchingRequest
{
    public long Id { get; init; }

    public Guid EntryId { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>An instance holds the request until this time; the others leave it alone.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    public Guid? LeasedBy { get; set; }
}
