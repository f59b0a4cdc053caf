using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Reference;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Pages;

public sealed class IndexModel(CooperaNetDbContext db) : PageModel
{
    public IReadOnlyList<IGrouping<string, MemberStateItem>> Subregions { get; private set; } = [];

    public int StateCount { get; private set; }

    public int SectorCount { get; private set; }

    public int TargetCount { get; private set; }

    public int ActionCount { get; private set; }

    public async Task OnGetAsync()
    {
        var states = await ReferenceQueries.MemberStatesAsync(db, UiStrings.CurrentLanguage);
        StateCount = states.Items.Count;
        Subregions = states.Items.GroupBy(s => s.Subregion).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        SectorCount = await db.Sectors.CountAsync(s => !s.IsWithdrawn);
        TargetCount = await db.SdgTargets.CountAsync();
        ActionCount = await db.WorkPlanActions.CountAsync();
    }
}
