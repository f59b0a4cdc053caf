namespace CooperaNet.Domain.Partners;

public enum MilestoneStatus
{
    Planned,
    InProgress,
    Done,
    Delayed,
}

/// <summary>A step of the pilot with an organisation (work plan para 68, action 1), with its due and done dates.</summary>
public sealed class PilotMilestone
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    /// <summary>Position in the pilot, 1 first.</summary>
    public int Order { get; init; }

    public required string Title { get; init; }

    public DateOnly DueOn { get; init; }

    public MilestoneStatus Status { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    public string Note { get; set; } = string.Empty;

    /// <summary>Moves the milestone; done needs the day it was done, and any other status forgets it.</summary>
    public void Move(MilestoneStatus status, DateOnly? doneOn, DateOnly today)
    {
        Status = status;
        DoneOn = status == MilestoneStatus.Done ? doneOn ?? today : null;
    }

    /// <summary>Late when not done and past its due date.</summary>
    public bool IsLate(DateOnly today) => Status != MilestoneStatus.Done && DueOn < today;
}
