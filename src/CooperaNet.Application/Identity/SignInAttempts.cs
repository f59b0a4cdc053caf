using CooperaNet.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CooperaNet.Application.Identity;

/// <summary>
/// How many sign-in attempts one key (a hashed client address or account, never the address or name
/// itself) has made in its current fixed window. In the database, so that every instance counts the
/// same attempts: with N instances behind the proxy an attacker does not get N times the limit.
/// </summary>
public sealed class SignInAttemptWindow
{
    /// <summary>SHA-256 (hex) of the counter's scope and value.</summary>
    public required string Key { get; init; }

    /// <summary>Start of the window, in seconds since 1970 (UTC).</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }
}

/// <summary>Fixed-window attempt counters shared by all instances through the database.</summary>
public sealed class SignInAttemptCounter(IServiceScopeFactory scopes)
{
    /// <summary>No window lasts longer than this; rows older are forgotten.</summary>
    public const long LongestWindowSeconds = 86_400;

    /// <summary>
    /// Counts one attempt for <paramref name="key"/> in the window starting at <paramref name="windowStart"/>
    /// and returns the attempts in that window, this one included. One statement (insert, or update that
    /// restarts the count when the window has moved on), so two instances counting at once lose nothing.
    /// </summary>
    public async Task<int> CountAsync(string key, long windowStart, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "SignInAttempts" ("Key", "WindowStart", "Count") VALUES ({key}, {windowStart}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "SignInAttempts"."WindowStart" = excluded."WindowStart" THEN "SignInAttempts"."Count" + 1 ELSE 1 END,
                "WindowStart" = excluded."WindowStart"
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        return counts[0];
    }

    /// <summary>Deletes the counters of windows that started before <paramref name="before"/> (seconds since 1970); returns how many.</summary>
    public async Task<int> DeleteStartedBeforeAsync(long before, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        return await db.SignInAttempts.Where(a => a.WindowStart < before).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// Deletes the counters of windows older than the longest window, every ten minutes. Harmless when
/// several instances do it at once.
/// </summary>
public sealed partial class SignInAttemptCleanup(SignInAttemptCounter counter, TimeProvider clock, ILogger<SignInAttemptCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await counter.DeleteStartedBeforeAsync(clock.GetUtcNow().ToUnixTimeSeconds() - SignInAttemptCounter.LongestWindowSeconds, stoppingToken);
                LogDeleted(logger, deleted);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} old sign-in attempt counters")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in attempt counter cleanup failed: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
