using CooperaNet.Domain.Experts;

namespace CooperaNet.Domain.Tests.Experts;

public sealed class ExpertAssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2026, 6, 1);
    private static readonly DateOnly End = new(2026, 6, 30);

    private readonly ExpertProfile expert = InRoster();

    private static ExpertProfile InRoster()
    {
        var profile = new ExpertProfile { Id = Guid.NewGuid(), FullName = "Lucía Fernández", Nationality = "UY" };
        profile.JoinRoster(Now.AddDays(-10));
        return profile;
    }

    private ExpertAssignment AProposal() =>
        ExpertAssignment.Propose(Guid.NewGuid(), expert, Guid.NewGuid(), null, "pe", " Ingeniera de agua ", Start, End, "sec@oas.org", Now).Assignment!;

    private ExpertAssignment ACompletedMission()
    {
        var assignment = AProposal();
        Assert.Null(assignment.Accept(Now));
        Assert.Null(assignment.Complete(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)));
        return assignment;
    }

    [Fact]
    public void An_expert_of_the_roster_is_proposed_for_a_demand_with_a_role_and_dates()
    {
        var demand = Guid.NewGuid();

        var (assignment, error) = ExpertAssignment.Propose(Guid.NewGuid(), expert, demand, null, "pe", " Ingeniera de agua ", Start, End, "sec@oas.org", Now);

        Assert.Null(error);
        Assert.Equal((expert.Id, demand, (Guid?)null, "PE", "Ingeniera de agua", AssignmentStatus.Proposed),
            (assignment!.ExpertId, assignment.DemandId, assignment.InitiativeId, assignment.ReceivingState, assignment.Role, assignment.Status));
        Assert.Equal((Start, End, "sec@oas.org", Now), (assignment.StartsOn, assignment.EndsOn, assignment.ProposedBy, assignment.ProposedAt));
    }

    [Fact]
    public void An_assignment_is_to_a_demand_or_an_initiative_but_not_both_nor_neither()
    {
        Assert.Null(ExpertAssignment.Propose(Guid.NewGuid(), expert, null, Guid.NewGuid(), "PE", "Formadora", Start, End, "sec@oas.org", Now).Error);
        Assert.Equal(ExpertError.OneTarget, ExpertAssignment.Propose(Guid.NewGuid(), expert, Guid.NewGuid(), Guid.NewGuid(), "PE", "Formadora", Start, End, "sec@oas.org", Now).Error);
        Assert.Equal(ExpertError.OneTarget, ExpertAssignment.Propose(Guid.NewGuid(), expert, null, null, "PE", "Formadora", Start, End, "sec@oas.org", Now).Error);
    }

    [Fact]
    public void Only_roster_experts_with_a_role_and_ordered_dates_are_proposed()
    {
        var applicant = new ExpertProfile { Id = Guid.NewGuid(), FullName = "Sin aprobar", Nationality = "PE" };

        Assert.Equal(ExpertError.NotInRoster, ExpertAssignment.Propose(Guid.NewGuid(), applicant, Guid.NewGuid(), null, "PE", "Formadora", Start, End, "sec@oas.org", Now).Error);
        Assert.Equal(ExpertError.Required("role"), ExpertAssignment.Propose(Guid.NewGuid(), expert, Guid.NewGuid(), null, "PE", " ", Start, End, "sec@oas.org", Now).Error);
        Assert.Equal(ExpertError.DatesOrder, ExpertAssignment.Propose(Guid.NewGuid(), expert, Guid.NewGuid(), null, "PE", "Formadora", End, Start, "sec@oas.org", Now).Error);
        Assert.Null(ExpertAssignment.Propose(Guid.NewGuid(), expert, Guid.NewGuid(), null, "PE", "Un día", Start, Start, "sec@oas.org", Now).Error);
    }

    [Fact]
    public void The_expert_accepts_a_proposal_once()
    {
        var assignment = AProposal();

        Assert.Null(assignment.Accept(Now.AddHours(2)));

        Assert.Equal((AssignmentStatus.Accepted, Now.AddHours(2)), (assignment.Status, assignment.AnsweredAt));
        Assert.Equal(ExpertError.IllegalTransition, assignment.Accept(Now.AddHours(3)));
        Assert.Equal(ExpertError.IllegalTransition, assignment.Decline("Ya no puedo", Now.AddHours(3)));
        Assert.Equal(AssignmentStatus.Accepted, assignment.Status);
    }

    [Fact]
    public void The_expert_declines_a_proposal_with_a_reason_and_a_declined_one_moves_no_more()
    {
        var assignment = AProposal();
        Assert.Equal(ExpertError.Required("reason"), assignment.Decline(" ", Now));
        Assert.Equal(AssignmentStatus.Proposed, assignment.Status);

        Assert.Null(assignment.Decline(" Otra misión en junio ", Now.AddHours(1)));

        Assert.Equal((AssignmentStatus.Declined, "Otra misión en junio", Now.AddHours(1)), (assignment.Status, assignment.DeclineReason, assignment.AnsweredAt));
        Assert.Equal(ExpertError.IllegalTransition, assignment.Accept(Now));
        Assert.Equal(ExpertError.IllegalTransition, assignment.Complete(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Only_an_accepted_mission_that_has_started_is_completed()
    {
        var proposed = AProposal();
        Assert.Equal(ExpertError.IllegalTransition, proposed.Complete(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));

        var accepted = AProposal();
        Assert.Null(accepted.Accept(Now));
        Assert.Equal(ExpertError.NotStarted, accepted.Complete(new DateTimeOffset(2026, 5, 31, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(AssignmentStatus.Accepted, accepted.Status);

        var day = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Null(accepted.Complete(day));
        Assert.Equal((AssignmentStatus.Completed, day), (accepted.Status, accepted.CompletedAt));
        Assert.Equal(ExpertError.IllegalTransition, accepted.Complete(day));
    }

    [Fact]
    public void The_receiving_state_evaluates_a_completed_mission_once_with_a_score_and_a_comment()
    {
        var assignment = ACompletedMission();
        var at = new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.Zero);

        Assert.Null(assignment.Evaluate(4, " Muy buen trabajo con las comunidades. ", "ana@apc.gov.co", at));

        Assert.Equal((4, "Muy buen trabajo con las comunidades.", "ana@apc.gov.co", at),
            (assignment.EvaluationScore, assignment.EvaluationComment, assignment.EvaluatedBy, assignment.EvaluatedAt));
        Assert.Equal(ExpertError.AlreadyEvaluated, assignment.Evaluate(5, "Mejor aún", "ana@apc.gov.co", at));
        Assert.Equal(4, assignment.EvaluationScore);
    }

    [Theory]
    [InlineData(0, "Bien", "expert.score-range")]
    [InlineData(6, "Bien", "expert.score-range")]
    [InlineData(3, " ", "expert.required")]
    public void An_evaluation_is_1_to_5_with_a_comment(int score, string comment, string code)
    {
        var assignment = ACompletedMission();

        Assert.Equal(code, assignment.Evaluate(score, comment, "ana@apc.gov.co", Now)!.Code);
        Assert.Null(assignment.EvaluationScore);
    }

    [Fact]
    public void A_mission_not_completed_is_not_evaluated()
    {
        var proposed = AProposal();
        var accepted = AProposal();
        Assert.Null(accepted.Accept(Now));

        Assert.Equal(ExpertError.IllegalTransition, proposed.Evaluate(5, "Bien", "ana@apc.gov.co", Now));
        Assert.Equal(ExpertError.IllegalTransition, accepted.Evaluate(5, "Bien", "ana@apc.gov.co", Now));
    }
}
