using CooperaNet.Matching.Classification;

namespace CooperaNet.Matching;

/// <summary>
/// An entry as analysed once for matching: its declared and inferred codes with weights, and its
/// text features. Build one with <see cref="MatchingEngine.Profile"/>; it does not change.
/// </summary>
public sealed class EntryProfile
{
    internal EntryProfile(MatchEntry entry, Classification.Classification inferred)
    {
        Entry = entry;
        Inferred = inferred;
    }

    /// <summary>The entry this profile was made from.</summary>
    public MatchEntry Entry { get; }

    /// <summary>What the entry's text says it is about, whatever it declares.</summary>
    public Classification.Classification Inferred { get; }

    internal CodeWeight[] Sectors { get; init; } = [];

    internal CodeWeight[] Categories { get; init; } = [];

    internal CodeWeight[] Goals { get; init; } = [];

    /// <summary>Text features, sorted by id.</summary>
    internal int[] Features { get; init; } = [];

    /// <summary>The BM25 weight of each feature as a document.</summary>
    internal float[] DocumentWeights { get; init; } = [];

    /// <summary>The weight of each feature as a query.</summary>
    internal float[] QueryWeights { get; init; } = [];

    /// <summary>Bit set of the languages the entry can be worked in.</summary>
    internal int LanguageMask { get; init; }

    internal string? Modality { get; init; }

    /// <summary>The modality's family (<see cref="Modalities"/>), -1 for none; equal modalities are compared by <see cref="ModalityId"/>.</summary>
    internal int ModalityFamily { get; init; } = -1;

    /// <summary>A number for the normalized modality, 0 for none or "other".</summary>
    internal int ModalityId { get; init; }

    /// <summary>The countries as two-letter numbers, for comparisons without strings.</summary>
    internal int[] CountryIds { get; init; } = [];

    internal string[] Countries { get; init; } = [];

    internal int StartDay { get; init; } = int.MinValue;

    internal int EndDay { get; init; } = int.MaxValue;

    internal float FeatureWeight(int feature)
    {
        var i = Array.BinarySearch(Features, feature);
        return i >= 0 ? DocumentWeights[i] : 0f;
    }
}

/// <summary>A code with the weight the engine gives it: 1 when declared, less when inferred from text.</summary>
internal readonly record struct CodeWeight(string Code, float Weight, bool Declared);
