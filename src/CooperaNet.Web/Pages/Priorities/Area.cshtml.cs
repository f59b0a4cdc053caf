using CooperaNet.Application.Data;
using CooperaNet.Application.Priorities;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Priorities;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Priorities;

/// <summary>One unmet demand of an area, as its row reads: title in the reader's language when translated.</summary>
public sealed record PriorityDemandRow(Guid Id, string Title, string TitleLanguage, string State, UnmetDemand Demand);

/// <summary>The unmet demands behind one priority area, oldest first, a page at a time.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CatalogListCache.PagePolicy)]
public sealed class PrioritiesAreaModel(PriorityCalculator calculator, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    public const int PageSize = 20;

    public PriorityRanking Ranking { get; private set; } = null!;

    public PriorityArea Area { get; private set; } = null!;

    public int Rank { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<PriorityDemandRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string dimension, string code, int? page, CancellationToken ct)
    {
        if (PriorityDimensions.Parse(dimension) is not { } chosen || page is < 1)
        {
            return NotFound();
        }

        Ranking = await calculator.RankAsync(chosen, UiStrings.CurrentLanguage, ct);
        if (Ranking.Area(code) is not { } area)
        {
            return NotFound();
        }

        Area = area;
        Rank = Ranking.Areas.ToList().IndexOf(area) + 1;
        PageNumber = Math.Min(page ?? 1, Math.Max(1, (area.Demands + PageSize - 1) / PageSize));
        var ids = area.DemandIds.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        var entries = await db.Entries.AsNoTracking().Include(e => e.Translations).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);
        Rows = [.. ids.Where(entries.ContainsKey).Select(id =>
        {
            var entry = entries[id];
            var title = EntryText.In(entry, UiStrings.CurrentLanguage);
            return new PriorityDemandRow(id, title.Title, title.Language, lookups.StateName(entry.StateCode), Ranking.Unmet[id]);
        })];
        return Page();
    }

    public Pager Pager() => new(PageNumber, PageSize, Area.Demands, text["Priorities.Area.Pages"], n => $"{Self()}{(n == 1 ? string.Empty : $"?page={n}")}");

    public string Self() => $"/{UiStrings.CurrentLanguage}{PriorityRoutes.Area(Ranking.Dimension, Area.Code)}";

    public static string EntryLink(Guid id) => $"/{UiStrings.CurrentLanguage}{Routes.Entry(id)}";

    public static string RankingLink(PriorityDimension dimension) => $"/{UiStrings.CurrentLanguage}{PriorityRoutes.Ranking(dimension)}";
}
