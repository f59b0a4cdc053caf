using CooperaNet.Domain.Experts;

namespace CooperaNet.Domain.Tests.Experts;

public sealed class CallApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReviewScores Good = new(5, 4, 4, 3);

    private readonly ExpertProfile expert = new() { Id = Guid.NewGuid(), FullName = "Lucía Fernández", Nationality = "UY" };

    private CallApplication AnApplication(ApplicationStatus reaching = ApplicationStatus.Received)
    {
        var application = ExpertCallTests.APublishedCall().Apply(Guid.NewGuid(), expert.Id, "Diseñé sistemas de agua potable.", Now).Application!;
        if (reaching >= ApplicationStatus.Shortlisted)
        {
            Assert.Null(application.Shortlist(Now));
        }

        if (reaching >= ApplicationStatus.Interviewed)
        {
            Assert.Null(application.RecordInterview(Now));
        }

        return application;
    }

    [Fact]
    public void Received_then_shortlisted_then_interviewed_then_approved_puts_the_expert_in_the_roster()
    {
        var application = AnApplication();

        Assert.Null(application.Shortlist(Now.AddDays(1)));
        Assert.Equal(ApplicationStatus.Shortlisted, application.Status);
        Assert.Null(application.RecordInterview(Now.AddDays(2)));
        Assert.Equal(ApplicationStatus.Interviewed, application.Status);
        Assert.False(expert.IsInRoster);

        Assert.Null(application.Approve(expert, "sec@oas.org", Now.AddDays(3)));

        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal((Now.AddDays(3), "sec@oas.org"), (application.DecidedAt, application.DecidedBy));
        Assert.Equal(Now.AddDays(3), expert.InRosterSince);
        Assert.Equal(Now.AddDays(3), expert.UpdatedAt);
        Assert.True(application.IsDecided);
    }

    [Theory]
    [InlineData(ApplicationStatus.Received)]
    [InlineData(ApplicationStatus.Shortlisted)]
    public void Approval_before_the_interview_is_refused_and_leaves_the_expert_out_of_the_roster(ApplicationStatus status)
    {
        var application = AnApplication(status);

        Assert.Equal(ExpertError.IllegalTransition, application.Approve(expert, "sec@oas.org", Now));

        Assert.Equal(status, application.Status);
        Assert.False(expert.IsInRoster);
        Assert.Null(application.DecidedAt);
    }

    [Fact]
    public void Steps_are_not_skipped_nor_repeated()
    {
        var received = AnApplication();
        var shortlisted = AnApplication(ApplicationStatus.Shortlisted);
        var interviewed = AnApplication(ApplicationStatus.Interviewed);

        Assert.Equal(ExpertError.IllegalTransition, received.RecordInterview(Now));
        Assert.Equal(ExpertError.IllegalTransition, shortlisted.Shortlist(Now));
        Assert.Equal(ExpertError.IllegalTransition, interviewed.Shortlist(Now));
        Assert.Equal(ExpertError.IllegalTransition, interviewed.RecordInterview(Now));
        Assert.Equal((ApplicationStatus.Received, ApplicationStatus.Shortlisted, ApplicationStatus.Interviewed), (received.Status, shortlisted.Status, interviewed.Status));
    }

    [Fact]
    public void Approving_with_another_experts_profile_is_refused()
    {
        var application = AnApplication(ApplicationStatus.Interviewed);
        var other = new ExpertProfile { Id = Guid.NewGuid(), FullName = "Otro", Nationality = "PE" };

        Assert.Equal(ExpertError.WrongExpert, application.Approve(other, "sec@oas.org", Now));

        Assert.Equal(ApplicationStatus.Interviewed, application.Status);
        Assert.False(other.IsInRoster);
    }

    [Theory]
    [InlineData(ApplicationStatus.Received)]
    [InlineData(ApplicationStatus.Shortlisted)]
    [InlineData(ApplicationStatus.Interviewed)]
    public void Any_stage_before_the_decision_can_be_rejected_with_a_reason(ApplicationStatus status)
    {
        var application = AnApplication(status);

        Assert.Null(application.Reject("  Sin experiencia en zonas rurales.  ", "sec@oas.org", Now.AddDays(1)));

        Assert.Equal((ApplicationStatus.Rejected, "Sin experiencia en zonas rurales.", Now.AddDays(1), "sec@oas.org"),
            (application.Status, application.RejectionReason, application.DecidedAt, application.DecidedBy));
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var application = AnApplication();

        Assert.Equal(ExpertError.Required("reason"), application.Reject(" ", "sec@oas.org", Now));
        Assert.Equal(ExpertError.TooLong("reason"), application.Reject(new string('r', CallApplication.ReasonMax + 1), "sec@oas.org", Now));
        Assert.Equal(ApplicationStatus.Received, application.Status);
    }

    [Fact]
    public void A_decided_application_moves_no_more()
    {
        var approved = AnApplication(ApplicationStatus.Interviewed);
        Assert.Null(approved.Approve(expert, "sec@oas.org", Now));
        var rejected = AnApplication();
        Assert.Null(rejected.Reject("No", "sec@oas.org", Now));

        Assert.Equal(ExpertError.IllegalTransition, approved.Reject("Cambio de idea", "sec@oas.org", Now));
        Assert.Equal(ExpertError.IllegalTransition, approved.Approve(expert, "sec@oas.org", Now));
        Assert.Equal(ExpertError.IllegalTransition, rejected.Shortlist(Now));
        Assert.Equal(ExpertError.IllegalTransition, rejected.Reject("Otra vez", "sec@oas.org", Now));
        Assert.Equal(ExpertError.IllegalTransition, rejected.Approve(expert, "sec@oas.org", Now));
        Assert.Equal(ApplicationStatus.Approved, approved.Status);
        Assert.Equal("No", rejected.RejectionReason);
    }

    [Fact]
    public void Evaluators_score_the_four_criteria_and_the_mean_leaves_out_declared_conflicts()
    {
        var application = AnApplication(ApplicationStatus.Shortlisted);

        Assert.Null(application.Review(Guid.NewGuid(), "ana@oas.org", Good, "Sólida", Now));
        Assert.Null(application.Review(Guid.NewGuid(), "luis@oas.org", new ReviewScores(3, 3, 3, 3), null, Now));
        Assert.Null(application.DeclareConflict(Guid.NewGuid(), "marta@oas.org", "Trabajamos juntas en 2024.", Now));

        Assert.Equal(3, application.Reviews.Count);
        var conflict = application.Reviews.Single(r => r.ConflictOfInterest);
        Assert.Null(conflict.Scores);
        Assert.Equal("Trabajamos juntas en 2024.", conflict.Note);
        Assert.Equal(Good, application.Reviews.Single(r => r.Evaluator == "ana@oas.org").Scores);
        Assert.Equal((4.0 + 3.0) / 2, application.MeanScore);
    }

    [Fact]
    public void One_review_per_evaluator_and_a_conflict_after_scoring_is_refused_too()
    {
        var application = AnApplication();
        Assert.Null(application.Review(Guid.NewGuid(), "ana@oas.org", Good, null, Now));

        Assert.Equal(ExpertError.AlreadyReviewed, application.Review(Guid.NewGuid(), "ANA@oas.org", Good, null, Now));
        Assert.Equal(ExpertError.AlreadyReviewed, application.DeclareConflict(Guid.NewGuid(), "ana@oas.org", "Conflicto", Now));
        Assert.Single(application.Reviews);
    }

    [Theory]
    [InlineData(0, 3, 3, 3, "expertiseFit")]
    [InlineData(3, 6, 3, 3, "experience")]
    [InlineData(3, 3, -1, 3, "languages")]
    [InlineData(3, 3, 3, 9, "availability")]
    public void Every_score_is_from_1_to_5(int fit, int experience, int languages, int availability, string field)
    {
        var application = AnApplication();

        Assert.Equal(ExpertError.ScoreRange(field), application.Review(Guid.NewGuid(), "ana@oas.org", new ReviewScores(fit, experience, languages, availability), null, Now));
        Assert.Empty(application.Reviews);
        Assert.Null(application.MeanScore);
    }

    [Fact]
    public void A_conflict_needs_a_note_and_a_decided_application_takes_no_review()
    {
        var application = AnApplication();
        Assert.Equal(ExpertError.Required("note"), application.DeclareConflict(Guid.NewGuid(), "ana@oas.org", " ", Now));
        Assert.Equal(ExpertError.Required("evaluator"), application.Review(Guid.NewGuid(), " ", Good, null, Now));

        Assert.Null(application.Reject("No encaja", "sec@oas.org", Now));
        Assert.Equal(ExpertError.IllegalTransition, application.Review(Guid.NewGuid(), "ana@oas.org", Good, null, Now));
        Assert.Equal(ExpertError.IllegalTransition, application.DeclareConflict(Guid.NewGuid(), "luis@oas.org", "Conflicto", Now));
        Assert.Empty(application.Reviews);
    }
}
