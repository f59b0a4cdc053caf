using System.Globalization;
using System.Text;
using CooperaNet.Application.Data;
using CooperaNet.Application.Events;
using CooperaNet.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Events;

public sealed class EventCalendarTests : IAsyncLifetime
{
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    public static EventInput AWorkshop(int? capacity = 1, string zone = "America/Bogota", DateTime? start = null) => new(
        "workshop",
        "Taller regional de agua potable",
        "Intercambio entre juntas de agua; con materiales, guías y \"casos\".",
        "BID\nGIZ",
        null,
        "Centro de convenciones",
        "Bogotá",
        "CO",
        zone,
        start ?? new DateTime(2026, 4, 14, 9, 0, 0),
        (start ?? new DateTime(2026, 4, 14, 9, 0, 0)).AddHours(8),
        capacity,
        [new EventMaterialInput("Relatoría", "https://example.org/relatoria.pdf")]);

    private EventCalendar Calendar(IServiceScope scope) => new(scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>(), host.Clock);

    private async Task<Event> PublishedAsync(EventInput input)
    {
        using var scope = host.Services.CreateScope();
        var calendar = Calendar(scope);
        var created = await calendar.CreateAsync(input, Ct);
        Assert.Empty(created.Errors);
        Assert.NotNull((await calendar.MoveAsync(created.Event!.Id, publish: true, Ct)).Event);
        return created.Event;
    }

    [Fact]
    public async Task Two_users_racing_for_the_last_place_get_one_place_between_them()
    {
        var workshop = await PublishedAsync(AWorkshop(capacity: 1));
        using var first = host.Services.CreateScope();
        using var second = host.Services.CreateScope();

        var outcomes = await Task.WhenAll(
            Task.Run(() => Calendar(first).RegisterAsync(workshop.Id, Guid.NewGuid(), Ct), Ct),
            Task.Run(() => Calendar(second).RegisterAsync(workshop.Id, Guid.NewGuid(), Ct), Ct));

        Assert.All(outcomes, o => Assert.NotNull(o.Event));
        Assert.Single(outcomes, o => !o.Waiting);
        Assert.Single(outcomes, o => o.Waiting && o.Position == 1);
        await using var db = host.Services.CreateScope().ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        Assert.Equal(1, await db.EventRegistrations.CountAsync(r => r.EventId == workshop.Id && !r.Waiting, Ct));
        Assert.Equal(1, await db.EventRegistrations.CountAsync(r => r.EventId == workshop.Id && r.Waiting, Ct));
        Assert.Equal(1, (await db.Events.SingleAsync(e => e.Id == workshop.Id, Ct)).Registered);
    }

    [Fact]
    public async Task A_user_registers_once_and_a_cancelled_place_is_free_again()
    {
        var workshop = await PublishedAsync(AWorkshop(capacity: 1));
        var ana = Guid.NewGuid();
        using var scope = host.Services.CreateScope();
        var calendar = Calendar(scope);

        Assert.NotNull((await calendar.RegisterAsync(workshop.Id, ana, Ct)).Event);
        Assert.Equal(EventError.AlreadyRegistered, (await calendar.RegisterAsync(workshop.Id, ana, Ct)).Refused);
        Assert.NotNull((await calendar.UnregisterAsync(workshop.Id, ana, Ct)).Event);
        Assert.True((await calendar.UnregisterAsync(workshop.Id, ana, Ct)).NotFound);
        var next = await calendar.RegisterAsync(workshop.Id, Guid.NewGuid(), Ct);
        Assert.False(next.Waiting);
        Assert.Equal(1, next.Event!.Registered);
    }

