namespace CooperaNet.Application.Idempotency;

/// <summary>The idempotency key the request of this scope claimed, if any (set by the web's middleware).</summary>
public sealed class IdempotencyClaim
{
    public string? Owner { get; private set; }

    public string? Key { get; private set; }

    public void Set(string owner, string key) => (Owner, Key) = (owner, key);
}
