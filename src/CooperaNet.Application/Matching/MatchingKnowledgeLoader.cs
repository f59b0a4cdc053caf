using System.Text;
using CooperaNet.Application.ReferenceData;
using CooperaNet.Domain;
using CooperaNet.Matching;
using CooperaNet.Matching.Knowledge;

namespace CooperaNet.Application.Matching;

/// <summary>
/// The matching engine's knowledge from the files shipped in this assembly: DAC sectors and
/// categories and SDG goals and targets from the reference data, and the domain lexicon and the
/// sector-to-SDG table from <c>Matching/Data</c>. Needs no database.
/// </summary>
public static class MatchingKnowledgeLoader
{
    private static readonly Lazy<MatchingEngine> Shared = new(() => MatchingEngine.Create(Load()));

    /// <summary>One engine built from the shipped knowledge, made on first use and shared.</summary>
    public static MatchingEngine Engine => Shared.Value;

    /// <summary>The shipped knowledge, with optional labelled texts to learn from.</summary>
    public static MatchingKnowledge Load(IReadOnlyList<TrainingText>? trainingTexts = null)
    {
        var goals = SdgDataset.Goals().Select(g => new SdgInfo(
            g.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Names(LocalizedText.Of(Join(g.ShortName.Es, g.Title.Es), Join(g.ShortName.En, g.Title.En), Join(g.ShortName.Pt, g.Title.Pt), Join(g.ShortName.Fr, g.Title.Fr)))));
        var targets = SdgDataset.Targets().Select(t => new SdgInfo(t.Code, Names(t.Title)));
        return new MatchingKnowledge
        {
            Categories = SectorsDataset.Categories().Select(c => new SectorCategoryInfo(c.Code, Names(c.Name))).ToList(),
            Sectors = SectorsDataset.Sectors().Select(s => new SectorInfo(s.Code, s.Category ?? s.Code[..3], Names(s.Name), Names(s.Description), s.Withdrawn)).ToList(),
            Sdgs = [.. goals, .. targets],
            Concepts = LexiconFormat.Parse(Read("lexicon.tsv")),
            SectorSdgs = LexiconFormat.ParseSectorSdgs(Read("sector-sdgs.tsv")),
            TrainingTexts = trainingTexts ?? [],
        };
    }

    private static LocalizedNames Names(LocalizedText text) => new(text.Es, text.En, text.Pt, text.Fr);

    private static string? Join(string? shortName, string? title) => shortName is null ? title : title is null ? shortName : $"{shortName}. {title}";

    private static string Read(string fileName)
    {
        using var stream = typeof(MatchingKnowledgeLoader).Assembly.GetManifestResourceStream("CooperaNet.Matching." + fileName)
            ?? throw new InvalidOperationException($"Matching file {fileName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
