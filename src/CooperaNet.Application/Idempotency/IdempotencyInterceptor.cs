using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperaNet.Application.Idempotency;

/// <summary>
/// Marks the claimed key as applied inside the first SaveChanges of its request, so the change and the mark
/// commit together: an instance that dies after the commit and before the response is stored leaves a claim
/// that says the write was done, and a retry is answered instead of run a second time.
/// </summary>
public sealed class IdempotencyInterceptor(IdempotencyClaim claim, TimeProvider clock) : SaveChangesInterceptor
{
    private bool marked;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Mark(DbContext? context)
    {
        if (marked || context is null || claim.Owner is null || claim.Key is null || !context.ChangeTracker.HasChanges())
        {
            return;
        }

        // An update of the one column, without reading the row: the claim was committed before the request ran.
        var record = new IdempotencyRecord { Owner = claim.Owner, Key = claim.Key, RequestHash = string.Empty, AppliedAt = clock.GetUtcNow() };
        context.Attach(record).Property(r => r.AppliedAt).IsModified = true;
        marked = true;
    }
}
