using System.ComponentModel.DataAnnotations;

namespace CooperaNet.Application.Matching;

/// <summary>How entries are paired (section CooperaNet:Matching).</summary>
public sealed class MatchingOptions
{
    public const string Section = "CooperaNet:Matching";

    /// <summary>Pairs kept per entry: its best counterparts.</summary>
    [Range(1, 50)]
    public int Top { get; set; } = 10;

    /// <summary>Below this score a counterpart is not proposed.</summary>
    [Range(0.0, 1.0)]
    public double MinScore { get; set; } = 0.05;

    /// <summary>How often an instance looks for changed entries to pair again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests taken at once.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Off: no background pairing (the command line's <c>pairs recompute</c> still works).</summary>
    public bool Enabled { get; set; } = true;
}
