using System.ComponentModel.DataAnnotations;

namespace CooperaNet.Application.Newsletter;

/// <summary>How the newsletter is sent. Section "CooperaNet:Newsletter".</summary>
public sealed class NewsletterOptions
{
    public const string Section = "CooperaNet:Newsletter";

    /// <summary>At most this many issue e-mails go into the outbox in any minute, across all instances' rounds.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; } = 60;

    /// <summary>How often the sender looks for deliveries waiting (and for expired pending subscriptions).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a confirmation link works; unconfirmed subscriptions are deleted after that.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How far back the first issue of a language looks for content (later issues start at the previous one).</summary>
    [Range(1, 365)]
    public int FirstIssueLookbackDays { get; set; } = 30;

    /// <summary>Subscription requests accepted per client address per hour (the form and the API).</summary>
    [Range(1, 10_000)]
    public int SubscribeRequestsPerHour { get; set; } = 20;
}

/// <summary>
/// The newsletter e-mails' fixed texts in a language. The web host supplies them from its resource files,
/// where every interface string lives.
/// </summary>
public interface INewsletterTexts
{
    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, formatted with <paramref name="arguments"/>.</summary>
    string Say(string language, string key, params object[] arguments);
}
