namespace CooperaNet.Domain.FollowUp;

/// <summary>What happened with a state.</summary>
public enum FollowUpKind
{
    /// <summary>A call, an e-mail, a message.</summary>
    Contact = 0,

    /// <summary>A meeting.</summary>
    Meeting = 1,

    /// <summary>A training given to the state's people.</summary>
    Training = 2,

    /// <summary>Something the state committed to do.</summary>
    Commitment = 3,
}

/// <summary>
/// A line of a state's follow-up log, kept by the secretariat: what happened, and the next step
/// with the day it is due, until it is marked done.
/// </summary>
public sealed class FollowUpEntry
{
    public const int NoteMax = 2000;

    public const int NextStepMax = 500;

    public Guid Id { get; init; }

    /// <summary>Alpha-2 code of the state.</summary>
    public required string StateCode { get; init; }

    public FollowUpKind Kind { get; init; }

    /// <summary>When it happened.</summary>
    public DateOnly OccurredOn { get; init; }

    public required string Note { get; init; }

    public string? NextStep { get; init; }

    public DateOnly? NextStepDue { get; init; }

    /// <summary>When the next step was marked done.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    public bool IsDone => DoneAt is not null;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>True when the next step is still open after its day.</summary>
    public bool IsOverdue(DateOnly today) => NextStepDue is { } due && due < today && DoneAt is null;

    /// <summary>Writes an entry, or says what is wrong with it.</summary>
    public static (FollowUpEntry? Entry, IReadOnlyList<FollowUpError> Errors) Record(Guid id, string state, FollowUpKind kind, DateOnly occurredOn, string? note, string? nextStep, DateOnly? nextStepDue, DateTimeOffset at)
    {
        var errors = new List<FollowUpError>();
        var text = note?.Trim() ?? string.Empty;
        var next = string.IsNullOrWhiteSpace(nextStep) ? null : nextStep.Trim();
        if (text.Length == 0)
        {
            errors.Add(FollowUpError.Required("note"));
        }
        else if (text.Length > NoteMax)
        {
            errors.Add(FollowUpError.TooLong("note"));
        }

        if (next?.Length > NextStepMax)
        {
            errors.Add(FollowUpError.TooLong("nextStep"));
        }

        if (next is not null && nextStepDue is null)
        {
            errors.Add(FollowUpError.Required("nextStepDue"));
        }

        if (next is null && nextStepDue is not null)
        {
            errors.Add(FollowUpError.Required("nextStep"));
        }

        if (nextStepDue < occurredOn)
        {
            errors.Add(FollowUpError.DueBefore);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new FollowUpEntry { Id = id, StateCode = state, Kind = kind, OccurredOn = occurredOn, Note = text, NextStep = next, NextStepDue = nextStepDue, CreatedAt = at }, errors);
    }

    /// <summary>Marks the next step done; refused when there is none or it is done already.</summary>
    public FollowUpError? MarkDone(DateTimeOffset at)
    {
        if (NextStep is null || DoneAt is not null)
        {
            return FollowUpError.IllegalTransition;
        }

        DoneAt = at;
        return null;
    }
}
