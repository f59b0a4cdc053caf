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

    /// <summary>A field's value is not one the field takes.</summary>
    public static FollowUpError Invalid(string field) => new("followup.invalid", field);
}
