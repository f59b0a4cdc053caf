using System.ComponentModel.DataAnnotations;

namespace CooperaNet.Application.Priorities;

/// <summary>When a published demand counts as unmet (section CooperaNet:Priorities).</summary>
public sealed class PriorityOptions
{
    public const string Section = "CooperaNet:Priorities";

    /// <summary>A demand published this many days ago or more, with no agreed pair and no initiative, is unmet.</summary>
    [Range(1, 3650)]
    public int UnmetAfterDays { get; set; } = 90;

    /// <summary>
    /// A demand whose best current pair scores below this (pair scores are in [0, 1]; the engine proposes
    /// pairs from 0.05) is unmet however young it is: no offer on the platform fits it well.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LowScore { get; set; } = 0.25;
}