    [Fact]
    public async Task A_full_event_keeps_a_waiting_list_served_in_order_when_places_free_up()
    {
        var workshop = await PublishedAsync(AWorkshop(capacity: 1));
        var (ana, bruno, carla) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var letters = new Letters();
        using var scope = host.Services.CreateScope();
        var calendar = new EventCalendar(scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>(), host.Clock, letters);

        Assert.False((await calendar.RegisterAsync(workshop.Id, ana, Ct)).Waiting);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await calendar.RegisterAsync(workshop.Id, bruno, Ct);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await calendar.RegisterAsync(workshop.Id, carla, Ct);
        Assert.Equal((true, 1, true, 2), (second.Waiting, second.Position, third.Waiting, third.Position));
        Assert.Equal(2, await calendar.WaitingCountAsync(workshop.Id, Ct));

        var freed = await calendar.UnregisterAsync(workshop.Id, ana, Ct);

        Assert.Equal(1, freed.Event!.Registered);
        Assert.Equal((false, 0), await calendar.RegistrationOfAsync(workshop.Id, bruno, Ct));
        Assert.Equal((true, 1), await calendar.RegistrationOfAsync(workshop.Id, carla, Ct));
        Assert.Equal([(workshop.Id, bruno)], letters.Sent);

        // Leaving the waiting list frees no place; more places take the next in line.
        Assert.NotNull((await calendar.UnregisterAsync(workshop.Id, carla, Ct)).Event);
        Assert.Equal(1, (await calendar.FindAsync(workshop.Id, withDrafts: false, Ct))!.Registered);
        var dan = Guid.NewGuid();
        Assert.True((await calendar.RegisterAsync(workshop.Id, dan, Ct)).Waiting);
        var grown = await calendar.UpdateAsync(workshop.Id, AWorkshop(capacity: 3), Ct);
        Assert.Equal(2, grown.Event!.Registered);
        Assert.Equal((false, 0), await calendar.RegistrationOfAsync(workshop.Id, dan, Ct));
        Assert.Equal([(workshop.Id, bruno), (workshop.Id, dan)], letters.Sent);
    }

    [Fact]
    public async Task A_proposal_is_seen_by_its_author_and_the_secretariat_until_published_or_declined()
    {
        using var scope = host.Services.CreateScope();
        var calendar = Calendar(scope);
        var author = Guid.NewGuid();

        var proposed = await calendar.ProposeAsync(AWorkshop(), author, Ct);
        var other = await calendar.ProposeAsync(AWorkshop() with { Title = "Otra propuesta" }, author, Ct);
        var id = proposed.Event!.Id;

        Assert.Equal((EventStatus.Proposed, author), (proposed.Event.Status, proposed.Event.ProposedById));
        Assert.Null(await calendar.FindAsync(id, withDrafts: false, Ct));
        Assert.Null(await calendar.FindAsync(id, withDrafts: false, Guid.NewGuid(), Ct));
        Assert.NotNull(await calendar.FindAsync(id, withDrafts: false, author, Ct));
        Assert.Empty((await calendar.ListAsync(withDrafts: false, Ct)).Upcoming);
        Assert.Equal(2, (await calendar.ListAsync(withDrafts: true, Ct)).Upcoming.Count);
        Assert.Equal(EventError.IllegalTransition, (await calendar.MoveAsync(id, publish: false, Ct)).Refused);
        Assert.True((await calendar.RegisterAsync(id, Guid.NewGuid(), Ct)).NotFound);

        Assert.Equal(EventStatus.Published, (await calendar.MoveAsync(id, publish: true, Ct)).Event!.Status);
        Assert.Equal(EventStatus.Declined, (await calendar.DeclineAsync(other.Event!.Id, Ct)).Event!.Status);
        Assert.Equal(EventError.NotProposed, (await calendar.DeclineAsync(id, Ct)).Refused);

        Assert.Equal([id], (await calendar.ListAsync(withDrafts: false, Ct)).Upcoming.Select(e => e.Id));
        Assert.Equal([EventStatus.Published, EventStatus.Declined], (await calendar.ProposedByAsync(author, Ct)).Select(e => e.Status).Order());
        Assert.Null(await calendar.FindAsync(other.Event.Id, withDrafts: false, Ct));
    }

    private sealed class Letters : IEventLetters
    {
        public List<(Guid Event, Guid User)> Sent { get; } = [];

