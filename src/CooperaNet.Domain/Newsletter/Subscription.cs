using System.Security.Cryptography;
using System.Text;
using CooperaNet.Domain.Communications;

namespace CooperaNet.Domain.Newsletter;

/// <summary>Where a subscription is: pending (waiting for the confirmation link) → confirmed → unsubscribed.</summary>
public enum SubscriptionStatus
{
    Pending,
    Confirmed,
    Unsubscribed,
}

/// <summary>A refused change, by code (localized as "Error." + code).</summary>
public sealed record NewsletterError(string Code)
{
    public static readonly NewsletterError IllegalTransition = new("newsletter.illegal-transition");

    public static readonly NewsletterError NoItems = new("newsletter.no-items");

    public static readonly NewsletterError NotDeleted = new("newsletter.not-deleted");
}

/// <summary>
/// One address's subscription to the newsletter of an audience in a language, with double opt-in: the
/// confirmation link carries the subscription's id and a random secret, of which only the SHA-256 hash is
/// stored; it confirms once, before it expires.
/// </summary>
public sealed class NewsletterSubscription
{
    /// <summary>Prefix of every confirmation token, so a leaked one is recognisable.</summary>
    public const string TokenPrefix = "nlc_";

    public const int EmailMax = 254;

    public Guid Id { get; init; }

    /// <summary>The address, trimmed and lower-case.</summary>
    public required string Email { get; init; }

    public Audience Audience { get; init; }

    /// <summary>es, en, pt or fr: the language of the issues it receives.</summary>
    public required string Language { get; init; }

    public SubscriptionStatus Status { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the pending confirmation token; null once used.</summary>
    public string? ConfirmationHash { get; private set; }

    public DateTimeOffset? ConfirmationExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? UnsubscribedAt { get; private set; }

    /// <summary>"  Ana@Example.ORG " → "ana@example.org".</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A new pending subscription and the token of its confirmation link (never stored).</summary>
    public static (NewsletterSubscription Subscription, string Token) Start(string email, Audience audience, string language, DateTimeOffset now, TimeSpan lifetime)
    {
        var subscription = new NewsletterSubscription
        {
            Id = Guid.CreateVersion7(now),
            Email = Normalize(email),
            Audience = audience,
            Language = language,
            CreatedAt = now,
        };
        return (subscription, subscription.Reissue(now, lifetime)!);
    }

    /// <summary>
    /// Asks again: a pending or unsubscribed subscription gets a new token (the old one stops working) and
    /// is pending; a confirmed one stays as it is and gets none (null).
    /// </summary>
    public string? Reissue(DateTimeOffset now, TimeSpan lifetime)
    {
        if (Status == SubscriptionStatus.Confirmed)
        {
            return null;
        }

        var token = $"{TokenPrefix}{Id:N}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        Status = SubscriptionStatus.Pending;
        ConfirmationHash = HashOf(token);
        ConfirmationExpiresAt = now + lifetime;
        UnsubscribedAt = null;
        UpdatedAt = now;
        return token;
    }

    /// <summary>Confirms with the link's token: only a pending subscription, its current token, before it expires; the token is then spent.</summary>
    public bool Confirm(string token, DateTimeOffset now)
    {
        if (Status != SubscriptionStatus.Pending || ConfirmationHash is null || ConfirmationExpiresAt is not { } expires || now >= expires || !Matches(token, ConfirmationHash))
        {
            return false;
        }

        Status = SubscriptionStatus.Confirmed;
        ConfirmationHash = null;
        ConfirmationExpiresAt = null;
        ConfirmedAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Stops the issues; true when it changed something.</summary>
    public bool Unsubscribe(DateTimeOffset now)
    {
        if (Status == SubscriptionStatus.Unsubscribed)
        {
            return false;
        }

        Status = SubscriptionStatus.Unsubscribed;
        ConfirmationHash = null;
        ConfirmationExpiresAt = null;
        UnsubscribedAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>The subscription's id in a confirmation token, or null when it does not look like one.</summary>
    public static Guid? IdOf(string? token) =>
        token is { Length: > 37 } && token.StartsWith(TokenPrefix, StringComparison.Ordinal) && token[36] == '.' && Guid.TryParseExact(token[4..36], "N", out var id) ? id : null;

    /// <summary>Lower-case hex SHA-256 of a token.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares in constant time, so the answer's timing says nothing about the hash.</summary>
    public static bool Matches(string token, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(token)), Encoding.ASCII.GetBytes(hash));
}
