using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Reference;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Pages;

public sealed class IndexModel(CooperaNetDbContext db, IMemoryCache cache) : PageModel
{
    /// <summary>What the home page shows; reference data changes only on import, so it is kept a few minutes.</summary>
    public sealed record Summary(IReadOnlyList<IGrouping<string, MemberStateItem>> Subregions, int States, int Sectors, int Targets, int Actions);

    public Summary Figures { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var lang = UiStrings.CurrentLanguage;
        Figures = (await cache.GetOrCreateAsync($"home:{lang}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            var states = await ReferenceQueries.MemberStatesAsync(db, lang);
            return new Summary(
                states.Items.GroupBy(s => s.Subregion).OrderBy(g => g.Key, StringComparer.Ordinal).ToList(),
                states.Items.Count,
                await db.Sectors.CountAsync(s => !s.IsWithdrawn),
                await db.SdgTargets.CountAsync(),
                await db.WorkPlanActions.CountAsync());
        }))!;
    }
}
