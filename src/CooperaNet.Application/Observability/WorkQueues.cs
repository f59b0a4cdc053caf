using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Observability;

/// <summary>What the background jobs have waiting, counted at <see cref="ReadAt"/>.</summary>
/// <param name="MatchingRequests">Rows in MatchingRequests: entries changed and not paired yet.</param>
/// <param name="OldestMatchingRequest">When the oldest of them was queued; null when none waits.</param>
/// <param name="OutboxMessages">E-mails not sent yet that will still be tried.</param>
/// <param name="OldestOutboxMessage">When the oldest of them was queued; null when none waits.</param>
/// <param name="ReadAt">When the database was read.</param>
public sealed record WorkQueueSnapshot(
    int MatchingRequests,
    DateTimeOffset? OldestMatchingRequest,
    int OutboxMessages,
    DateTimeOffset? OldestOutboxMessage,
    DateTimeOffset ReadAt)
{
    /// <summary>How long the oldest matching request had waited when read; zero when none waits.</summary>
    public TimeSpan MatchingWait => OldestMatchingRequest is { } at ? ReadAt - at : TimeSpan.Zero;

    /// <summary>How long the oldest unsent e-mail had waited when read; zero when none waits.</summary>
    public TimeSpan OutboxWait => OldestOutboxMessage is { } at ? ReadAt - at : TimeSpan.Zero;
}

/// <summary>
/// Counts the work queues for the gauges and the readiness check. One read (two counts, two
/// indexed lookups) is shared for <see cref="TelemetryOptions.QueueReadInterval"/>, however many
/// scrapes and probes ask.
/// </summary>
public sealed class WorkQueues(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TelemetryOptions> options) : IDisposable
{
    private readonly SemaphoreSlim reading = new(1, 1);

    private WorkQueueSnapshot? last;

    /// <summary>The latest count, read again when older than the interval.</summary>
    public async Task<WorkQueueSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(Volatile.Read(ref last)) is { } cached)
        {
            return cached;
        }

        await reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(last) is { } readMeanwhile)
            {
                return readMeanwhile;
            }

            var snapshot = await CountAsync(cancellationToken);
            Volatile.Write(ref last, snapshot);
            return snapshot;
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>
    /// For the gauges, whose callbacks are synchronous and run on the metrics reader's own thread
    /// (no synchronization context, so waiting cannot deadlock). Null when the database cannot be
    /// read: the gauges then report nothing rather than a false zero.
    /// </summary>
    public WorkQueueSnapshot? TryRead()
    {
        try
        {
            return ReadAsync().GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => reading.Dispose();

    private WorkQueueSnapshot? Fresh(WorkQueueSnapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.ReadAt < options.Value.QueueReadInterval ? snapshot : null;

    private async Task<WorkQueueSnapshot> CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        var now = clock.GetUtcNow();
        var requests = db.MatchingRequests.AsNoTracking();
        var matching = await requests.CountAsync(cancellationToken);
        // Ids grow with time: the lowest is the oldest, found through the primary key.
        var oldestMatching = matching == 0 ? null : await requests.OrderBy(r => r.Id).Select(r => (DateTimeOffset?)r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        // Messages that used up their attempts are given up, not waiting (LastError says why).
        var unsent = db.Outbox.AsNoTracking().Where(m => m.SentAt == null && m.Attempts < OutboxDispatcher.MaxAttempts);
        var outbox = await unsent.CountAsync(cancellationToken);
        var oldestOutbox = outbox == 0 ? null : await unsent.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new WorkQueueSnapshot(matching, oldestMatching, outbox, oldestOutbox, now);
    }
}
