using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CooperaNet.Application.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every hour. Harmless when several instances do it at once:
/// each deletes what is expired, and a row deleted twice is deleted once.
/// </summary>
public sealed partial class IdempotencyCleanup(IdempotencyStore store, TimeProvider clock, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await store.DeleteExpiredAsync(stoppingToken);
                LogDeleted(logger, deleted);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} expired idempotency keys")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key cleanup failed: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
