using System.Diagnostics;
using CooperaNet.Application.Identity;
using CooperaNet.Application.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Data;

public static partial class DatabaseInitializer
{
    /// <summary>Applies pending migrations, then loads the reference data, the first drafts of the guidelines and the roles. Safe to run at every start.</summary>
    public static async Task<IReadOnlyList<DatasetImportResult>> InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        // An instance connected as the app role may not take the migrations' lock; it has nothing to apply.
        if (!await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
            || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var security = await DatabaseSecurity.ApplyAsync(db, scope.ServiceProvider.GetService<IOptions<DatabaseOptions>>()?.Value.AppRole, cancellationToken);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (security.Applied)
        {
            LogSecurity(logger, security.Tables, security.AppRole ?? "(none configured)");
        }

        var migrated = Stopwatch.GetElapsedTime(started);
        var results = await ImportAsync(scope.ServiceProvider, cancellationToken);
        await Guidelines.GuidelineSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().EnsureRolesAsync();
        await new Partners.PartnerSeeder(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()).SeedAsync(cancellationToken);
        LogReady(logger, (long)migrated.TotalMilliseconds, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return results;
    }

    /// <summary>
    /// What an app instance does with the database at start: with <paramref name="migrate"/>, everything
    /// <see cref="InitializeDatabaseAsync"/> does; without it, only a check that no migration is pending
    /// (the deployment's <c>cooperanet migrate</c> step applies them). Returns false, after logging the
    /// pending migrations, when the instance must not start.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this IServiceProvider services, bool migrate, CancellationToken cancellationToken = default)
    {
        if (migrate)
        {
            await services.InitializeDatabaseAsync(cancellationToken);
            return true;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (pending.Count > 0)
        {
            LogPending(logger, pending.Count, string.Join(", ", pending));
            return false;
        }

        LogUpToDate(logger);
        return true;
    }

    /// <summary>
    /// Two instances starting together may both find a dataset missing; the slower one then fails on a
    /// duplicate key. Its next attempt sees the other's import and skips it.
    /// </summary>
    private static async Task<IReadOnlyList<DatasetImportResult>> ImportAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await services.GetRequiredService<ReferenceDataImporter>().ImportAsync(cancellationToken: cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                services.GetRequiredService<CooperaNetDbContext>().ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Critical, "The database has {Count} pending migrations ({Migrations}) and CooperaNet:Database:MigrateOnStart is false: run `cooperanet migrate` first. Not starting")]
    private static partial void LogPending(ILogger logger, int count, string migrations);

    [LoggerMessage(LogLevel.Information, "Database schema up to date; migrations are left to `cooperanet migrate` (CooperaNet:Database:MigrateOnStart is false)")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Row-level security applied to {Tables} tables; app role {AppRole}")]
    private static partial void LogSecurity(ILogger logger, int tables, string appRole);

    [LoggerMessage(LogLevel.Information, "Database ready in {TotalMs} ms (migrations {MigrateMs} ms)")]
    private static partial void LogReady(ILogger logger, long migrateMs, long totalMs);
}
