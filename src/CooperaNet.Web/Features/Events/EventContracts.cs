using CooperaNet.Domain.Events;

namespace CooperaNet.Web.Features.Events;

public sealed record EventMaterialView(string Title, string Url);

/// <summary>An event as the API gives it: instants in UTC, local times in its zone.</summary>
public sealed record EventView(
    Guid Id,
    string Kind,
    string Status,
    string Title,
    string Description,
    IReadOnlyList<string> CoOrganisers,
    string? OnlineUrl,
    string? Venue,
    string? City,
    string? Country,
    string TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    int? Capacity,
    int Registered,
    IReadOnlyList<EventMaterialView> Materials,
    string Calendar)
{
    public static EventView Of(Event item) => new(
        item.Id,
        item.Kind.ToString().ToLowerInvariant(),
        item.Status.ToString().ToLowerInvariant(),
        item.Title,
        item.Description,
        Organisers(item),
        item.OnlineUrl,
        item.Venue,
        item.City,
        item.CountryCode,
        item.TimeZoneId,
        item.StartsAt,
        item.EndsAt,
        item.LocalStart,
        item.LocalEnd,
        item.Capacity,
        item.Registered,
        item.Materials.Select(m => new EventMaterialView(m.Title, m.Url)).ToList(),
        EventRoutes.File(item.Id));

    /// <summary>The co-organisers, one per line as typed.</summary>
    public static IReadOnlyList<string> Organisers(Event item) =>
        item.CoOrganisers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed record EventListView(IReadOnlyList<EventView> Upcoming, IReadOnlyList<EventView> Past);

/// <summary>A registration: the event, and whether the caller waits for a place (position 1 is next).</summary>
public sealed record EventRegistrationView(EventView Event, bool Waiting, int? Position);
