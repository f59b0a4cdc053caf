using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperaNet.Application.Matching;

/// <summary>
/// Asks for new pairs whenever a published entry is created or changed, or an entry stops being
/// published, whoever changes it (API, pages, command line, demo data): the request commits or rolls
/// back with the change. Drafts and entries waiting for the secretariat have no pairs and are in no
/// index, so saving them asks for nothing (a focal point may save a draft many times).
/// </summary>
public sealed class MatchingQueueInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enqueue(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Enqueue(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Enqueue(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var changed = context.ChangeTracker.Entries<CatalogEntry>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Where(e => e.Entity.Status == EntryStatus.Published
                || (e.State == EntityState.Modified && e.Property(x => x.Status).OriginalValue == EntryStatus.Published))
            .Select(e => e.Entity.Id)
            .Distinct()
            .ToList();
        context.Set<MatchingRequest>().AddRange(changed.Select(id => new MatchingRequest { EntryId = id, RequestedAt = now }));
    }
}
