namespace CooperaNet.Application.Auditing;

/// <summary>One recorded change: who changed what, when, and the values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The user's id, or null for the system and the command line.</summary>
    public Guid? ActorId { get; init; }

    /// <summary>Who, as a readable name ("ana@apc.gov.co", "cli:root", "system").</summary>
    public required string Actor { get; init; }

    /// <summary>"added", "modified" or "deleted".</summary>
    public required string Action { get; init; }

    /// <summary>Entity type name ("MemberState", "ApiToken").</summary>
    public required string Entity { get; init; }

    /// <summary>The entity's key as text.</summary>
    public required string EntityKey { get; init; }

    /// <summary>JSON of the changed properties before the change; null for additions.</summary>
    public string? Before { get; init; }

    /// <summary>JSON of the changed properties after the change; null for deletions.</summary>
    public string? After { get; init; }
}
