namespace CooperaNet.Application.Email;

/// <summary>An e-mail waiting to leave. Written in the transaction that caused it; sent by the dispatcher.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string To { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public string? HtmlBody { get; init; }

    /// <summary>Extra header fields, one "Name: value" per line (List-Unsubscribe...); null for none.</summary>
    public string? Headers { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>A dispatcher instance holds the message until this time; others leave it alone.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public Guid? LockedBy { get; set; }
}
