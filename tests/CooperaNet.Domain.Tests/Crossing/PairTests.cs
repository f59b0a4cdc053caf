using CooperaNet.Domain.Crossing;

namespace CooperaNet.Domain.Tests.Crossing;

public sealed class PairTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private static Pair APair() =>
        Pair.Propose(Guid.NewGuid(), Guid.NewGuid(), "MX", Guid.NewGuid(), "PE", 0.62, "[]", Now);

    [Fact]
    public void A_proposed_pair_is_a_current_suggestion_nobody_answered()
    {
        var pair = APair();

        Assert.Equal(PairStatus.Suggested, pair.Status);
        Assert.True(pair.IsOpen);
        Assert.True(pair.IsCurrent);
        Assert.True(pair.IsUnanswered);
        Assert.Equal(Now, pair.CreatedAt);
        Assert.Equal(Now, pair.ScoredAt);
        Assert.Equal("MX", pair.StateOf(PairSide.Offer));
        Assert.Equal("PE", pair.StateOf(PairSide.Demand));
    }

    [Fact]
    public void Interest_of_one_side_leaves_the_pair_waiting_on_the_other()
    {
        var pair = APair();

        Assert.Null(pair.ExpressInterest(PairSide.Demand, Now.AddHours(1)));

        Assert.Equal(PairStatus.Waiting, pair.Status);
        Assert.Equal(Interest.Interested, pair.DemandInterest);
        Assert.Equal(Now.AddHours(1), pair.DemandAnsweredAt);
        Assert.Equal(Interest.Pending, pair.OfferInterest);
        Assert.Null(pair.AgreedAt);
        Assert.False(pair.IsUnanswered);
        Assert.True(pair.IsOpen);
    }

    [Fact]
    public void Interest_of_both_sides_agrees_the_pair_when_the_second_answers()
    {
        var pair = APair();

        Assert.Null(pair.ExpressInterest(PairSide.Offer, Now.AddHours(1)));
        Assert.Null(pair.ExpressInterest(PairSide.Demand, Now.AddDays(2)));

        Assert.Equal(PairStatus.Agreed, pair.Status);
        Assert.Equal(Now.AddDays(2), pair.AgreedAt);
        Assert.Equal(Now.AddHours(1), pair.OfferAnsweredAt);
        Assert.False(pair.IsOpen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Declining_without_a_reason_is_refused_and_changes_nothing(string reason)
    {
        var pair = APair();

        Assert.Equal(PairError.ReasonRequired, pair.Decline(PairSide.Offer, reason, Now));

        Assert.Equal(PairStatus.Suggested, pair.Status);
        Assert.Null(pair.OfferAnsweredAt);
        Assert.Null(pair.DeclineReason);
    }

    [Fact]
    public void A_decline_reason_longer_than_the_limit_is_refused()
    {
        var pair = APair();

        Assert.Equal(PairError.ReasonTooLong, pair.Decline(PairSide.Demand, new string('x', Pair.ReasonMax + 1), Now));
        Assert.Equal(PairStatus.Suggested, pair.Status);
        Assert.Null(pair.Decline(PairSide.Demand, "  " + new string('x', Pair.ReasonMax) + "  ", Now));
        Assert.Equal(Pair.ReasonMax, pair.DeclineReason!.Length);
    }

    [Fact]
    public void A_decline_closes_the_pair_for_both_sides_with_the_trimmed_reason()
    {
        var pair = APair();
        Assert.Null(pair.ExpressInterest(PairSide.Offer, Now));

        Assert.Null(pair.Decline(PairSide.Demand, "  Ya tenemos un acuerdo con otro país. ", Now.AddDays(1)));

        Assert.Equal(PairStatus.Declined, pair.Status);
        Assert.Equal("Ya tenemos un acuerdo con otro país.", pair.DeclineReason);
        Assert.Equal(Now.AddDays(1), pair.DemandAnsweredAt);
        Assert.False(pair.IsOpen);
        Assert.Equal(PairError.Closed, pair.ExpressInterest(PairSide.Demand, Now.AddDays(2)));
    }

    [Fact]
    public void The_other_side_cannot_answer_a_declined_pair()
    {
        var pair = APair();
        Assert.Null(pair.Decline(PairSide.Offer, "No capacity this year", Now));

        Assert.Equal(PairError.Closed, pair.ExpressInterest(PairSide.Demand, Now));
        Assert.Equal(Interest.Pending, pair.DemandInterest);
    }

    [Fact]
    public void A_side_cannot_answer_twice()
    {
        var pair = APair();
        Assert.Null(pair.ExpressInterest(PairSide.Offer, Now));

        Assert.Equal(PairError.AlreadyAnswered, pair.ExpressInterest(PairSide.Offer, Now.AddHours(1)));
        Assert.Equal(PairError.AlreadyAnswered, pair.Decline(PairSide.Offer, "Changed our mind", Now.AddHours(1)));

        Assert.Equal(Interest.Interested, pair.OfferInterest);
        Assert.Equal(Now, pair.OfferAnsweredAt);
        Assert.Null(pair.DeclineReason);
    }

    [Fact]
    public void Each_answer_moves_the_concurrency_version_on()
    {
        var pair = APair();
        var proposed = pair.Version;

        pair.ExpressInterest(PairSide.Offer, Now);
        var afterOne = pair.Version;
        pair.ExpressInterest(PairSide.Demand, Now);

        Assert.True(afterOne > proposed);
        Assert.True(pair.Version > afterOne);
    }

    [Fact]
    public void Only_an_agreed_pair_can_be_brokered()
    {
        var suggested = APair();
        var waiting = APair();
        waiting.ExpressInterest(PairSide.Offer, Now);
        var declined = APair();
        declined.Decline(PairSide.Demand, "Not a priority", Now);

        Assert.Equal(PairError.NotAgreed, suggested.Broker(Guid.NewGuid(), Now));
        Assert.Equal(PairError.NotAgreed, waiting.Broker(Guid.NewGuid(), Now));
        Assert.Equal(PairError.NotAgreed, declined.Broker(Guid.NewGuid(), Now));
        Assert.All(new[] { suggested, waiting, declined }, p => Assert.Null(p.InitiativeId));
    }

    [Fact]
    public void Brokering_an_agreed_pair_records_the_initiative_once()
    {
        var pair = APair();
        pair.ExpressInterest(PairSide.Offer, Now);
        pair.ExpressInterest(PairSide.Demand, Now);
        var initiative = Guid.NewGuid();

        Assert.Null(pair.Broker(initiative, Now.AddDays(3)));
        Assert.Equal(PairError.Closed, pair.Broker(Guid.NewGuid(), Now.AddDays(4)));

        Assert.Equal(PairStatus.Brokered, pair.Status);
        Assert.Equal(initiative, pair.InitiativeId);
        Assert.Equal(Now.AddDays(3), pair.BrokeredAt);
    }

    [Fact]
    public void A_retired_pair_becomes_current_again_when_it_is_scored_anew()
    {
        var pair = APair();
        pair.ExpressInterest(PairSide.Offer, Now);

        pair.Retire();
        Assert.False(pair.IsCurrent);
        pair.Rescore(0.71, "[{\"kind\":\"SameSector\"}]", Now.AddDays(1));

        Assert.True(pair.IsCurrent);
        Assert.Equal(0.71, pair.Score);
        Assert.Equal(Now.AddDays(1), pair.ScoredAt);
        Assert.Equal(Now, pair.CreatedAt);
        Assert.Equal(Interest.Interested, pair.OfferInterest);
    }

    [Fact]
    public void A_state_is_found_on_the_side_it_takes_and_on_no_other()
    {
        var pair = APair();

        Assert.Equal([PairSide.Offer], pair.SidesOf("MX"));
        Assert.Equal([PairSide.Demand], pair.SidesOf("PE"));
        Assert.Empty(pair.SidesOf("BR"));
    }
}
