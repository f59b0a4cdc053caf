namespace CooperaNet.Application.Notifications;

/// <summary>
/// A message in a user's in-app inbox. Its text is not stored: the kind and arguments are, so the
/// inbox speaks the reader's language of the day.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary>What happened, a resource key suffix ("pair.interest", "pair.agreed"...).</summary>
    public required string Kind { get; init; }

    /// <summary>The values the text names, as a JSON array of strings.</summary>
    public string Arguments { get; init; } = "[]";

    /// <summary>Where to go, without the language prefix ("/matches/...").</summary>
    public required string Link { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}
