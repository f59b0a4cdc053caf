using System.Diagnostics;
using CooperaNet.Application.Data;
using CooperaNet.Application.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Matching;

/// <summary>
/// Pairs changed entries in the background, within seconds of the change: each round brings the
/// indexes up to date, takes a batch of requests under a lease (so two instances never pair the same
/// request) and stores the pairs. A request whose instance died is taken again when its lease ends.
/// </summary>
public sealed partial class MatchingJob(
    IServiceScopeFactory scopes,
    CatalogMatcher matcher,
    IOptions<MatchingOptions> options,
    TimeProvider clock,
    PlatformTelemetry telemetry,
    ILogger<MatchingJob> logger) : BackgroundService
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim round = new(1, 1);

    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>One round; returns how many entries were paired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await round.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            await matcher.SyncAsync(db, ct);
            var claimed = await ClaimAsync(db, ct);
            if (claimed.Count == 0)
            {
                return 0;
            }

            using var activity = PlatformTelemetry.Activities.StartActivity("matching round");
            var started = Stopwatch.GetTimestamp();
            var maker = scope.ServiceProvider.GetRequiredService<PairMaker>();
            var changes = default(PairChanges);
            var entries = claimed.Select(r => r.EntryId).Distinct().ToList();
            foreach (var entryId in entries)
            {
                changes += await maker.PairAsync(entryId, ct);
                db.ChangeTracker.Clear();
            }

            var ids = claimed.Select(r => r.Id).ToList();
            await db.MatchingRequests.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            telemetry.MatchingRoundTook(elapsed);
            activity?.SetTag("cooperanet.matching.entries", entries.Count);
            LogRound(logger, entries.Count, changes.Added, changes.Updated, changes.Removed, (long)elapsed.TotalMilliseconds);
            return entries.Count;
        }
        finally
        {
            round.Release();
        }
    }

    public override void Dispose()
    {
        round.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0)
                {
                    // More may be waiting: go on without waiting for the next tick.
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRoundFailed(logger, error.GetType().Name, error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<List<MatchingRequest>> ClaimAsync(CooperaNetDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + LeaseDuration;
        var candidates = await db.MatchingRequests.AsNoTracking()
            .Where(r => r.LeasedUntil == null || r.LeasedUntil < now)
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        // The condition is checked again in the update: of two instances racing, one wins each row.
        await db.MatchingRequests
            .Where(r => candidates.Contains(r.Id) && (r.LeasedUntil == null || r.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeasedBy, InstanceId).SetProperty(r => r.LeasedUntil, until), ct);
        return await db.MatchingRequests.AsNoTracking()
            .Where(r => candidates.Contains(r.Id) && r.LeasedBy == InstanceId && r.LeasedUntil == until)
            .ToListAsync(ct);
    }

    [LoggerMessage(LogLevel.Information, "Paired {Entries} entries: {Added} pairs added, {Updated} updated, {Removed} removed in {ElapsedMs} ms")]
    private static partial void LogRound(ILogger logger, int entries, int added, int updated, int removed, long elapsedMs);

    [LoggerMessage(LogLevel.Warning, "A matching round failed ({Error}: {Message}); it is tried again on the next round")]
    private static partial void LogRoundFailed(ILogger logger, string error, string message);
}
