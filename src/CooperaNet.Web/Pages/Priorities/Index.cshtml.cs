using CooperaNet.Application.Priorities;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Priorities;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Priorities;

/// <summary>
/// The priority areas: where published demand goes unmet, ranked in one dimension (DAC category by
/// default) with a bar chart of the first ten and every area in a table, each linking to its demands.
/// Public, like the demands; anonymous readers share the rendered page for as long as catalog lists are shared.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CatalogListCache.PagePolicy)]
public sealed class PrioritiesIndexModel(PriorityCalculator calculator) : PageModel
{
    public PriorityRanking Ranking { get; private set; } = null!;

    public PriorityChart Chart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? dimension, CancellationToken ct)
    {
        var chosen = string.IsNullOrEmpty(dimension) ? PriorityDimension.Category : PriorityDimensions.Parse(dimension);
        if (chosen is null)
        {
            return NotFound();
        }

        Ranking = await calculator.RankAsync(chosen.Value, UiStrings.CurrentLanguage, ct);
        Chart = new PriorityChart(Ranking.Areas);
        return Page();
    }

    public static string Link(PriorityDimension dimension) => $"/{UiStrings.CurrentLanguage}{PriorityRoutes.Ranking(dimension)}";

    public string AreaLink(PriorityArea area) => $"/{UiStrings.CurrentLanguage}{PriorityRoutes.Area(Ranking.Dimension, area.Code)}";

    public static string Number(double value) => value.ToString("N1", System.Globalization.CultureInfo.CurrentCulture);
}
