using System.Globalization;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Reference;
using CooperaNet.Web.Features.Reference;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>
/// The reference lists the catalog pages show (filters, form choices, names of codes), in one
/// language. Reference data changes only on import, so it is kept a few minutes.
/// </summary>
public sealed record CatalogLookups(
    IReadOnlyList<MemberStateItem> States,
    IReadOnlyList<string> Subregions,
    IReadOnlyList<SectorCategoryItem> Categories,
    IReadOnlyList<SectorItem> Sectors,
    IReadOnlyList<SdgGoalItem> Goals)
{
    public IReadOnlyDictionary<string, MemberStateItem> StatesByCode { get; } = States.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SectorItem> SectorsByCode { get; } = Sectors.ToDictionary(s => s.Code, StringComparer.Ordinal);

    private string? sectorOptions;

    /// <summary>
    /// The sector filter's options grouped by category, as HTML: written once per language (the list is
    /// the largest part of the catalog page) and marked with the reader's choice on each request.
    /// </summary>
    public string SectorOptions(string? selected)
    {
        var html = sectorOptions ??= BuildSectorOptions();
        if (string.IsNullOrEmpty(selected) || !SectorsByCode.ContainsKey(selected))
        {
            return html;
        }

        var value = $"<option value=\"{selected}\">";
        return html.Replace(value, $"<option value=\"{selected}\" selected>", StringComparison.Ordinal);
    }

    private string BuildSectorOptions()
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var html = new System.Text.StringBuilder(64 * 1024);
        foreach (var category in Categories)
        {
            html.Append("<optgroup label=\"").Append(encoder.Encode($"{category.Code} · {category.Name.Text}")).Append("\">");
            foreach (var sector in Sectors.Where(s => s.Category == category.Code && !s.Withdrawn))
            {
                html.Append("<option value=\"").Append(sector.Code).Append("\">").Append(encoder.Encode($"{sector.Code} · {sector.Name.Text}")).Append("</option>");
            }

            html.Append("</optgroup>");
        }

        return html.ToString();
    }

    public string StateName(string code) => StatesByCode.TryGetValue(code, out var state) ? state.Name : code;

    public string SectorName(string code) => SectorsByCode.TryGetValue(code, out var sector) ? sector.Name.Text : code;

    /// <summary>A goal ("6") by its short name, a target ("6.1") by its title.</summary>
    public string SdgName(string code)
    {
        var goal = Goals.FirstOrDefault(g => g.Code == code);
        if (goal is not null)
        {
            return goal.ShortName.Text;
        }

        var target = Goals.SelectMany(g => g.Targets).FirstOrDefault(t => t.Code == code);
        return target?.Title.Text ?? code;
    }

    /// <summary>SDG codes as the UN lists them: by goal, the goal before its targets, numbered targets before lettered ones.</summary>
    public static IEnumerable<string> InUnOrder(IEnumerable<string> codes) => codes
        .OrderBy(c => int.TryParse(c.Split('.')[0], CultureInfo.InvariantCulture, out var goal) ? goal : int.MaxValue)
        .ThenBy(c => c.Contains('.') ? SdgTarget.SortKey(c) : (-1, 0, string.Empty));

    public static async Task<CatalogLookups> LoadAsync(CooperaNetDbContext db, IMemoryCache cache, string lang) =>
        (await cache.GetOrCreateAsync($"catalog-lookups:{lang}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            var states = await ReferenceQueries.MemberStatesAsync(db, lang);
            var sectors = await ReferenceQueries.SectorsAsync(db, lang);
            var goals = await ReferenceQueries.SdgsAsync(db, lang);
            return new CatalogLookups(
                states.Items,
                [.. states.Items.Select(s => s.Subregion).Distinct().Order(StringComparer.Ordinal)],
                [.. sectors.Categories.Where(c => !c.Withdrawn)],
                sectors.Items,
                goals.Items);
        }))!;
}
