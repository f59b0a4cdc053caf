using System.ComponentModel.DataAnnotations;

namespace CooperaNet.Web.Features.Participation;

/// <summary>Section "CooperaNet:Participation".</summary>
public sealed class ParticipationOptions
{
    public const string Section = "CooperaNet:Participation";

    /// <summary>A state with no activity for this many days is listed as quiet.</summary>
    [Range(1, 3650)]
    public int QuietAfterDays { get; set; } = 90;

    /// <summary>How many months the secretariat's trend shows.</summary>
    [Range(1, 60)]
    public int TrendMonths { get; set; } = 12;
}

/// <summary>Routes of the participation pages, without the language prefix.</summary>
public static class ParticipationRoutes
{
    public const string Page = "/participation";

    public const string Quiet = "/participation/quiet";

    public static string State(string code) => $"/participation/states/{code}";
}
