using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Priorities;

/// <summary>Unmet demands for the priority pages, whatever the matching job pairs them with.</summary>
internal static class PriorityData
{
    /// <summary>
    /// A published demand of <paramref name="state"/> in water (14030, category 140, SDG 6), first published
    /// 120 days ago: with no agreement it is unmet, even if the matching job finds it a good offer.
    /// </summary>
    public static async Task<Guid> OldDemandAsync(CooperaNetFactory factory, string state, string title)
    {
        var entry = await AnEntry().Demand().From(state).InSector("14030").ForSdg("6").Titled(title).Published().SaveAsync(factory);
        await using var db = factory.NewDbContext();
        var publishedAt = entry.PublishedAt!.Value.AddDays(-120);
        await db.Entries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.PublishedAt, publishedAt), TestContext.Current.CancellationToken);
        return entry.Id;
    }
}
