using CooperaNet.Domain.Communications;

namespace CooperaNet.Domain.Newsletter;

/// <summary>Where an issue is: a draft the secretariat edits → sending (in the archive, deliveries leaving) → sent.</summary>
public enum IssueStatus
{
    Draft,
    Sending,
    Sent,
}

/// <summary>What an item of an issue points to.</summary>
public enum IssueItemKind
{
    Experience,
    Event,
    Offer,
    ExpertCall,
}

/// <summary>
/// One issue of the newsletter in a language, for every audience or for one: an introduction and items
/// taken from the platform's recent content. Its items keep the title and summary they had when chosen, so
/// the archive shows what was sent.
/// </summary>
public sealed class NewsletterIssue
{
    public const int TitleMax = 200;

    public const int IntroductionMax = 4000;

    public Guid Id { get; init; }

    /// <summary>es, en, pt or fr.</summary>
    public required string Language { get; init; }

    /// <summary>The audience it is for; null for the subscribers of every audience.</summary>
    public Audience? Audience { get; init; }

    public required string Title { get; set; }

    public string Introduction { get; set; } = string.Empty;

    public IssueStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When sending started: the issue is in the public archive from then on.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>When the last delivery went into the outbox.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The site's address the e-mails link to, fixed when sending starts.</summary>
    public string? BaseUrl { get; private set; }

    /// <summary>Set when a draft is deleted; deleted drafts are hidden from the list and can be restored.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Subscribers it was addressed to.</summary>
    public int Recipients { get; private set; }

    public ICollection<NewsletterItem> Items { get; init; } = [];

    public bool IsPublic => Status != IssueStatus.Draft;

    /// <summary>Hides a draft (a sent issue stays in the archive).</summary>
    public NewsletterError? Delete(DateTimeOffset now)
    {
        if (Status != IssueStatus.Draft || DeletedAt is not null)
        {
            return NewsletterError.IllegalTransition;
        }

        DeletedAt = now;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Brings a deleted draft back as it was.</summary>
    public NewsletterError? Restore(DateTimeOffset now)
    {
        if (DeletedAt is null)
        {
            return NewsletterError.NotDeleted;
        }

        DeletedAt = null;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Starts sending a draft with at least one item to <paramref name="recipients"/> subscribers.</summary>
    public NewsletterError? StartSending(DateTimeOffset now, string baseUrl, int recipients)
    {
        if (Status != IssueStatus.Draft || DeletedAt is not null)
        {
            return NewsletterError.IllegalTransition;
        }

        if (Items.Count == 0)
        {
            return NewsletterError.NoItems;
        }

        Status = IssueStatus.Sending;
        SentAt = now;
        BaseUrl = baseUrl;
        Recipients = recipients;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Every delivery has left.</summary>
    public void Complete(DateTimeOffset now)
    {
        if (Status == IssueStatus.Sending)
        {
            Status = IssueStatus.Sent;
            CompletedAt = now;
        }
    }
}

/// <summary>One piece of content in an issue, as it was when chosen.</summary>
public sealed class NewsletterItem
{
    public Guid Id { get; init; }

    public Guid IssueId { get; init; }

    public IssueItemKind Kind { get; init; }

    /// <summary>The experience, event, offer or call.</summary>
    public Guid SourceId { get; init; }

    public required string Title { get; init; }

    public string Summary { get; init; } = string.Empty;

    /// <summary>Its page without the language prefix: "/events/{id}".</summary>
    public required string Path { get; init; }

    /// <summary>When the content was published (or, for events, when it starts).</summary>
    public DateTimeOffset Date { get; init; }

    public int Position { get; set; }
}

/// <summary>
/// An issue addressed to one confirmed subscriber. Created once per subscriber (a unique index holds it)
/// when sending starts; the sender claims it, puts its e-mail in the outbox and marks it queued in one
/// transaction. The e-mail's unsubscribe token is stored only as a hash.
/// </summary>
public sealed class NewsletterDelivery
{
    public Guid Id { get; init; }

    public Guid IssueId { get; init; }

    public Guid SubscriptionId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? QueuedAt { get; set; }

    public Guid? OutboxMessageId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the one-click unsubscribe token of its e-mail.</summary>
    public string? UnsubscribeHash { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public Guid? LockedBy { get; set; }

    /// <summary>A new token for the e-mail's unsubscribe link; keeps only its hash.</summary>
    public string IssueUnsubscribeToken()
    {
        var token = $"{TokenPrefix}{Id:N}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}";
        UnsubscribeHash = NewsletterSubscription.HashOf(token);
        return token;
    }

    /// <summary>Prefix of every unsubscribe token.</summary>
    public const string TokenPrefix = "nlu_";

    /// <summary>The delivery's id in an unsubscribe token, or null when it does not look like one.</summary>
    public static Guid? IdOf(string? token) =>
        token is { Length: > 37 } && token.StartsWith(TokenPrefix, StringComparison.Ordinal) && token[36] == '.' && Guid.TryParseExact(token[4..36], "N", out var id) ? id : null;
}
