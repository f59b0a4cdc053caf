namespace CooperaNet.Domain.FollowUp;

/// <summary>Why a change to a campaign, a session or a follow-up entry was refused.</summary>
/// <param name="Code">A stable code, mapped to a message in the reader's language.</param>
/// <param name="Field">The field at fault, when there is one.</param>
public sealed record FollowUpError(string Code, string? Field = null)
{
    /// <summary>The move is not allowed from where the campaign is.</summary>
    public static readonly FollowUpError IllegalTransition = new("followup.illegal-transition");

    /// <summary>Only a draft campaign can be changed.</summary>
    public static readonly FollowUpError NotEditable = new("followup.not-editable");

    /// <summary>The state was not invited to the session.</summary>
    public static readonly FollowUpError NotInvited = new("followup.not-invited", "attended");

    /// <summary>A required field is empty.</summary>
    public static FollowUpError Required(string field) => new("followup.required", field);

    /// <summary>A field is longer than allowed.</summary>
    public static FollowUpError TooLong(string field) => new("followup.too-long", field);

    /// <summary>The campaign ends before it starts.</summary>
    public static readonly FollowUpError DatesOrder = new("followup.dates", "endsOn");

    /// <summary>Steps are one invitation, then reminders waiting longer each, the final one last.</summary>
    public static readonly FollowUpError Steps = new("followup.steps", "steps");

    /// <summary>A state code that is not two letters.</summary>
    public static readonly FollowUpError StateCodes = new("followup.states", "states");

    /// <summary>A next step due before the entry's own day.</summary>
    public static readonly FollowUpError DueBefore = new("followup.due-before", "nextStepDue");
}
