using CooperaNet.Domain.WorkPlans;

namespace CooperaNet.Domain.Tests.WorkPlans;

public sealed class DiscussionTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Secretariat = Guid.NewGuid();

    private static ActionProposal AProposal() =>
        ActionProposal.Make(5, "Sesiones virtuales para los Estados sin entradas", Member, "Ana", Now).Proposal!;

    [Fact]
    public void A_proposal_starts_open_with_its_author()
    {
        var proposal = AProposal();

        Assert.Equal(ProposalStatus.Open, proposal.Status);
        Assert.Equal("Ana", proposal.AuthorName);
        Assert.Equal(Member, proposal.AuthorId);
        Assert.Null(proposal.DecidedAt);
    }

    [Fact]
    public void The_secretariat_accepts_a_proposal_with_a_reason()
    {
        var proposal = AProposal();

        Assert.Null(proposal.Accept("  Fits the campaign.  ", Secretariat, "Sec", Now.AddDays(1)));

        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Equal("Fits the campaign.", proposal.Reason);
        Assert.Equal(Secretariat, proposal.DecidedById);
        Assert.Equal(Now.AddDays(1), proposal.DecidedAt);
    }

    [Fact]
    public void Declining_without_a_reason_is_refused_and_leaves_the_proposal_open()
    {
        var proposal = AProposal();

        Assert.Equal(WorkPlanError.ReasonRequired, proposal.Decline("   ", Secretariat, "Sec", Now));
        Assert.Equal(ProposalStatus.Open, proposal.Status);
    }

    [Fact]
    public void A_decided_proposal_cannot_be_decided_again()
    {
        var proposal = AProposal();
        Assert.Null(proposal.Decline("Out of scope.", Secretariat, "Sec", Now));

        Assert.Equal(WorkPlanError.AlreadyDecided, proposal.Accept("Changed my mind.", Secretariat, "Sec", Now));
        Assert.Equal(ProposalStatus.Declined, proposal.Status);
        Assert.Equal("Out of scope.", proposal.Reason);
    }

    [Fact]
    public void An_empty_or_too_long_text_is_neither_a_comment_nor_a_proposal()
    {
        Assert.Equal(WorkPlanError.TextRequired, ActionComment.Write(1, " ", Member, "Ana", Now).Error);
        Assert.Equal(WorkPlanError.TextTooLong, ActionComment.Write(1, new string('a', ActionComment.TextMax + 1), Member, "Ana", Now).Error);
        Assert.Equal(WorkPlanError.TextRequired, ActionProposal.Make(1, null, Member, "Ana", Now).Error);
    }
}
