namespace CooperaNet.Domain.Events;

/// <summary>The kinds of event the calendar lists.</summary>
public enum EventKind
{
    Conference,
    Workshop,
    Seminar,
    Panel,
    Presentation,
    Exhibition,
}

/// <summary>
/// Where an event is in its life cycle: draft → published → cancelled (cancelled events stay visible). A
/// focal point or partner proposes one (proposed), which the secretariat publishes or declines.
/// </summary>
public enum EventStatus
{
    Draft,
    Published,
    Cancelled,
    Proposed,
    Declined,
}

/// <summary>A refused change, by code (localized as "Error." + code).</summary>
public sealed record EventError(string Code)
{
    public static readonly EventError IllegalTransition = new("event.illegal-transition");

    public static readonly EventError NotOpen = new("event.not-open");

    public static readonly EventError Full = new("event.full");

    public static readonly EventError AlreadyRegistered = new("event.already-registered");

    public static readonly EventError NotProposed = new("event.not-proposed");
}

/// <summary>
/// A conference, workshop, seminar, panel, presentation or exhibition, online (a link) or in person (venue,
/// city, country). Its start and end are UTC instants; <see cref="TimeZoneId"/> (IANA) says in which local
/// time it is shown. Registration is open while it is published, has not started and has places left.
/// </summary>
public sealed class Event
{
    public Guid Id { get; init; }

    public EventKind Kind { get; set; }

    public EventStatus Status { get; private set; }

    public required string Title { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>Partners co-organising it, one per line, as typed.</summary>
    public string CoOrganisers { get; set; } = string.Empty;

    /// <summary>The link to join when the event is online; null in person.</summary>
    public string? OnlineUrl { get; set; }

    public string? Venue { get; set; }

    public string? City { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country of the venue.</summary>
    public string? CountryCode { get; set; }

    /// <summary>IANA time zone the event's local times are given in.</summary>
    public required string TimeZoneId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Places for registration; null when registration is not offered.</summary>
    public int? Capacity { get; set; }

    /// <summary>Places taken; kept with the registrations in one transaction.</summary>
    public int Registered { get; set; }

    /// <summary>The focal point or partner who proposed it; null when the secretariat wrote it.</summary>
    public Guid? ProposedById { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Documents, recordings or experiences kept with the event, as titled links.</summary>
    public ICollection<EventMaterial> Materials { get; init; } = [];

    public bool IsOnline => OnlineUrl is not null;

    /// <summary>Published or cancelled: seen by everyone.</summary>
    public bool IsPublic => Status is EventStatus.Published or EventStatus.Cancelled;

    /// <summary>A new event proposed by <paramref name="proposer"/>: the secretariat publishes or declines it.</summary>
    public static Event Propose(Guid id, Guid proposer, DateTimeOffset at) =>
        new() { Id = id, Title = string.Empty, TimeZoneId = "UTC", Status = EventStatus.Proposed, ProposedById = proposer, CreatedAt = at, UpdatedAt = at };

    /// <summary>Publishes a draft or a proposal.</summary>
    public EventError? Publish(DateTimeOffset at)
    {
        if (Status is not (EventStatus.Draft or EventStatus.Proposed))
        {
            return EventError.IllegalTransition;
        }

        Status = EventStatus.Published;
        PublishedAt ??= at;
        UpdatedAt = at;
        return null;
    }

    /// <summary>Declines a proposal; its author still sees it, nobody else but the secretariat.</summary>
    public EventError? Decline(DateTimeOffset at)
    {
        if (Status != EventStatus.Proposed)
        {
            return EventError.NotProposed;
        }

        Status = EventStatus.Declined;
        UpdatedAt = at;
        return null;
    }

    /// <summary>Cancels a draft or a published event; it stays listed as cancelled.</summary>
    public EventError? Cancel(DateTimeOffset at)
    {
        if (Status is EventStatus.Cancelled or EventStatus.Proposed or EventStatus.Declined)
        {
            return EventError.IllegalTransition;
        }

        Status = EventStatus.Cancelled;
        CancelledAt = at;
        UpdatedAt = at;
        return null;
    }

    /// <summary>Why a new registration is refused now, given how many are already registered; null when it may go ahead.</summary>
    public EventError? RefuseRegistration(DateTimeOffset now) => RefuseRegistration(now, Registered);

    /// <summary>Why a new registration is refused now, given how many are already registered; null when it may go ahead.</summary>
    public EventError? RefuseRegistration(DateTimeOffset now, int registered)
    {
        if (Status != EventStatus.Published || Capacity is null || now >= StartsAt)
        {
            return EventError.NotOpen;
        }

        return registered >= Capacity ? EventError.Full : null;
    }

    /// <summary>The start in the event's own time zone.</summary>
    public DateTimeOffset LocalStart => TimeZoneInfo.ConvertTime(StartsAt, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    /// <summary>The end in the event's own time zone.</summary>
    public DateTimeOffset LocalEnd => TimeZoneInfo.ConvertTime(EndsAt, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
}

/// <summary>A titled link kept with an event (a document, a recording, an experience's page).</summary>
public sealed class EventMaterial
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public required string Title { get; set; }

    public required string Url { get; set; }
}

/// <summary>
/// A signed-in user's place at an event, or their place on its waiting list when it was full; one per
/// user and event (a unique index holds it). The waiting list is served in the order people joined it.
/// </summary>
public sealed class EventRegistration
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public Guid UserId { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>On the waiting list: no place yet.</summary>
    public bool Waiting { get; set; }

    /// <summary>When a place freed up and went to this person from the waiting list.</summary>
    public DateTimeOffset? PromotedAt { get; set; }
}
