using CooperaNet.Application.Data;
using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Reference;

/// <summary>The reference data shaped for the API and the pages, in one language.</summary>
public static class ReferenceQueries
{
    public static async Task<LocalizedList<MemberStateItem>> MemberStatesAsync(CooperaNetDbContext db, string lang)
    {
        var groups = await db.StateGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name.Resolve(lang).Text);
        var states = await db.MemberStates.AsNoTracking().Include(s => s.Memberships).ToListAsync();
        var items = states
            .Select(s => ToItem(s, lang, groups))
            .OrderBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(lang), ignoreCase: true))
            .ToList();
        return new LocalizedList<MemberStateItem>(lang, items);
    }

    public static async Task<MemberStateDetail?> MemberStateAsync(CooperaNetDbContext db, string code, string lang)
    {
        var state = await db.MemberStates.AsNoTracking().Include(s => s.Memberships).FirstOrDefaultAsync(s => s.Code == code);
        if (state is null)
        {
            return null;
        }

        var groups = await db.StateGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name.Resolve(lang).Text);
        var names = Languages.All.ToDictionary(l => l, state.Name.In);
        return new MemberStateDetail(lang, ToItem(state, lang, groups), names);
    }

    public static async Task<SectorList> SectorsAsync(CooperaNetDbContext db, string lang)
    {
        var categories = await db.SectorCategories.AsNoTracking().OrderBy(c => c.Code).ToListAsync();
        var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Code).ToListAsync();
        return new SectorList(
            lang,
            categories.Select(c => new SectorCategoryItem(c.Code, Name(c.Name, lang), c.IsWithdrawn)).ToList(),
            sectors.Select(s => new SectorItem(s.Code, s.CategoryCode, Name(s.Name, lang), s.IsWithdrawn)).ToList());
    }

    public static async Task<LocalizedList<SdgGoalItem>> SdgsAsync(CooperaNetDbContext db, string lang)
    {
        var goals = await db.SdgGoals.AsNoTracking().OrderBy(g => g.Number).ToListAsync();
        var targets = (await db.SdgTargets.AsNoTracking().ToListAsync()).ToLookup(t => t.GoalNumber);
        var items = goals.Select(g => new SdgGoalItem(
            g.Number,
            g.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name(g.Title, lang),
            Name(g.ShortName, lang),
            targets[g.Number].OrderBy(t => Domain.Reference.SdgTarget.SortKey(t.Code)).Select(t => new SdgTargetItem(t.Code, Name(t.Title, lang))).ToList()))
            .ToList();
        return new LocalizedList<SdgGoalItem>(lang, items);
    }


    private static Named Name(LocalizedText text, string lang)
    {
        var resolved = text.Resolve(lang);
        return new Named(resolved.Text, resolved.Language);
    }

    private static MemberStateItem ToItem(Domain.Reference.MemberState s, string lang, IReadOnlyDictionary<string, string> groups) => new(
        s.Code,
        s.Alpha3,
        s.Numeric,
        s.Name.Resolve(lang).Text,
        s.OfficialName.Resolve(lang).Text,
        s.Subregion,
        s.IsSmallIslandDevelopingState,
        s.IsLeastDevelopedCountry,
        s.Memberships.OrderBy(m => m.GroupCode).Select(m => new GroupMembershipItem(m.GroupCode, groups[m.GroupCode], m.Status)).ToList());
}
