using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Events;

public sealed class EventApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secretariat_writes_and_publishes_an_event_users_fill_it_and_the_last_one_is_refused()
    {
        var secretariat = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;
        var expert = await CatalogApiClient.ForAsync(factory, Roles.Expert, language: "es");
        var partner = await CatalogApiClient.ForAsync(factory, Roles.Partner);
        var anonymous = factory.CreateClient();

        using var created = await secretariat.PostAsJsonAsync("/api/v1/events", EventData.Json("Seminario de agua rural"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await CatalogApiClient.JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/events/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsync($"/api/v1/events/{id}/registration", null, Ct)).StatusCode);

        using var published = await secretariat.PostAsync($"/api/v1/events/{id}/publish", null, Ct);
        var view = await CatalogApiClient.JsonAsync(published);
        Assert.Equal("published", view.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2027, 6, 3, 13, 0, 0, TimeSpan.Zero), view.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(-3), view.GetProperty("localStart").GetDateTimeOffset().Offset);
        Assert.Equal(["BID", "GIZ"], view.GetProperty("coOrganisers").EnumerateArray().Select(o => o.GetString()));

        using var full = await secretariat.PutAsJsonAsync($"/api/v1/events/{id}", Resize(EventData.Json("Seminario de agua rural"), 1), Ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        using var taken = await expert.PostAsync($"/api/v1/events/{id}/registration", null, Ct);
        Assert.Equal(1, (await CatalogApiClient.JsonAsync(taken)).GetProperty("registered").GetInt32());
        using var refused = await partner.PostAsync($"/api/v1/events/{id}/registration", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("The event is full: no places are left.", (await CatalogApiClient.JsonAsync(refused)).GetProperty("detail").GetString());
        using var again = await expert.PostAsync($"/api/v1/events/{id}/registration", null, Ct);
        Assert.Equal("Ya está inscrito en este evento.", (await CatalogApiClient.JsonAsync(again)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await expert.DeleteAsync($"/api/v1/events/{id}/registration", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/v1/events/{id}/registration", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/events/{id}/cancel", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsync($"/api/v1/events/{id}/cancel", null, Ct)).StatusCode);

        var listed = await CatalogApiClient.JsonAsync(await anonymous.GetAsync("/api/v1/events", Ct));
        Assert.Contains(listed.GetProperty("upcoming").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id && e.GetProperty("status").GetString() == "cancelled");
        var file = await anonymous.GetAsync($"/events/{id}.ics", Ct);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType?.MediaType);
        var text = await file.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"\r\nUID:{id:D}@", text, StringComparison.Ordinal);
        Assert.Contains($"\r\nUID:{id:D}@", await anonymous.GetStringAsync("/events.ics", Ct), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal(1, await db.EventRegistrations.CountAsync(r => r.EventId == id, Ct));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_the_callers_language()
    {
        var spanish = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var bad = new { kind = "fiesta", title = "", timeZone = "Hora del Este", start = "2027-06-03T10:00:00", end = "2027-06-03T09:00:00", capacity = 0, country = "Colombia" };

        using var response = await spanish.PostAsJsonAsync("/api/v1/events", bad, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await CatalogApiClient.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["kind", "title", "venue", "city", "country", "timeZone", "end", "capacity"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("«Hora del Este» no es una zona horaria IANA (por ejemplo America/Bogota).", errors.GetProperty("timeZone")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await spanish.GetAsync($"/api/v1/events/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    private static Dictionary<string, object?> Resize(object body, int capacity)
    {
        var fields = body.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(body));
        fields["capacity"] = capacity;
        return fields;
    }
}
