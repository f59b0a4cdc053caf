using CooperaNet.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CooperaNet.Application.Idempotency;

/// <summary>What a request with an idempotency key should do.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new: run the request, then <see cref="IdempotencyStore.CompleteAsync"/>.</summary>
    Claimed,

    /// <summary>The same request finished before: answer with the stored response.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>The first request with the key has not finished.</summary>
    InProgress,

    /// <summary>The first request's change was saved, but its instance stopped before its response was stored.</summary>
    Applied,
}

/// <summary>
/// Claims, completes and forgets idempotency keys. The claim is a row insert: the primary key
/// (owner, key) lets exactly one request win, on one instance or many. Each call uses its own
/// DbContext, so nothing of it mixes with the request's own changes and transactions.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long a key and its response are kept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// A claim with no response after this long belongs to a request that died with its instance
    /// (kill -9, lost database): a retry runs the request again, unless its change was saved
    /// (<see cref="IdempotencyRecord.AppliedAt"/>), when the retry is told so.
    /// </summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(1);

    public async Task<(IdempotencyOutcome Outcome, IdempotencyRecord? Stored)> ClaimAsync(string owner, string key, string requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            var now = clock.GetUtcNow();
            var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Owner == owner && r.Key == key, cancellationToken);
            if (existing is not null)
            {
                // No response yet and younger than Abandoned: the first request may still be running somewhere.
                var running = existing.StatusCode is null && existing.CreatedAt + Abandoned > now;
                if (existing.ExpiresAt <= now || (existing.StatusCode is null && existing.AppliedAt is null && !running))
                {
                    // Conditional on the row read, so two retries cannot both remove a fresh claim.
                    await db.IdempotencyRecords.Where(r => r.Owner == owner && r.Key == key && r.CreatedAt == existing.CreatedAt && r.StatusCode == existing.StatusCode && r.AppliedAt == existing.AppliedAt)
                        .ExecuteDeleteAsync(cancellationToken);
                    continue;
                }

                if (running)
                {
                    return (IdempotencyOutcome.InProgress, null);
                }

                // Done: its response, or only its change when its instance stopped before the response was stored.
                return existing.RequestHash != requestHash ? (IdempotencyOutcome.Mismatch, null)
                    : existing.StatusCode is null ? (IdempotencyOutcome.Applied, null)
                    : (IdempotencyOutcome.Replay, existing);
            }

            db.IdempotencyRecords.Add(new IdempotencyRecord { Owner = owner, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + Lifetime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (IdempotencyOutcome.Claimed, null);
            }
            catch (DbUpdateException error) when (IsDuplicateKey(error))
            {
                // Another request claimed the key between the read and the insert: read what it stored.
            }
        }

        return (IdempotencyOutcome.InProgress, null);
    }

    /// <summary>Stores the response of a claimed request, for the retries.</summary>
    public async Task CompleteAsync(string owner, string key, int statusCode, string? headers, byte[] body, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        await db.IdempotencyRecords.Where(r => r.Owner == owner && r.Key == key && r.StatusCode == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.Headers, headers).SetProperty(r => r.Body, body), cancellationToken);
    }

    /// <summary>
    /// Forgets a claim whose request failed without an answer worth keeping, so a retry runs it again; a claim
    /// whose change was saved before the failure stays, so that a retry does not apply it twice.
    /// </summary>
    public async Task ReleaseAsync(string owner, string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        await db.IdempotencyRecords.Where(r => r.Owner == owner && r.Key == key && r.StatusCode == null && r.AppliedAt == null).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes expired keys; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        var now = clock.GetUtcNow();
        return await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private static bool IsDuplicateKey(DbUpdateException error) => error.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
