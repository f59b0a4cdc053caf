namespace CooperaNet.Domain.Experts;

/// <summary>Where an assignment is: proposed → accepted → completed, or declined.</summary>
public enum AssignmentStatus
{
    /// <summary>Offered to the expert; waiting for the answer.</summary>
    Proposed = 0,

    /// <summary>The expert takes the mission.</summary>
    Accepted = 1,

    /// <summary>The expert said no, with a reason.</summary>
    Declined = 2,

    /// <summary>The mission is over; the receiving state may evaluate it.</summary>
    Completed = 3,
}

/// <summary>
/// An expert put on a demand or an initiative (exactly one) with a role and dates; the expert accepts
/// or declines; after the mission the receiving state evaluates the work once (1 to 5 and a
/// comment), which the roster shows. Each move returns an <see cref="ExpertError"/> instead of
/// changing anything when it is not allowed.
/// </summary>
public sealed class ExpertAssignment
{
    /// <summary>Longest role.</summary>
    public const int RoleMax = 200;

    /// <summary>Longest reason or comment.</summary>
    public const int TextMax = 2000;

    /// <summary>Lowest evaluation.</summary>
    public const int ScoreMin = 1;

    /// <summary>Highest evaluation.</summary>
    public const int ScoreMax = 5;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The expert's profile.</summary>
    public Guid ExpertId { get; init; }

    /// <summary>The demand the expert answers, or null when it is an initiative.</summary>
    public Guid? DemandId { get; init; }

    /// <summary>The initiative the expert works in, or null when it is a demand.</summary>
    public Guid? InitiativeId { get; init; }

    /// <summary>The state that receives the work and evaluates it (alpha-2).</summary>
    public required string ReceivingState { get; init; }

    /// <summary>What the expert does ("lead trainer", "water engineer").</summary>
    public required string Role { get; init; }

    /// <summary>First day of the mission.</summary>
    public DateOnly StartsOn { get; init; }

    /// <summary>Last day of the mission.</summary>
    public DateOnly EndsOn { get; init; }

    /// <summary>Where it is.</summary>
    public AssignmentStatus Status { get; private set; }

    /// <summary>Who proposed it.</summary>
    public string ProposedBy { get; init; } = string.Empty;

    /// <summary>Proposed.</summary>
    public DateTimeOffset ProposedAt { get; init; }

    /// <summary>Accepted or declined.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>Why the expert declined.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>Completed.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The receiving state's evaluation, 1 to 5.</summary>
    public int? EvaluationScore { get; private set; }

    /// <summary>The receiving state's comment.</summary>
    public string? EvaluationComment { get; private set; }

    /// <summary>Who evaluated.</summary>
    public string? EvaluatedBy { get; private set; }

    /// <summary>Evaluated.</summary>
    public DateTimeOffset? EvaluatedAt { get; private set; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: an answer and a completion at once cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Proposes <paramref name="expert"/> (who must be in the roster) for a demand or an initiative —
    /// exactly one — with a role and dates.
    /// </summary>
    public static (ExpertAssignment? Assignment, ExpertError? Error) Propose(
        Guid id, ExpertProfile expert, Guid? demandId, Guid? initiativeId, string receivingState, string role, DateOnly startsOn, DateOnly endsOn, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var error = (demandId is null) == (initiativeId is null) ? ExpertError.OneTarget
            : !expert.IsInRoster ? ExpertError.NotInRoster
            : ExpertError.Text("role", role, RoleMax)
            ?? (receivingState is not { Length: 2 } ? ExpertError.Invalid("receivingState") : null)
            ?? (endsOn < startsOn ? ExpertError.DatesOrder : null);
        if (error is not null)
        {
            return (null, error);
        }

        return (new ExpertAssignment
        {
            Id = id,
            ExpertId = expert.Id,
            DemandId = demandId,
            InitiativeId = initiativeId,
            ReceivingState = receivingState.ToUpperInvariant(),
            Role = role.Trim(),
            StartsOn = startsOn,
            EndsOn = endsOn,
            ProposedBy = by,
            ProposedAt = at,
            UpdatedAt = at,
        }, null);
    }

    /// <summary>The expert takes the mission.</summary>
    public ExpertError? Accept(DateTimeOffset at)
    {
        if (Status != AssignmentStatus.Proposed)
        {
            return ExpertError.IllegalTransition;
        }

        Status = AssignmentStatus.Accepted;
        AnsweredAt = at;
        Touch(at);
        return null;
    }

    /// <summary>The expert says no, with a reason.</summary>
    public ExpertError? Decline(string reason, DateTimeOffset at)
    {
        if (ExpertError.Text("reason", reason, TextMax) is { } invalid)
        {
            return invalid;
        }

        if (Status != AssignmentStatus.Proposed)
        {
            return ExpertError.IllegalTransition;
        }

        Status = AssignmentStatus.Declined;
        DeclineReason = reason.Trim();
        AnsweredAt = at;
        Touch(at);
        return null;
    }

    /// <summary>An accepted mission is over; not before its first day.</summary>
    public ExpertError? Complete(DateTimeOffset at)
    {
        if (Status != AssignmentStatus.Accepted)
        {
            return ExpertError.IllegalTransition;
        }

        if (DateOnly.FromDateTime(at.UtcDateTime) < StartsOn)
        {
            return ExpertError.NotStarted;
        }

        Status = AssignmentStatus.Completed;
        CompletedAt = at;
        Touch(at);
        return null;
    }

    /// <summary>The receiving state evaluates the completed work: 1 to 5 and a comment, once.</summary>
    public ExpertError? Evaluate(int score, string comment, string by, DateTimeOffset at)
    {
        if (Status != AssignmentStatus.Completed)
        {
            return ExpertError.IllegalTransition;
        }

        if (EvaluationScore is not null)
        {
            return ExpertError.AlreadyEvaluated;
        }

        if (score is < ScoreMin or > ScoreMax)
        {
            return ExpertError.ScoreRange("score");
        }

        if (ExpertError.Text("comment", comment, TextMax) is { } invalid)
        {
            return invalid;
        }

        EvaluationScore = score;
        EvaluationComment = comment.Trim();
        EvaluatedBy = by;
        EvaluatedAt = at;
        Touch(at);
        return null;
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }
}
