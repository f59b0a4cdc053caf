using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Reference;

namespace CooperaNet.Application.ReferenceData;

/// <summary>
/// The 17 SDGs and 169 targets: English, Spanish and French from open-sdg; Portuguese goal names
/// from our own file. Portuguese target titles are not shipped: readers fall back and say so.
/// </summary>
internal sealed class SdgDataset : IReferenceDataset
{
    public string Name => "sdgs";

    public IReadOnlyList<string> Files { get; } = ["sdg-goals-targets.csv", "sdg-goals-pt.csv"];

    public async Task<int> ApplyAsync(CooperaNetDbContext db, CancellationToken cancellationToken)
    {
        var goals = Goals();
        await Upsert.ByKeyAsync(db.SdgGoals, goals, g => g.Number, (current, next) =>
        {
            current.Title = next.Title;
            current.ShortName = next.ShortName;
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var targets = Targets();
        await Upsert.ByKeyAsync(db.SdgTargets, targets, t => t.Code, (current, next) =>
        {
            current.GoalNumber = next.GoalNumber;
            current.Title = next.Title;
        }, cancellationToken);
        return goals.Count + targets.Count;
    }

    /// <summary>The 17 goals as shipped, titles and short names in the four languages.</summary>
    internal static List<SdgGoal> Goals()
    {
        var portuguese = Csv.Read(ReferenceFiles.Read("sdg-goals-pt.csv")).ToDictionary(r => r["code"]);
        return Rows().Where(r => r["level"] == "goal").Select(r =>
        {
            var pt = portuguese[r["code"]];
            return new SdgGoal
            {
                Number = int.Parse(r["code"], System.Globalization.CultureInfo.InvariantCulture),
                Title = LocalizedText.Of(r["title_es"], r["title_en"], pt["title_pt"], r["title_fr"]),
                ShortName = LocalizedText.Of(r["short_es"], r["short_en"], pt["short_pt"], r["short_fr"]),
            };
        }).ToList();
    }

    /// <summary>The 169 targets as shipped, titles in Spanish, English and French.</summary>
    internal static List<SdgTarget> Targets() => Rows().Where(r => r["level"] == "target").Select(r => new SdgTarget
    {
        Code = r["code"],
        GoalNumber = int.Parse(r["code"].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture),
        Title = LocalizedText.Of(r["title_es"], r["title_en"], null, r["title_fr"]),
    }).ToList();

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows() => Csv.Read(ReferenceFiles.Read("sdg-goals-targets.csv"));
}
