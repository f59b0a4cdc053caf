namespace CooperaNet.Matching.Classification;

/// <summary>A code with its score in [0, 1], higher meaning the text says more about it.</summary>
/// <param name="Code">A DAC code or category, or an SDG goal or target.</param>
/// <param name="Score">The score, rounded to three decimals.</param>
public sealed record ScoredCode(string Code, double Score);

/// <summary>What a text is about, best first.</summary>
/// <param name="Sectors">DAC 5-digit purpose codes.</param>
/// <param name="Categories">DAC 3-digit categories.</param>
/// <param name="Sdgs">SDG goals ("4").</param>
/// <param name="SdgTargets">SDG targets ("4.c").</param>
public sealed record Classification(
    IReadOnlyList<ScoredCode> Sectors,
    IReadOnlyList<ScoredCode> Categories,
    IReadOnlyList<ScoredCode> Sdgs,
    IReadOnlyList<ScoredCode> SdgTargets);
