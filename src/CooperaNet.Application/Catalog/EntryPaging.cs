using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Catalog;

/// <summary>
/// The ids of one page of results and their total. A text search usually matches a few hundred or
/// a few thousand entries: one query then fetches all their ids in order and the total and the page
/// are cut from that list, where COUNT followed by a page query would make the database find the
/// same matches twice. Broader lists, and searches that turn out broad, use COUNT and a page.
/// </summary>
internal static class EntryPaging
{
    public const int SinglePassLimit = 5000;

    public static async Task<(List<Guid> Ids, int Total)> IdsAndTotalAsync(
        IQueryable<CatalogEntry> filtered, IQueryable<CatalogEntry> ordered, bool narrow, int skip, int take, CancellationToken cancellationToken)
    {
        if (narrow)
        {
            var all = await ordered.Select(e => e.Id).Take(SinglePassLimit + 1).ToListAsync(cancellationToken);
            if (all.Count <= SinglePassLimit)
            {
                return (all.Skip(skip).Take(take).ToList(), all.Count);
            }
        }

        var total = await filtered.CountAsync(cancellationToken);
        var ids = await ordered.Skip(skip).Take(take).Select(e => e.Id).ToListAsync(cancellationToken);
        return (ids, total);
    }
}
