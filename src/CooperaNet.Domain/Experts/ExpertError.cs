namespace CooperaNet.Domain.Experts;

/// <summary>Why a change to a call, an application, a review or an assignment was refused.</summary>
/// <param name="Code">A stable code, mapped to a message in the reader's language.</param>
/// <param name="Field">The field at fault, when there is one.</param>
public sealed record ExpertError(string Code, string? Field = null)
{
    /// <summary>The move is not allowed from where the call, application or assignment is.</summary>
    public static readonly ExpertError IllegalTransition = new("expert.illegal-transition");

    /// <summary>No such call, application, assignment, expert, demand or initiative.</summary>
    public static readonly ExpertError NotFound = new("expert.not-found");

    /// <summary>Publishing needs a deadline after now.</summary>
    public static readonly ExpertError DeadlinePast = new("expert.deadline-past", "deadline");

    /// <summary>Applications are taken only while the call is published and before its deadline.</summary>
    public static readonly ExpertError CallNotOpen = new("expert.call-not-open");

    /// <summary>The expert already applied to this call.</summary>
    public static readonly ExpertError AlreadyApplied = new("expert.already-applied");

    /// <summary>The application or assignment belongs to another expert.</summary>
    public static readonly ExpertError WrongExpert = new("expert.wrong-expert");

    /// <summary>The evaluator already reviewed this application.</summary>
    public static readonly ExpertError AlreadyReviewed = new("expert.already-reviewed");

    /// <summary>An assignment is to a demand or to an initiative: exactly one of them.</summary>
    public static readonly ExpertError OneTarget = new("expert.one-target", "target");

    /// <summary>The end comes before the start.</summary>
    public static readonly ExpertError DatesOrder = new("expert.dates", "endsOn");

    /// <summary>Only experts approved into the roster are assigned.</summary>
    public static readonly ExpertError NotInRoster = new("expert.not-in-roster");

    /// <summary>A mission cannot be completed before it starts.</summary>
    public static readonly ExpertError NotStarted = new("expert.not-started");

    /// <summary>The work was evaluated already: an evaluation is given once.</summary>
    public static readonly ExpertError AlreadyEvaluated = new("expert.already-evaluated");

    /// <summary>A required field is empty.</summary>
    public static ExpertError Required(string field) => new("expert.required", field);

    /// <summary>A field is longer than allowed.</summary>
    public static ExpertError TooLong(string field) => new("expert.too-long", field);

    /// <summary>A code or value that is not one of those allowed.</summary>
    public static ExpertError Invalid(string field) => new("expert.invalid", field);

    /// <summary>A score outside 1 to 5.</summary>
    public static ExpertError ScoreRange(string field) => new("expert.score-range", field);

    internal static ExpertError? Text(string field, string? value, int max, bool required = true) =>
        string.IsNullOrWhiteSpace(value) ? (required ? Required(field) : null)
        : value.Trim().Length > max ? TooLong(field)
        : null;
}
