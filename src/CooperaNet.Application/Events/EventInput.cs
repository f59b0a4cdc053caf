using CooperaNet.Application.Catalog;
using CooperaNet.Domain.Events;

namespace CooperaNet.Application.Events;

/// <summary>A titled link kept with an event.</summary>
public sealed record EventMaterialInput(string? Title, string? Url);

/// <summary>
/// An event as the secretariat writes it: start and end as local date-times in <see cref="TimeZone"/>
/// (IANA); online when <see cref="OnlineUrl"/> is given, otherwise venue, city and country.
/// </summary>
public sealed record EventInput(
    string? Kind,
    string? Title,
    string? Description,
    string? CoOrganisers,
    string? OnlineUrl,
    string? Venue,
    string? City,
    string? Country,
    string? TimeZone,
    DateTime? Start,
    DateTime? End,
    int? Capacity,
    IReadOnlyList<EventMaterialInput>? Materials)
{
    /// <summary>Checks every field; the errors are empty when the input can be applied.</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (ParseKind(Kind) is null)
        {
            errors.Add(new FieldError("kind", "event.kind", string.Join(", ", Enum.GetNames<EventKind>().Select(n => n.ToLowerInvariant()))));
        }

        Text(errors, "title", Title, EventValidation.TitleMax, required: true);
        Text(errors, "description", Description, EventValidation.DescriptionMax, required: false);
        Text(errors, "coOrganisers", CoOrganisers, EventValidation.DescriptionMax, required: false);
        if (!string.IsNullOrWhiteSpace(OnlineUrl))
        {
            if (!EventValidation.IsWebAddress(OnlineUrl) || OnlineUrl.Length > EventValidation.UrlMax)
            {
                errors.Add(new FieldError("onlineUrl", "event.url"));
            }
        }
        else
        {
            Text(errors, "venue", Venue, EventValidation.TextMax, required: true);
            Text(errors, "city", City, EventValidation.TextMax, required: true);
            if (Country?.Trim() is not { Length: 2 } country || !country.All(char.IsAsciiLetter))
            {
                errors.Add(new FieldError("country", "event.country"));
            }
        }

        var zone = EventValidation.Zone(TimeZone);
        if (zone is null)
        {
            errors.Add(new FieldError("timeZone", "event.time-zone", TimeZone ?? string.Empty));
        }

        if (Start is null)
        {
            errors.Add(new FieldError("start", "event.start"));
        }

        if (End is null || Start is not null && End <= Start)
        {
            errors.Add(new FieldError("end", "event.end"));
        }

        if (Capacity is < 1 or > 100_000)
        {
            errors.Add(new FieldError("capacity", "event.capacity"));
        }

        foreach (var (material, index) in (Materials ?? []).Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(material.Title) || material.Title.Length > EventValidation.TextMax)
            {
                errors.Add(new FieldError($"materials[{index}].title", "event.material-title"));
            }

            if (!EventValidation.IsWebAddress(material.Url) || material.Url!.Length > EventValidation.UrlMax)
            {
                errors.Add(new FieldError($"materials[{index}].url", "event.url"));
            }
        }

        return errors;
    }

    /// <summary>Writes a valid input onto the event (materials replaced).</summary>
    public void ApplyTo(Event target, DateTimeOffset at)
    {
        var zone = EventValidation.Zone(TimeZone)!;
        var online = !string.IsNullOrWhiteSpace(OnlineUrl);
        target.Kind = ParseKind(Kind)!.Value;
        target.Title = Title!.Trim();
        target.Description = Description?.Trim() ?? string.Empty;
        target.CoOrganisers = CoOrganisers?.Trim() ?? string.Empty;
        target.OnlineUrl = online ? OnlineUrl!.Trim() : null;
        target.Venue = online ? null : Venue!.Trim();
        target.City = online ? null : City!.Trim();
        target.CountryCode = online ? null : Country!.Trim().ToUpperInvariant();
        target.TimeZoneId = zone.Id;
        target.StartsAt = EventValidation.ToUtc(Start!.Value, zone);
        target.EndsAt = EventValidation.ToUtc(End!.Value, zone);
        target.Capacity = Capacity;
        target.UpdatedAt = at;
        target.Materials.Clear();
        foreach (var material in Materials ?? [])
        {
            target.Materials.Add(new EventMaterial { Id = Guid.NewGuid(), EventId = target.Id, Title = material.Title!.Trim(), Url = material.Url!.Trim() });
        }
    }

    public static EventKind? ParseKind(string? kind) =>
        Enum.TryParse<EventKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !kind!.Any(char.IsDigit) ? parsed : null;

    private static void Text(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "event.required"));
        }
        else if (value is not null && value.Length > max)
        {
            errors.Add(new FieldError(field, "event.too-long", max));
        }
    }
}
