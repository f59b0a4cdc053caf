namespace CooperaNet.Domain.WorkPlans;

/// <summary>A working-group member's comment on an action.</summary>
public sealed class ActionComment
{
    /// <summary>Longest comment.</summary>
    public const int TextMax = 4000;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The action.</summary>
    public int ActionId { get; init; }

    /// <summary>Who wrote it.</summary>
    public Guid AuthorId { get; init; }

    /// <summary>Their name as shown then.</summary>
    public required string AuthorName { get; init; }

    /// <summary>The comment.</summary>
    public required string Text { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A comment, or why it cannot be one.</summary>
    public static (ActionComment? Comment, WorkPlanError? Error) Write(int actionId, string? text, Guid by, string byName, DateTimeOffset at)
    {
        if (Discussion.Check(text, TextMax, WorkPlanError.TextRequired, WorkPlanError.TextTooLong) is { } error)
        {
            return (null, error);
        }

        return (new ActionComment { Id = Guid.CreateVersion7(at), ActionId = actionId, AuthorId = by, AuthorName = byName, Text = text!.Trim(), CreatedAt = at }, null);
    }
}

/// <summary>What the secretariat made of a proposal.</summary>
public enum ProposalStatus
{
    /// <summary>Waiting for the secretariat.</summary>
    Open = 0,

    /// <summary>Accepted, with a reason.</summary>
    Accepted = 1,

    /// <summary>Declined, with a reason.</summary>
    Declined = 2,
}

/// <summary>A working-group member's proposal for an action, which the secretariat accepts or declines with a reason.</summary>
public sealed class ActionProposal
{
    /// <summary>Longest proposal.</summary>
    public const int TextMax = 4000;

    /// <summary>Longest reason.</summary>
    public const int ReasonMax = 1000;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The action.</summary>
    public int ActionId { get; init; }

    /// <summary>Who proposed it.</summary>
    public Guid AuthorId { get; init; }

    /// <summary>Their name as shown then.</summary>
    public required string AuthorName { get; init; }

    /// <summary>The proposal.</summary>
    public required string Text { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Open, accepted or declined.</summary>
    public ProposalStatus Status { get; private set; }

    /// <summary>Who decided.</summary>
    public Guid? DecidedById { get; private set; }

    /// <summary>Their name as shown then.</summary>
    public string? DecidedByName { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why.</summary>
    public string? Reason { get; private set; }

    /// <summary>A proposal, or why it cannot be one.</summary>
    public static (ActionProposal? Proposal, WorkPlanError? Error) Make(int actionId, string? text, Guid by, string byName, DateTimeOffset at)
    {
        if (Discussion.Check(text, TextMax, WorkPlanError.TextRequired, WorkPlanError.TextTooLong) is { } error)
        {
            return (null, error);
        }

        return (new ActionProposal { Id = Guid.CreateVersion7(at), ActionId = actionId, AuthorId = by, AuthorName = byName, Text = text!.Trim(), CreatedAt = at }, null);
    }

    /// <summary>The secretariat accepts the proposal, saying why.</summary>
    public WorkPlanError? Accept(string? reason, Guid by, string byName, DateTimeOffset at) => Decide(ProposalStatus.Accepted, reason, by, byName, at);

    /// <summary>The secretariat declines the proposal, saying why.</summary>
    public WorkPlanError? Decline(string? reason, Guid by, string byName, DateTimeOffset at) => Decide(ProposalStatus.Declined, reason, by, byName, at);

    private WorkPlanError? Decide(ProposalStatus decision, string? reason, Guid by, string byName, DateTimeOffset at)
    {
        if (Discussion.Check(reason, ReasonMax, WorkPlanError.ReasonRequired, WorkPlanError.ReasonTooLong) is { } error)
        {
            return error;
        }

        if (Status != ProposalStatus.Open)
        {
            return WorkPlanError.AlreadyDecided;
        }

        Status = decision;
        Reason = reason!.Trim();
        DecidedById = by;
        DecidedByName = byName;
        DecidedAt = at;
        return null;
    }
}

internal static class Discussion
{
    public static WorkPlanError? Check(string? text, int max, WorkPlanError missing, WorkPlanError tooLong) =>
        string.IsNullOrWhiteSpace(text) ? missing : text.Trim().Length > max ? tooLong : null;
}
