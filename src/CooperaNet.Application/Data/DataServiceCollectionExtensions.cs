using CooperaNet.Application.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CooperaNet.Application.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CooperaNetDbContext"/> on the configured provider. The provider is chosen
    /// here and nowhere else.
    /// </summary>
    public static IServiceCollection AddCooperaNetDatabase(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<Matching.MatchingQueueInterceptor>();
        services.AddScoped<Idempotency.IdempotencyClaim>();
        services.AddScoped<Idempotency.IdempotencyInterceptor>();
        services.AddScoped<DatabaseSessionInterceptor>();
        services.TryAddScoped<IDatabaseActorSource, SystemDatabaseActorSource>();
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            var connection = options.ConnectionString
                ?? throw new InvalidOperationException("CooperaNet:Database:ConnectionString is required for PostgreSql.");
            services.AddDbContext<CooperaNetDbContext, PostgresCooperaNetDbContext>((sp, db) => db
                .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddInterceptors(sp.GetRequiredService<DatabaseSessionInterceptor>(), sp.GetRequiredService<Matching.MatchingQueueInterceptor>(), sp.GetRequiredService<Idempotency.IdempotencyInterceptor>(), sp.GetRequiredService<AuditInterceptor>()));
        }
        else
        {
            // One writer at a time (SqliteWriteGate): WAL, synchronous=NORMAL and a busy timeout on every connection.
            var connection = SqliteConnectionString(options, contentRoot);
            services.AddScoped<SqliteWriteInterceptor>();
            services.AddDbContext<CooperaNetDbContext, SqliteCooperaNetDbContext>((sp, db) => db
                .UseSqlite(connection)
                .AddInterceptors(sp.GetRequiredService<Matching.MatchingQueueInterceptor>(), sp.GetRequiredService<Idempotency.IdempotencyInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<SqliteWriteInterceptor>()));
        }

        return services;
    }

    /// <summary>The SQLite connection string, creating the data folder when it does not exist.</summary>
    public static string SqliteConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "cooperanet.db"),
            DefaultTimeout = 30,
        }.ToString();
    }
}
