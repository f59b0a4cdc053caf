using CooperaNet.Domain.Crossing;

namespace CooperaNet.Domain.Tests.Crossing;

public sealed class InitiativeTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private const ParticipantRole Offerer = ParticipantRole.Offerer;
    private const ParticipantRole Receiver = ParticipantRole.Receiver;
    private const ParticipantRole First = ParticipantRole.FirstOfferer;
    private const ParticipantRole Second = ParticipantRole.SecondOfferer;

    private static InitiativeError? Check(CooperationModality modality, params (string State, ParticipantRole Role)[] participants) =>
        Initiative.Check("Agua potable rural", modality, participants, null, null);

    private static Initiative APlannedInitiative() => new()
    {
        Id = Guid.NewGuid(),
        Title = "Agua potable rural",
        Language = "es",
        Type = InitiativeType.Project,
        Modality = CooperationModality.Bilateral,
        CreatedAt = Now,
        Participants = [new() { StateCode = "MX", Role = Offerer }, new() { StateCode = "PE", Role = Receiver }],
    };

    [Fact]
    public void Bilateral_is_one_offerer_and_one_receiver()
    {
        Assert.Null(Check(CooperationModality.Bilateral, ("MX", Offerer), ("PE", Receiver)));

        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Bilateral, ("MX", Offerer), ("PE", Offerer)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Bilateral, ("MX", Offerer)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Bilateral, ("MX", Offerer), ("PE", Receiver), ("CL", Receiver)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Bilateral, ("MX", First), ("PE", Receiver)));
    }

    [Fact]
    public void Triangular_is_a_first_offerer_a_second_offerer_and_a_receiver()
    {
        Assert.Null(Check(CooperationModality.Triangular, ("CL", First), ("US", Second), ("HN", Receiver)));

        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Triangular, ("CL", First), ("HN", Receiver)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Triangular, ("CL", First), ("US", First), ("HN", Receiver)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Triangular, ("CL", Offerer), ("US", Second), ("HN", Receiver)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Triangular, ("CL", First), ("US", Second), ("HN", Receiver), ("GT", Receiver)));
    }

    [Fact]
    public void Regional_is_three_or_more_states_offering_or_receiving()
    {
        Assert.Null(Check(CooperationModality.Regional, ("BR", Offerer), ("AR", Receiver), ("UY", Receiver)));
        Assert.Null(Check(CooperationModality.Regional, ("BR", Offerer), ("AR", Offerer), ("UY", Receiver), ("PY", Receiver)));

        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Regional, ("BR", Offerer), ("AR", Receiver)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Regional, ("BR", Offerer), ("AR", Offerer), ("UY", Offerer)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Regional, ("BR", First), ("AR", Receiver), ("UY", Receiver)));
    }

    [Fact]
    public void A_state_plays_only_one_role()
    {
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Triangular, ("CL", First), ("CL", Second), ("HN", Receiver)));
        Assert.Equal(InitiativeError.Roles, Check(CooperationModality.Regional, ("BR", Offerer), ("BR", Receiver), ("UY", Receiver)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_initiative_needs_a_title(string title)
    {
        Assert.Equal(InitiativeError.Title, Initiative.Check(title, CooperationModality.Bilateral, [("MX", Offerer), ("PE", Receiver)], null, null));
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused()
    {
        var roles = new[] { ("MX", Offerer), ("PE", Receiver) };

        Assert.Null(Initiative.Check(new string('a', Initiative.TitleMax), CooperationModality.Bilateral, roles, null, null));
        Assert.Equal(InitiativeError.Title, Initiative.Check(new string('a', Initiative.TitleMax + 1), CooperationModality.Bilateral, roles, null, null));
    }

    [Fact]
    public void An_initiative_cannot_end_before_it_starts()
    {
        var roles = new[] { ("MX", Offerer), ("PE", Receiver) };
        var start = new DateOnly(2026, 6, 1);

        Assert.Equal(InitiativeError.Dates, Initiative.Check("Agua", CooperationModality.Bilateral, roles, start, start.AddDays(-1)));
        Assert.Null(Initiative.Check("Agua", CooperationModality.Bilateral, roles, start, start));
        Assert.Null(Initiative.Check("Agua", CooperationModality.Bilateral, roles, start, null));
    }

    [Fact]
    public void An_initiative_goes_from_planned_to_in_execution_to_completed()
    {
        var initiative = APlannedInitiative();
        Assert.Equal(InitiativeStatus.Planned, initiative.Status);

        Assert.Null(initiative.Start(Now.AddDays(10)));
        Assert.Equal(InitiativeStatus.InExecution, initiative.Status);
        Assert.Equal(Now.AddDays(10), initiative.StartedAt);

        Assert.Null(initiative.Complete(Now.AddDays(200)));
        Assert.Equal(InitiativeStatus.Completed, initiative.Status);
        Assert.Equal(Now.AddDays(200), initiative.CompletedAt);
    }

    [Fact]
    public void A_planned_initiative_cannot_be_completed_before_it_starts()
    {
        var initiative = APlannedInitiative();

        Assert.Equal(InitiativeError.Status, initiative.Complete(Now));

        Assert.Equal(InitiativeStatus.Planned, initiative.Status);
        Assert.Null(initiative.CompletedAt);
    }

    [Fact]
    public void A_started_or_completed_initiative_cannot_start_again()
    {
        var initiative = APlannedInitiative();
        initiative.Start(Now);

        Assert.Equal(InitiativeError.Status, initiative.Start(Now.AddDays(1)));
        initiative.Complete(Now.AddDays(2));
        Assert.Equal(InitiativeError.Status, initiative.Start(Now.AddDays(3)));
        Assert.Equal(InitiativeError.Status, initiative.Complete(Now.AddDays(3)));

        Assert.Equal(Now, initiative.StartedAt);
        Assert.Equal(Now.AddDays(2), initiative.CompletedAt);
        Assert.Equal(InitiativeStatus.Completed, initiative.Status);
    }
}
