namespace CooperaNet.Domain.Communications;

/// <summary>The kinds of channel the platform speaks through.</summary>
public enum ChannelKind
{
    Website,
    Newsletter,
    SocialMedia,
    Media,
    Events,
}

/// <summary>
/// A channel: the website, the newsletter, a social media account, a medium, the events calendar. Its
/// address is a web address or a handle ("@cooperanet"); it reaches some audiences; inactive ones stay
/// on past plans but take no new items.
/// </summary>
public sealed class Channel
{
    public Guid Id { get; init; }

    public ChannelKind Kind { get; set; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    public List<Audience> Audiences { get; set; } = [];

    public bool Active { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }
}
