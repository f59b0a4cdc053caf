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
    public async Task The_secretariat_writes_and_publishes_an_event_users_fill_it_and_the_next_one_waits_for_a_freed_place()
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
        var place = await CatalogApiClient.JsonAsync(taken);
        Assert.Equal((1, false), (place.GetProperty("event").GetProperty("registered").GetInt32(), place.GetProperty("waiting").GetBoolean()));
        using var queued = await partner.PostAsync($"/api/v1/events/{id}/registration", null, Ct);
        var waiting = await CatalogApiClient.JsonAsync(queued);
        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Equal((true, 1), (waiting.GetProperty("waiting").GetBoolean(), waiting.GetProperty("position").GetInt32()));
        using var again = await expert.PostAsync($"/api/v1/events/{id}/registration", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Ya está inscrito en este evento.", (await CatalogApiClient.JsonAsync(again)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await expert.DeleteAsync($"/api/v1/events/{id}/registration", Ct)).StatusCode);
        await using (var check = factory.NewDbContext())
        {
            var promoted = await check.EventRegistrations.AsNoTracking().SingleAsync(r => r.EventId == id, Ct);
            Assert.False(promoted.Waiting);
            Assert.NotNull(promoted.PromotedAt);
            var email = (await check.Users.AsNoTracking().SingleAsync(u => u.Id == promoted.UserId, Ct)).Email!;
            var letter = await check.Outbox.AsNoTracking().SingleAsync(m => m.To == email, Ct);
            Assert.Equal("Tiene una plaza: Seminario de agua rural", letter.Subject);
            Assert.Contains($"/es/events/{id}", letter.TextBody, StringComparison.Ordinal);
            Assert.Equal(1, (await check.Events.AsNoTracking().SingleAsync(e => e.Id == id, Ct)).Registered);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsync($"/api/v1/events/{id}/registration", null, Ct)).StatusCode);
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
    public async Task A_focal_point_proposes_an_event_that_only_they_and_the_secretariat_see_until_it_is_published()
    {
        var secretariat = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;
        var focalPoint = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");
        var otherFocalPoint = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "PE");
        var expert = await CatalogApiClient.ForAsync(factory, Roles.Expert);
        var anonymous = factory.CreateClient();

        using var proposed = await focalPoint.PostAsJsonAsync("/api/v1/events/proposals", EventData.Json("Foro de cooperación sur-sur"), Ct);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var view = await CatalogApiClient.JsonAsync(proposed);
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal("proposed", view.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync("/api/v1/events/proposals", EventData.Json("Otro"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/events/proposals", EventData.Json("Otro"), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/events/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherFocalPoint.GetAsync($"/api/v1/events/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focalPoint.GetAsync($"/api/v1/events/{id}", Ct)).StatusCode);
        var mine = await CatalogApiClient.JsonAsync(await focalPoint.GetAsync("/api/v1/events/proposals/mine", Ct));
        Assert.Equal([id], mine.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Empty((await CatalogApiClient.JsonAsync(await otherFocalPoint.GetAsync("/api/v1/events/proposals/mine", Ct))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await expert.PostAsync($"/api/v1/events/{id}/registration", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focalPoint.PostAsync($"/api/v1/events/{id}/publish", null, Ct)).StatusCode);

        using var published = await secretariat.PostAsync($"/api/v1/events/{id}/publish", null, Ct);
        Assert.Equal("published", (await CatalogApiClient.JsonAsync(published)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/events/{id}", Ct)).StatusCode);
        using var late = await secretariat.PostAsync($"/api/v1/events/{id}/decline", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Solo se puede rechazar un evento propuesto.", (await CatalogApiClient.JsonAsync(late)).GetProperty("detail").GetString());

        using var second = await focalPoint.PostAsJsonAsync("/api/v1/events/proposals", EventData.Json("Propuesta que no sigue"), Ct);
        var declinedId = (await CatalogApiClient.JsonAsync(second)).GetProperty("id").GetGuid();
        using var declined = await secretariat.PostAsync($"/api/v1/events/{declinedId}/decline", null, Ct);
        Assert.Equal("declined", (await CatalogApiClient.JsonAsync(declined)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/events/{declinedId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focalPoint.GetAsync($"/api/v1/events/{declinedId}", Ct)).StatusCode);
        var listed = await CatalogApiClient.JsonAsync(await anonymous.GetAsync("/api/v1/events", Ct));
        Assert.DoesNotContain(listed.GetProperty("upcoming").EnumerateArray(), e => e.GetProperty("id").GetGuid() == declinedId);
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
