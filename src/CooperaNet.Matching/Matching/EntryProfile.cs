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

    private static readonly Classification.Classification NothingInferred = new([], [], [], []);

    /// <summary>
    /// What an index keeps of a profile: the codes, features and document weights it scores with and
    /// the entry's id and modality it explains with — not the entry's texts, code lists, inferred
    /// ranking or query weights, which are read only when the profile is the query. So 100,000
    /// indexed entries cost their postings, not their descriptions.
    /// </summary>
    internal EntryProfile ForIndex(int maxFeatures)
    {
        // The strongest features say what the entry is about; a long description's tail adds memory, not matches.
        int[] kept = Features.Length <= maxFeatures
            ? [.. Enumerable.Range(0, Features.Length)]
            : [.. Enumerable.Range(0, Features.Length).OrderByDescending(i => DocumentWeights[i]).ThenBy(i => i).Take(maxFeatures).Order()];
        return new(new MatchEntry { Id = Entry.Id, Side = Entry.Side, Language = string.Intern(Entry.Language), Modality = Entry.Modality is null ? null : string.Intern(Entry.Modality) }, NothingInferred)
        {
            Sectors = Interned(Sectors),
            Categories = Interned(Categories),
            Goals = Interned(Goals),
            Features = kept.Select(i => Features[i]).ToArray(),
            DocumentWeights = kept.Select(i => DocumentWeights[i]).ToArray(),
            LanguageMask = LanguageMask,
            Modality = Modality is null ? null : string.Intern(Modality),
            ModalityFamily = ModalityFamily,
            ModalityId = ModalityId,
            CountryIds = CountryIds,
            Countries = [.. Countries.Select(string.Intern)],
            StartDay = StartDay,
            EndDay = EndDay,
        };
    }

    /// <summary>Codes repeat across entries: one string each in memory.</summary>
    private static CodeWeight[] Interned(CodeWeight[] codes) => [.. codes.Select(c => c with { Code = string.Intern(c.Code) })];

    internal float FeatureWeight(int feature)
    {
        var i = Array.BinarySearch(Features, feature);
        return i >= 0 ? DocumentWeights[i] : 0f;
    }
}

/// <summary>A code with the weight the engine gives it: 1 when declared, less when inferred from text.</summary>
internal readonly record struct CodeWeight(string Code, float Weight, bool Declared);