        public Task PlaceFreedAsync(Event item, Guid userId, CancellationToken ct)
        {
            Sent.Add((item.Id, userId));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Start_and_end_are_stored_in_utc_from_the_local_time_of_the_zone_on_both_sides_of_daylight_saving()
    {
        var before = await PublishedAsync(AWorkshop(zone: "America/Santiago", start: new DateTime(2026, 4, 1, 10, 0, 0)));
        var after = await PublishedAsync(AWorkshop(zone: "America/Santiago", start: new DateTime(2026, 4, 8, 10, 0, 0)));

        using var scope = host.Services.CreateScope();
        var stored = await Calendar(scope).FindAsync(before.Id, withDrafts: false, Ct);
        var later = await Calendar(scope).FindAsync(after.Id, withDrafts: false, Ct);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 13, 0, 0, TimeSpan.Zero), stored!.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 14, 0, 0, TimeSpan.Zero), later!.StartsAt);
        Assert.Equal(10, stored.LocalStart.Hour);
        Assert.Equal(10, later.LocalStart.Hour);
    }

    [Fact]
    public void The_icalendar_file_has_crlf_lines_of_at_most_75_octets_escaped_text_and_utc_times()
    {
        var workshop = new Event
        {
            Id = new Guid("01930f6e-5c3a-7c1e-9a53-6f0e2d4b8a11"),
            Kind = EventKind.Seminar,
            Title = "Seminario: agua, saneamiento; y \\ comunidades",
            Description = "Primera línea\nSegunda línea con acentos: ñandú, acción, coração, élève — " + new string('é', 60),
            Venue = "Centro",
            City = "Bogotá",
            CountryCode = "CO",
            TimeZoneId = "America/Bogota",
            StartsAt = new DateTimeOffset(2026, 4, 14, 14, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2026, 4, 14, 22, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var text = EventCalendarFile.Write([workshop], new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), "cooperanet.example", _ => "https://cooperanet.example/en/events/x");

        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        var lines = text.Split("\r\n")[..^1];
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n");
        Assert.Contains("UID:01930f6e-5c3a-7c1e-9a53-6f0e2d4b8a11@cooperanet.example", unfolded);
        Assert.Contains("DTSTAMP:20260302T083000Z", unfolded);
        Assert.Contains("DTSTART;TZID=America/Bogota:20260414T090000", unfolded);
        Assert.Contains("DTEND;TZID=America/Bogota:20260414T170000", unfolded);
        var zone = unfolded.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "BEGIN:VEVENT").ToList();
        Assert.Equal(
            ["BEGIN:VTIMEZONE", "TZID:America/Bogota", "BEGIN:STANDARD", "DTSTART:20260101T000000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0500", "END:STANDARD", "END:VTIMEZONE"],
            zone);
        Assert.Contains("SUMMARY:Seminario: agua\\, saneamiento\\; y \\\\ comunidades", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith("DESCRIPTION:Primera línea\\nSegunda línea con acentos: ñandú\\, acción", StringComparison.Ordinal) && l.EndsWith(new string('é', 60), StringComparison.Ordinal));
        Assert.Contains("LOCATION:Centro\\, Bogotá\\, CO", unfolded);
        Assert.Contains("STATUS:CONFIRMED", unfolded);
        Assert.True(lines.Length > unfolded.Length - 1, "the long description is folded");
    }

    [Fact]
    public async Task The_feed_of_published_and_cancelled_events_reads_back_in_an_icalendar_parser()
    {
        var workshop = await PublishedAsync(AWorkshop() with { Title = "Taller: agua, saneamiento; y \\ comunidades", Description = "Línea uno\nLínea dos, con ñ y ç — " + new string('ã', 80) });
        var online = await PublishedAsync(AWorkshop() with { OnlineUrl = "https://meet.example.org/agua", Capacity = null });
        using var scope = host.Services.CreateScope();
        Assert.NotNull((await Calendar(scope).MoveAsync(online.Id, publish: false, Ct)).Event);
        var feed = await Calendar(scope).FeedAsync(Ct);

        var parsed = Ical.Net.Calendar.Load(EventCalendarFile.Write(feed, host.Clock.GetUtcNow(), "cooperanet.example", e => $"https://cooperanet.example/en/events/{e.Id}"))!;

        Assert.Equal(2, parsed.Events.Count);
        var first = parsed.Events.Single(e => e.Uid == $"{workshop.Id:D}@cooperanet.example");
        Assert.Equal("Taller: agua, saneamiento; y \\ comunidades", first.Summary);
        Assert.Equal("Línea uno\nLínea dos, con ñ y ç — " + new string('ã', 80), first.Description);
        Assert.Equal("Centro de convenciones, Bogotá, CO", first.Location);
        Assert.Equal(new DateTime(2026, 4, 14, 14, 0, 0, DateTimeKind.Utc), first.DtStart!.AsUtc);
        Assert.Equal("America/Bogota", first.DtStart.TzId);
        Assert.Equal(["America/Bogota"], parsed.TimeZones.Select(z => z.TzId));
        Assert.Equal(new DateTime(2026, 4, 14, 22, 0, 0, DateTimeKind.Utc), first.DtEnd!.AsUtc);
        Assert.Equal("CONFIRMED", first.Status);
        var second = parsed.Events.Single(e => e.Uid == $"{online.Id:D}@cooperanet.example");
        Assert.Equal("CANCELLED", second.Status);
        Assert.Equal(new Uri("https://meet.example.org/agua"), second.Url);
    }

    [Fact]
    public void A_zone_with_daylight_saving_time_gets_each_change_of_offset_in_its_local_time()
    {
        var observances = EventCalendarFile.Observances("America/New_York", 2026, 2027);

        Assert.Equal(
            [
                ("2026-01-01T05:00:00+00:00", "-05:00", "-05:00", false),
                ("2026-03-08T07:00:00+00:00", "-05:00", "-04:00", true),
                ("2026-11-01T06:00:00+00:00", "-04:00", "-05:00", false),
                ("2027-03-14T07:00:00+00:00", "-05:00", "-04:00", true),
                ("2027-11-07T06:00:00+00:00", "-04:00", "-05:00", false),
            ],
            observances.Select(o => (o.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), Sign(o.From), Sign(o.To), o.Daylight)));
        var meeting = new Event
        {
            Id = Guid.NewGuid(),
            Title = "Reunión en Washington",
            Venue = "OEA",
            City = "Washington",
            CountryCode = "US",
            TimeZoneId = "America/New_York",
            StartsAt = new DateTimeOffset(2026, 7, 1, 13, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero),
        };
        var unfolded = EventCalendarFile.Write([meeting], meeting.StartsAt, "cooperanet.example", _ => "https://cooperanet.example/en/events/x").Split("\r\n");
        Assert.Contains("DTSTART;TZID=America/New_York:20260701T090000", unfolded);
        Assert.Contains("DTEND;TZID=America/New_York:20261102T100000", unfolded);
        Assert.Equal(["DTSTART:20260308T020000", "DTSTART:20261101T020000"], unfolded.Where(l => l.StartsWith("DTSTART:2026", StringComparison.Ordinal)).Skip(1));
        var parsed = Ical.Net.Calendar.Load(string.Join("\r\n", unfolded))!;
        Assert.Equal(new DateTime(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc), parsed.Events.Single().DtEnd!.AsUtc);

        static string Sign(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Invalid_input_is_refused_by_field_and_nothing_is_saved()
    {
        using var scope = host.Services.CreateScope();
        var outcome = await Calendar(scope).CreateAsync(AWorkshop() with { Kind = "party", TimeZone = "Eastern Standard Time", City = "", End = new DateTime(2026, 4, 13), Capacity = 0 }, Ct);

        Assert.Equal(["kind", "city", "timeZone", "end", "capacity"], outcome.Errors.Select(e => e.Field));
        await using var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        Assert.False(await db.Events.AnyAsync(Ct));
    }
}
