namespace CooperaNet.Domain.Crossing;

/// <summary>One side of a pair: the state that offers or the state that asks.</summary>
public enum PairSide
{
    /// <summary>The offering state.</summary>
    Offer = 0,

    /// <summary>The demanding state.</summary>
    Demand = 1,
}

/// <summary>A side's answer to a suggested pair.</summary>
public enum Interest
{
    /// <summary>Not answered yet.</summary>
    Pending = 0,

    /// <summary>Wants to go on.</summary>
    Interested = 1,

    /// <summary>Said no, with a reason.</summary>
    Declined = 2,
}

/// <summary>Where a pair is, derived from the two answers and the brokering.</summary>
public enum PairStatus
{
    /// <summary>Proposed by the engine; nobody answered.</summary>
    Suggested = 0,

    /// <summary>One side is interested; waiting on the other.</summary>
    Waiting = 1,

    /// <summary>Both sides are interested; waiting on the secretariat to broker it.</summary>
    Agreed = 2,

    /// <summary>A side declined.</summary>
    Declined = 3,

    /// <summary>Made into an initiative.</summary>
    Brokered = 4,
}

/// <summary>Why a move on a pair was refused.</summary>
public sealed record PairError(string Code)
{
    public static readonly PairError AlreadyAnswered = new("pair.already-answered");

    public static readonly PairError Closed = new("pair.closed");

    public static readonly PairError NotAgreed = new("pair.not-agreed");

    public static readonly PairError ReasonRequired = new("pair.reason-required");

    public static readonly PairError ReasonTooLong = new("pair.reason-too-long");
}

/// <summary>
/// An offer and a demand the engine found to fit, with its score and reasons, followed until both
/// states agree and the secretariat brokers it into an initiative, or one of them declines.
/// </summary>
public sealed class Pair
{
    /// <summary>Longest reason for declining.</summary>
    public const int ReasonMax = 1000;

    public Guid Id { get; init; }

    public Guid OfferId { get; init; }

    public Guid DemandId { get; init; }

    /// <summary>The offering state (ISO alpha-2), kept here so a state's pairs are found without joins.</summary>
    public required string OfferState { get; init; }

    /// <summary>The demanding state.</summary>
    public required string DemandState { get; init; }

    /// <summary>How well they fit, in [0, 1].</summary>
    public double Score { get; private set; }

    /// <summary>The engine's reasons as JSON (kind and codes), rendered in the reader's language.</summary>
    public string Reasons { get; private set; } = "[]";

    /// <summary>When the engine last scored it.</summary>
    public DateTimeOffset ScoredAt { get; private set; }

    /// <summary>When it was first proposed.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>False once a new computation no longer proposes it; kept when a side had answered.</summary>
    public bool IsCurrent { get; private set; } = true;

    public Interest OfferInterest { get; private set; }

    public DateTimeOffset? OfferAnsweredAt { get; private set; }

    public Interest DemandInterest { get; private set; }

    public DateTimeOffset? DemandAnsweredAt { get; private set; }

    /// <summary>The declining side's reason.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>When both sides were interested.</summary>
    public DateTimeOffset? AgreedAt { get; private set; }

    /// <summary>The initiative it became.</summary>
    public Guid? InitiativeId { get; private set; }

    public DateTimeOffset? BrokeredAt { get; private set; }

    /// <summary>Optimistic concurrency: two answers at once cannot both win.</summary>
    public int Version { get; private set; }

    public PairStatus Status =>
        InitiativeId is not null ? PairStatus.Brokered
        : OfferInterest == Interest.Declined || DemandInterest == Interest.Declined ? PairStatus.Declined
        : OfferInterest == Interest.Interested && DemandInterest == Interest.Interested ? PairStatus.Agreed
        : OfferInterest == Interest.Interested || DemandInterest == Interest.Interested ? PairStatus.Waiting
        : PairStatus.Suggested;

    /// <summary>True while someone can still answer it.</summary>
    public bool IsOpen => Status is PairStatus.Suggested or PairStatus.Waiting;

    /// <summary>The state on <paramref name="side"/>.</summary>
    public string StateOf(PairSide side) => side == PairSide.Offer ? OfferState : DemandState;

    /// <summary>The answer of <paramref name="side"/>.</summary>
    public Interest InterestOf(PairSide side) => side == PairSide.Offer ? OfferInterest : DemandInterest;

    /// <summary>The side a state is on, or null when it is on neither (a state may be on both).</summary>
    public IEnumerable<PairSide> SidesOf(string state)
    {
        if (OfferState == state)
        {
            yield return PairSide.Offer;
        }

        if (DemandState == state)
        {
            yield return PairSide.Demand;
        }
    }

    public static Pair Propose(Guid id, Guid offerId, string offerState, Guid demandId, string demandState, double score, string reasons, DateTimeOffset at) =>
        new()
        {
            Id = id,
            OfferId = offerId,
            OfferState = offerState,
            DemandId = demandId,
            DemandState = demandState,
            Score = score,
            Reasons = reasons,
            ScoredAt = at,
            CreatedAt = at,
        };

    /// <summary>A new computation still proposes it, with this score and these reasons.</summary>
    public void Rescore(double score, string reasons, DateTimeOffset at)
    {
        Score = score;
        Reasons = reasons;
        ScoredAt = at;
        IsCurrent = true;
    }

    /// <summary>A new computation no longer proposes it.</summary>
    public void Retire() => IsCurrent = false;

    /// <summary>True when nobody answered: such a pair can simply be forgotten when it is no longer proposed.</summary>
    public bool IsUnanswered => OfferInterest == Interest.Pending && DemandInterest == Interest.Pending;

    /// <summary><paramref name="side"/> wants to go on; when both do, the pair is agreed.</summary>
    public PairError? ExpressInterest(PairSide side, DateTimeOffset at)
    {
        if (Refusal(side) is { } error)
        {
            return error;
        }

        Answer(side, Interest.Interested, at);
        if (OfferInterest == Interest.Interested && DemandInterest == Interest.Interested)
        {
            AgreedAt = at;
        }

        return null;
    }

    /// <summary><paramref name="side"/> says no, with a reason the other side and the secretariat read.</summary>
    public PairError? Decline(PairSide side, string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return PairError.ReasonRequired;
        }

        if (reason.Trim().Length > ReasonMax)
        {
            return PairError.ReasonTooLong;
        }

        if (Refusal(side) is { } error)
        {
            return error;
        }

        Answer(side, Interest.Declined, at);
        DeclineReason = reason.Trim();
        return null;
    }

    /// <summary>The secretariat made the agreed pair into <paramref name="initiativeId"/>.</summary>
    public PairError? Broker(Guid initiativeId, DateTimeOffset at)
    {
        if (Status != PairStatus.Agreed)
        {
            return Status == PairStatus.Brokered ? PairError.Closed : PairError.NotAgreed;
        }

        InitiativeId = initiativeId;
        BrokeredAt = at;
        Version++;
        return null;
    }

    private PairError? Refusal(PairSide side) =>
        !IsOpen ? PairError.Closed
        : InterestOf(side) != Interest.Pending ? PairError.AlreadyAnswered
        : null;

    private void Answer(PairSide side, Interest interest, DateTimeOffset at)
    {
        if (side == PairSide.Offer)
        {
            OfferInterest = interest;
            OfferAnsweredAt = at;
        }
        else
        {
            DemandInterest = interest;
            DemandAnsweredAt = at;
        }

        Version++;
    }
}
