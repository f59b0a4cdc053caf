using CooperaNet.Domain.Events;

namespace CooperaNet.Domain.Tests.Events;

public sealed class EventTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Event AWorkshop(int? capacity = 2) => new()
    {
        Id = Guid.CreateVersion7(Monday),
        Kind = EventKind.Workshop,
        Title = "Taller de gestión de agua",
        TimeZoneId = "America/Bogota",
        StartsAt = Monday.AddDays(10),
        EndsAt = Monday.AddDays(10).AddHours(3),
        Capacity = capacity,
        CreatedAt = Monday,
    };

    [Fact]
    public void A_draft_is_published_then_cancelled_and_stays_public_as_cancelled()
    {
        var workshop = AWorkshop();
        Assert.False(workshop.IsPublic);

        Assert.Null(workshop.Publish(Monday));
        Assert.Equal(EventStatus.Published, workshop.Status);
        Assert.Equal(Monday, workshop.PublishedAt);
        Assert.Null(workshop.Cancel(Monday.AddDays(1)));

        Assert.Equal(EventStatus.Cancelled, workshop.Status);
        Assert.True(workshop.IsPublic);
        Assert.Equal(Monday.AddDays(1), workshop.CancelledAt);
    }

    [Fact]
    public void A_published_or_cancelled_event_cannot_be_published_again_nor_cancelled_twice()
    {
        var workshop = AWorkshop();
        Assert.Null(workshop.Publish(Monday));
        Assert.Equal(EventError.IllegalTransition, workshop.Publish(Monday));
        Assert.Null(workshop.Cancel(Monday));
        Assert.Equal(EventError.IllegalTransition, workshop.Cancel(Monday));
        Assert.Equal(EventError.IllegalTransition, workshop.Publish(Monday));
        Assert.Equal(EventStatus.Cancelled, workshop.Status);
    }

    [Fact]
    public void Registration_is_open_only_while_published_not_started_and_not_full()
    {
        var workshop = AWorkshop(capacity: 2);
        Assert.Equal(EventError.NotOpen, workshop.RefuseRegistration(Monday, 0));
        Assert.Null(workshop.Publish(Monday));

        Assert.Null(workshop.RefuseRegistration(Monday, 1));
        Assert.Equal(EventError.Full, workshop.RefuseRegistration(Monday, 2));
        Assert.Equal(EventError.NotOpen, workshop.RefuseRegistration(workshop.StartsAt, 0));
        Assert.Equal(EventError.NotOpen, AWorkshop(capacity: null).RefuseRegistration(Monday, 0));
        Assert.Null(workshop.Cancel(Monday));
        Assert.Equal(EventError.NotOpen, workshop.RefuseRegistration(Monday, 0));
    }

    [Fact]
    public void Local_times_follow_the_events_zone_across_daylight_saving()
    {
        var zone = EventValidation.Zone("America/New_York")!;

        var winter = EventValidation.ToUtc(new DateTime(2026, 3, 7, 10, 0, 0), zone);
        var summer = EventValidation.ToUtc(new DateTime(2026, 3, 9, 10, 0, 0), zone);

        Assert.Equal(new DateTimeOffset(2026, 3, 7, 15, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero), summer);
        var workshop = AWorkshop();
        workshop.TimeZoneId = zone.Id;
        workshop.StartsAt = summer;
        Assert.Equal(new DateTime(2026, 3, 9, 10, 0, 0), workshop.LocalStart.DateTime);
        Assert.Equal(TimeSpan.FromHours(-4), workshop.LocalStart.Offset);
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_jump_moves_to_the_first_valid_one()
    {
        var zone = EventValidation.Zone("America/New_York")!;

        var skipped = EventValidation.ToUtc(new DateTime(2026, 3, 8, 2, 30, 0), zone);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), skipped);
    }

    [Theory]
    [InlineData("America/Bogota", true)]
    [InlineData("America/Sao_Paulo", true)]
    [InlineData("UTC", true)]
    [InlineData("Eastern Standard Time", false)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_IANA_time_zones_are_accepted(string? id, bool valid) =>
        Assert.Equal(valid, EventValidation.Zone(id) is not null);
}
