using CooperaNet.Application.Data;
using CooperaNet.Domain.Events;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Events;

/// <summary>Events saved straight into the test database, moved by the domain's own methods.</summary>
public static class EventData
{
    /// <summary>
    /// A workshop in Bogotá in May 2027 with <paramref name="capacity"/> places, in <paramref name="status"/>; a
    /// proposed one is <paramref name="proposedBy"/>'s (someone else's when null).
    /// </summary>
    public static async Task<Event> SaveAsync(CooperaNetFactory app, EventStatus status, string title, int? capacity = 20, Guid? registered = null, Guid? proposedBy = null) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var item = status == EventStatus.Proposed
                ? Event.Propose(Guid.NewGuid(), proposedBy ?? Guid.NewGuid(), now)
                : new Event { Id = Guid.NewGuid(), Title = title, TimeZoneId = "UTC", CreatedAt = now, UpdatedAt = now };
            item.Kind = EventKind.Workshop;
            item.Title = title;
            item.Description = "Intercambio entre juntas de agua.";
            item.CoOrganisers = "BID";
            item.Venue = "Centro de convenciones";
            item.City = "Bogotá";
            item.CountryCode = "CO";
            item.TimeZoneId = "America/Bogota";
            item.StartsAt = new DateTimeOffset(2027, 5, 12, 14, 0, 0, TimeSpan.Zero);
            item.EndsAt = new DateTimeOffset(2027, 5, 12, 22, 0, 0, TimeSpan.Zero);
            item.Capacity = capacity;
            if (status is EventStatus.Published or EventStatus.Cancelled)
            {
                item.Publish(now);
            }

            if (status == EventStatus.Cancelled)
            {
                item.Cancel(now);
            }

            if (registered is { } userId)
            {
                item.Registered = 1;
                db.EventRegistrations.Add(new EventRegistration { Id = Guid.NewGuid(), EventId = item.Id, UserId = userId, RegisteredAt = now });
            }

            db.Events.Add(item);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return item;
        });

    /// <summary>The API's body for a new or changed event.</summary>
    public static object Json(string title) => new
    {
        kind = "seminar",
        title,
        description = "Buenas prácticas de agua potable rural.",
        coOrganisers = "BID\nGIZ",
        onlineUrl = "https://meet.example.org/agua",
        timeZone = "America/Sao_Paulo",
        start = "2027-06-03T10:00:00",
        end = "2027-06-03T12:30:00",
        capacity = 50,
        materials = new[] { new { title = "Presentación", url = "https://example.org/presentacion.pdf" } },
    };

    /// <summary>The page form's fields for a new or changed event.</summary>
    public static Dictionary<string, string> Form(string title) => new()
    {
        ["Form.Kind"] = "panel",
        ["Form.Title"] = title,
        ["Form.Description"] = "Panel de ministros.",
        ["Form.CoOrganisers"] = "OEA",
        ["Form.OnlineUrl"] = string.Empty,
        ["Form.Venue"] = "Sede de la OEA",
        ["Form.City"] = "Washington",
        ["Form.Country"] = "US",
        ["Form.TimeZone"] = "America/New_York",
        ["Form.Start"] = "2027-03-10T09:00",
        ["Form.End"] = "2027-03-10T11:00",
        ["Form.Capacity"] = "30",
        ["Form.Materials"] = "Agenda | https://example.org/agenda.pdf",
    };
}
