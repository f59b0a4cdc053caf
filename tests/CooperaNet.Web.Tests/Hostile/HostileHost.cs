using System.Collections.Concurrent;
using System.Data.Common;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CooperaNet.Web.Tests.Hostile;

/// <summary>
/// The application with every log line at warning level or above kept in memory, so a test can prove
/// that no request ended in an unhandled exception, and a fingerprint of the whole database, so it can
/// prove that a refused request wrote nothing.
/// </summary>
public sealed class HostileHost : CooperaNetFactory
{
    private readonly SemaphoreSlim signingIn = new(1, 1);
    private readonly Dictionary<string, AccountClient> browsers = [];

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));

        // The application's own background workers (matching queue, outbox, reminders) would change tables
        // between a request and the check after it; without them, only requests write.
        builder.ConfigureServices(services =>
        {
            foreach (var worker in services.Where(s => s.ServiceType == typeof(IHostedService) && (s.ImplementationType ?? s.ImplementationFactory?.Method.DeclaringType)?.Namespace?.StartsWith("CooperaNet", StringComparison.Ordinal) == true).ToList())
            {
                services.Remove(worker);
            }
        });
    }

    /// <summary>A browser signed in with <paramref name="role"/> (Colombia's for a focal point), or anonymous; one per role for the class.</summary>
    public async Task<AccountClient> BrowserAsync(string? role)
    {
        await signingIn.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var key = role ?? "anonymous";
            if (!browsers.TryGetValue(key, out var browser))
            {
                browser = role is null
                    ? AccountClient.For(this)
                    : await Sessions.SignedInAsync(this, role, role == Roles.FocalPoint ? "CO" : null);
                browsers[key] = browser;
            }

            return browser;
        }
        finally
        {
            signingIn.Release();
        }
    }

    /// <summary>An API client with a personal token of a new user of <paramref name="role"/> (Colombia's for a focal point; the secretariat's with its second factor on).</summary>
    public async Task<HttpClient> TokenClientAsync(string role)
    {
        var user = await CreateUserAsync($"{role}-{Guid.NewGuid():N}@example.org", role, role == Roles.FocalPoint ? "CO" : null);
        await using (var db = NewDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, role == Roles.Secretariat), TestContext.Current.CancellationToken);
        }

        var token = await WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateTokenAsync(user.Id, "tests"));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    /// <summary>The newest audit record and the number of rows of every table: equal before and after means nothing was written.</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var db = NewDbContext();
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null && t.GetSqlQuery() is null)
            .Select(t => t.GetTableName()!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using DbCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the EF model, not from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        var counts = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                counts.Add($"{reader.GetString(0)}={reader.GetInt64(1)}");
            }
        }

        var audit = await db.Set<AuditEntry>().MaxAsync(a => (long?)a.Id, TestContext.Current.CancellationToken) ?? 0;
        return $"audit={audit}; " + string.Join(", ", counts);
    }

    public override async ValueTask DisposeAsync()
    {
        signingIn.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>Keeps every log line at warning level or above, with its exception.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> errors = new();

    /// <summary>The lines at error level or above, and any line that carries an exception.</summary>
    public IReadOnlyCollection<string> Errors => errors;

    public long Count => errors.Count;

    /// <summary>The lines added after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<string> Since(long skip) => [.. errors.Skip((int)skip)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, errors);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error || exception is not null)
            {
                errors.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
