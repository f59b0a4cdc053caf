using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperaNet.Application.Matching;

/// <summary>
/// Asks for new pairs whenever an entry is created or changed, whoever changes it (API, pages,
/// command line, demo data): the request commits or rolls back with the change.
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
            .Select(e => e.Entity.Id)
            .Distinct()
            .ToList();
        context.Set<MatchingRequest>().AddRange(changed.Select(id => new MatchingRequest { EntryId = id, RequestedAt = now }));
    }
}
