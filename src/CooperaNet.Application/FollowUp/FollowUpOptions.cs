using System.ComponentModel.DataAnnotations;

namespace CooperaNet.Application.FollowUp;

/// <summary>The socialisation campaign's settings (section CooperaNet:FollowUp).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "CooperaNet:FollowUp";

    /// <summary>Off: no campaign e-mail leaves this instance (another instance may send it).</summary>
    public bool RemindersEnabled { get; set; } = true;

    /// <summary>How often an instance looks for campaign steps that fell due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an invitation link can create an account.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "60.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);
}
