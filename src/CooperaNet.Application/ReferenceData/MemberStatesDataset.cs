using System.Text.Json;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.ReferenceData;

/// <summary>The 35 OAS member states and the groups (MERCOSUR, SEGIB, CARICOM, SICA) they belong to.</summary>
internal sealed class MemberStatesDataset : IReferenceDataset
{
    public string Name => "member-states";

    public IReadOnlyList<string> Files { get; } = ["oas-member-states.csv", "state-groups.json"];

    public async Task<int> ApplyAsync(CooperaNetDbContext db, CancellationToken cancellationToken)
    {
        var states = Csv.Read(ReferenceFiles.Read("oas-member-states.csv")).Select(ToState).ToList();
        await Upsert.ByKeyAsync(db.MemberStates, states, s => s.Code, (current, next) =>
        {
            current.Alpha3 = next.Alpha3;
            current.Numeric = next.Numeric;
            current.Name = next.Name;
            current.OfficialName = next.OfficialName;
            current.Subregion = next.Subregion;
            current.IsSmallIslandDevelopingState = next.IsSmallIslandDevelopingState;
            current.IsLeastDevelopedCountry = next.IsLeastDevelopedCountry;
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        using var json = JsonDocument.Parse(ReferenceFiles.Read("state-groups.json"));
        var groups = new List<StateGroup>();
        var memberships = new List<StateGroupMembership>();
        foreach (var g in json.RootElement.GetProperty("groups").EnumerateArray())
        {
            var code = g.GetProperty("code").GetString()!;
            groups.Add(new StateGroup { Code = code, Name = Text(g.GetProperty("name")) });
            memberships.AddRange(g.GetProperty("members").EnumerateObject().Select(m => new StateGroupMembership
            {
                GroupCode = code,
                StateCode = m.Name,
                Status = m.Value.GetString()!,
            }));
        }

        await Upsert.ByKeyAsync(db.StateGroups, groups, g => g.Code, (current, next) => current.Name = next.Name, cancellationToken);
        await Upsert.ByKeyAsync(db.StateGroupMemberships, memberships, m => (m.GroupCode, m.StateCode), (current, next) => current.Status = next.Status, cancellationToken);
        return states.Count;
    }

    internal static LocalizedText Text(JsonElement element) => LocalizedText.Of(
        element.GetProperty("es").GetString(),
        element.GetProperty("en").GetString(),
        element.GetProperty("pt").GetString(),
        element.GetProperty("fr").GetString());

    private static MemberState ToState(IReadOnlyDictionary<string, string> row) => new()
    {
        Code = row["iso_alpha2"],
        Alpha3 = row["iso_alpha3"],
        Numeric = row["iso_numeric"],
        Name = LocalizedText.Of(row["name_es_cldr"], EnglishName(row), row["name_pt_cldr"], row["name_fr_cldr"]),
        OfficialName = LocalizedText.Of(
            row["official_name_es_unterm"], row["official_name_en_unterm"], null, row["official_name_fr_unterm"]),
        Subregion = string.IsNullOrEmpty(row["m49_intermediate_region"]) ? row["m49_subregion"] : row["m49_intermediate_region"],
        IsSmallIslandDevelopingState = row["sids"].Length > 0,
        IsLeastDevelopedCountry = row["ldc"].Length > 0,
    };

    // CLDR's English uses short forms ("St. Kitts & Nevis"); the IATI name is the formal one,
    // without the UN sorting article "(the)". Where IATI adds a long form in brackets, CLDR's is kept.
    private static string EnglishName(IReadOnlyDictionary<string, string> row)
    {
        var iati = row["name_en_iati"].Replace(" (the)", string.Empty, StringComparison.Ordinal);
        return iati.Contains('(', StringComparison.Ordinal) ? row["name_en_cldr"] : iati;
    }
}
