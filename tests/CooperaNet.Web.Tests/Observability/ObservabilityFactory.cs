using System.Collections.Concurrent;
using System.Data.Common;
using CooperaNet.Application.Data;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CooperaNet.Web.Tests.Observability;

/// <summary>
/// The application with what the observability tests need to watch and to break: every log line it
/// writes (at the levels appsettings.json sets, as in production), a switch that makes the database
/// unreachable, a path that fails, queues counted afresh at every read and background pairing off so
/// the tests decide when a round runs.
/// </summary>
public sealed class ObservabilityFactory : CooperaNetFactory
{
    /// <summary>A path no page answers, where the app throws: the way to an unexpected error.</summary>
    public const string FailingPath = "/fr/observability-test-failure";

    public CapturedLogs Logs { get; } = new();

    public DatabaseOutage Outage { get; } = new();

    /// <summary>The application's clock.</summary>
    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CooperaNet:Telemetry:QueueReadInterval", "00:00:00");
        builder.UseSetting("CooperaNet:Matching:Enabled", "false");
        builder.UseSetting("CooperaNet:Email:PollInterval", "1.00:00:00");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteCooperaNetDbContext>((_, options) => options.AddInterceptors(Outage));
            services.ConfigureDbContext<PostgresCooperaNetDbContext>((_, options) => options.AddInterceptors(Outage));
            services.AddTransient<IStartupFilter, FailingPathFilter>();
        });
    }

    /// <summary>Appended after the app's own pipeline, so it runs only where no page or endpoint answered.</summary>
    private sealed class FailingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, after) => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("A failure the observability tests provoke.")
                : after(context));
        };
    }
}

/// <summary>Opening a connection fails while <see cref="Down"/> is set, as when the server is unreachable.</summary>
public sealed class DatabaseOutage : DbConnectionInterceptor
{
    /// <summary>What the failure says; it names a host and a password, so a response that repeats it leaks.</summary>
    public const string Failure = "Failed to connect to db.internal:5432 (Password=not-for-clients)";

    public bool Down { get; set; }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Down ? throw new InvalidOperationException(Failure) : result;

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        Down ? throw new InvalidOperationException(Failure) : ValueTask.FromResult(result);
}

/// <summary>One log line: its category, level, text, and the properties of its message and of every scope around it.</summary>
public sealed record CapturedLine(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Properties, IReadOnlyList<KeyValuePair<string, object?>> Scopes)
{
    public string? Scope(string name) => Scopes.LastOrDefault(p => p.Key == name).Value?.ToString();

    /// <summary>Everything the line carries, as a console or collector would write it.</summary>
    public string Everything() => string.Join(" | ", [Message, .. Properties.Select(p => $"{p.Key}={p.Value}"), .. Scopes.Select(p => $"{p.Key}={p.Value}")]);
}

/// <summary>A logger provider that keeps every line, with its scopes, for the tests to read.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> lines = new();

    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    // Every scope provider ever set: a second logger factory built on the same services (the host builds more
    // than one) sets its own, and a line must still find the scopes its request pushed into the first one.
    private readonly ConcurrentDictionary<IExternalScopeProvider, bool> allScopes = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<CapturedLine> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        scopes = scopeProvider;
        allScopes.TryAdd(scopeProvider, true);
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scoped = new List<KeyValuePair<string, object?>>();
            foreach (var provider in owner.allScopes.IsEmpty ? [owner.scopes] : owner.allScopes.Keys)
            {
                provider.ForEachScope(
                    (scope, list) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            list.AddRange(pairs);
                        }
                        else if (scope is not null)
                        {
                            list.Add(KeyValuePair.Create("Scope", (object?)scope.ToString()));
                        }
                    },
                    scoped);
            }

            var properties = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.lines.Enqueue(new CapturedLine(category, logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), [.. properties], scoped));
        }
    }
}
