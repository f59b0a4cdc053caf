using CooperaNet.Domain.Guidelines;

namespace CooperaNet.Domain.Tests.Guidelines;

public sealed class GuidelineTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static Guideline AGuideline()
    {
        var guideline = new Guideline { Id = Guid.NewGuid(), Slug = "relations", Purpose = LocalizedText.Of("p", "p", "p", "p"), CreatedAt = Monday };
        var first = guideline.NewVersion(null, Monday);
        first.Rewrite(LocalizedText.Of("Título", "Title", "Título", "Titre"), LocalizedText.Of("uno", "one", "um", "un"), Monday);
        return guideline;
    }

    private static void Publish(Guideline guideline, GuidelineVersion version)
    {
        Assert.Null(guideline.StartConsultation(version, Monday));
        Assert.Null(version.Approve(Guid.NewGuid(), "secretariat@example.org", Monday, "GT3, Washington", new DateOnly(2026, 3, 1), null));
        Assert.Null(guideline.Publish(version, Monday.AddDays(1)));
    }

    [Fact]
    public void A_version_goes_from_draft_through_consultation_and_approval_to_published()
    {
        var guideline = AGuideline();
        var version = guideline.Latest!;
        var by = Guid.NewGuid();

        Assert.Null(guideline.StartConsultation(version, Monday));
        Assert.Equal(GuidelineStatus.InConsultation, version.Status);
        Assert.Null(version.Approve(by, "secretaria@example.org", Monday.AddHours(1), "Reunión del GT3, Washington", new DateOnly(2026, 3, 1), "Por consenso"));
        Assert.Equal(GuidelineStatus.Approved, version.Status);
        Assert.Equal((by, "Reunión del GT3, Washington", new DateOnly(2026, 3, 1), "Por consenso"), (version.ApprovalRecordedById!.Value, version.ApprovalMeeting, version.ApprovalMeetingDate!.Value, version.ApprovalNote));
        Assert.Null(guideline.Publish(version, Monday.AddDays(1)));
        Assert.Equal(GuidelineStatus.Published, version.Status);
        Assert.True(version.IsPublic);
        Assert.Equal(Monday.AddDays(1), version.PublishedAt);
    }

    [Theory]
    [InlineData(GuidelineStatus.Draft, "approve")]
    [InlineData(GuidelineStatus.Draft, "publish")]
    [InlineData(GuidelineStatus.Draft, "return")]
    [InlineData(GuidelineStatus.InConsultation, "consult")]
    [InlineData(GuidelineStatus.InConsultation, "publish")]
    [InlineData(GuidelineStatus.Approved, "consult")]
    [InlineData(GuidelineStatus.Approved, "approve")]
    [InlineData(GuidelineStatus.Approved, "return")]
    [InlineData(GuidelineStatus.Published, "consult")]
    [InlineData(GuidelineStatus.Published, "approve")]
    [InlineData(GuidelineStatus.Published, "publish")]
    [InlineData(GuidelineStatus.Published, "return")]
    public void An_illegal_transition_is_refused_and_changes_nothing(GuidelineStatus from, string move)
    {
        var guideline = AGuideline();
        var version = guideline.Latest!;
        if (from != GuidelineStatus.Draft)
        {
            Assert.Null(guideline.StartConsultation(version, Monday));
        }

        if (from is GuidelineStatus.Approved or GuidelineStatus.Published)
        {
            Assert.Null(version.Approve(null, "s", Monday, "GT3", null, null));
        }

        if (from == GuidelineStatus.Published)
        {
            Assert.Null(guideline.Publish(version, Monday));
        }

        var error = move switch
        {
            "consult" => guideline.StartConsultation(version, Monday),
            "approve" => version.Approve(null, "s", Monday, "GT3", null, null),
            "publish" => guideline.Publish(version, Monday),
            _ => version.ReturnToDraft(Monday),
        };

        Assert.Equal(GuidelineError.IllegalTransition, error);
        Assert.Equal(from, version.Status);
    }

    [Fact]
    public void Only_one_version_is_in_consultation_at_a_time()
    {
        var guideline = AGuideline();
        var first = guideline.Latest!;
        Assert.Null(guideline.StartConsultation(first, Monday));
        var second = guideline.NewVersion(null, Monday);

        Assert.Equal(GuidelineError.ConsultationOpen, guideline.StartConsultation(second, Monday));
        Assert.Equal(GuidelineStatus.Draft, second.Status);
        Assert.Null(first.ReturnToDraft(Monday));
        Assert.Null(guideline.StartConsultation(second, Monday));
    }

    [Fact]
    public void A_new_version_copies_the_latest_and_publishing_it_supersedes_the_previous_one()
    {
        var guideline = AGuideline();
        var first = guideline.Latest!;
        Publish(guideline, first);

        var second = guideline.NewVersion(Guid.NewGuid(), Monday.AddDays(2));
        Assert.Equal(2, second.Number);
        Assert.Equal(GuidelineStatus.Draft, second.Status);
        Assert.Equal(("Title", "one"), (second.Title.En, second.Body.En));
        Assert.NotSame(first.Body, second.Body);
        Assert.Null(second.Rewrite(LocalizedText.Of("Título", "Title", "Título", "Titre"), LocalizedText.Of("dos", "two", "dois", "deux"), Monday.AddDays(2)));
        Assert.Equal("one", first.Body.En);

        Publish(guideline, second);

        Assert.Equal(GuidelineStatus.Superseded, first.Status);
        Assert.True(first.IsPublic);
        Assert.Same(second, guideline.Published);
    }

    [Fact]
    public void Only_a_draft_can_be_rewritten()
    {
        var guideline = AGuideline();
        var version = guideline.Latest!;
        Assert.Null(guideline.StartConsultation(version, Monday));

        Assert.Equal(GuidelineError.NotEditable, version.Rewrite(LocalizedText.Of("x", "x", "x", "x"), LocalizedText.Of("x", "x", "x", "x"), Monday));
        Assert.Equal("Title", version.Title.En);
    }

    [Fact]
    public void A_comment_is_addressed_once_withdrawn_once_and_restored_once()
    {
        var comment = new GuidelineComment { Id = Guid.NewGuid(), AuthorId = Guid.NewGuid(), AuthorName = "fp@example.org", Text = "Agregar plazos", CreatedAt = Monday };

        Assert.Null(comment.MarkAddressed(Guid.NewGuid(), Monday));
        Assert.Equal(GuidelineError.IllegalTransition, comment.MarkAddressed(Guid.NewGuid(), Monday));
        Assert.Null(comment.Withdraw(Monday));
        Assert.True(comment.IsWithdrawn);
        Assert.Equal(GuidelineError.Withdrawn, comment.Withdraw(Monday));
        Assert.Null(comment.Restore());
        Assert.False(comment.IsWithdrawn);
        Assert.Equal(GuidelineError.IllegalTransition, comment.Restore());
    }
}
