namespace CooperaNet.Matching;

/// <summary>Why two entries were paired.</summary>
public enum ReasonKind
{
    /// <summary>They share a DAC 5-digit code (<see cref="MatchReason.Values"/>: the codes).</summary>
    SameSector = 0,

    /// <summary>They share a DAC 3-digit category but no 5-digit code (values: the categories).</summary>
    SameCategory = 1,

    /// <summary>They serve the same SDG goals (values: the goal numbers).</summary>
    SharedSdg = 2,

    /// <summary>Their forms of cooperation fit (values: the demand's, then the offer's modality).</summary>
    CompatibleModality = 3,

    /// <summary>They can work in a common language (values: the language codes).</summary>
    CommonLanguage = 4,

    /// <summary>The demanding state is among those the offer is open to (values: ISO alpha-2 codes).</summary>
    EligibleCountry = 5,

    /// <summary>Their time windows overlap (values: first and last common day, ISO 8601).</summary>
    OverlappingPeriod = 6,

    /// <summary>Their texts speak of the same things (values: the lexicon concepts they share, if any).</summary>
    SimilarText = 7,
}

/// <summary>One reason for a match, as data: the web layer words it in the reader's language.</summary>
/// <param name="Kind">What the two entries have in common.</param>
/// <param name="Values">Codes or values, as described for each <see cref="ReasonKind"/>.</param>
/// <param name="Weight">How much this reason added to the score.</param>
/// <param name="Inferred">True when a code involved was read from a text rather than declared.</param>
public sealed record MatchReason(ReasonKind Kind, IReadOnlyList<string> Values, double Weight, bool Inferred = false);

/// <summary>A proposed pair: the other entry, a score in [0, 1] and the reasons, strongest first.</summary>
/// <param name="Id">The id of the entry found.</param>
/// <param name="Score">Higher is a better fit; comparable among the matches of one entry.</param>
/// <param name="Reasons">Why, strongest first.</param>
public sealed record Match(string Id, double Score, IReadOnlyList<MatchReason> Reasons);
