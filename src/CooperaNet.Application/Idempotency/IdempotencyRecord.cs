namespace CooperaNet.Application.Idempotency;

/// <summary>
/// One API write sent with an <c>Idempotency-Key</c>: who sent it, a hash of the request, and once it
/// has finished the response to give back to a retry. In the database so that every instance sees it.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The user the key belongs to: two users may pick the same key.</summary>
    public required string Owner { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 (hex) of the method, path, query, content type and body.</summary>
    public required string RequestHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this time the key is forgotten and may be used again.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>
    /// When the request's first change was saved, in the same transaction as that change: a claim with it is
    /// never run again, even when its instance died before the response was stored.
    /// </summary>
    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>The response's status; null while the first request is still running.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The response header fields that matter to a client, one "Name: value" per line.</summary>
    public string? Headers { get; set; }

    public byte[]? Body { get; set; }
}
