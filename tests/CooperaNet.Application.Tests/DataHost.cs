using CooperaNet.Application.Auditing;
using CooperaNet.Application.Data;
using CooperaNet.Application.Demo;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Interop;
using CooperaNet.Application.Interop.OpenData;
using CooperaNet.Application.Matching;
using CooperaNet.Application.Priorities;
using CooperaNet.Application.ReferenceData;
using CooperaNet.Application.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CooperaNet.Application.Tests;

/// <summary>The actor tests make changes as.</summary>
public sealed class TestActor : ICurrentActor
{
    public Guid? UserId { get; set; }

    public string Name { get; set; } = "test-runner";
}

/// <summary>
/// Application services over a real, fresh database: a SQLite file by default, or a new PostgreSQL
/// database when COOPERANET_TEST_POSTGRES is set (./test.sh runs the suite both ways).
/// </summary>
public sealed class DataHost : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-data-").FullName;
    private readonly string? adminConnection = Environment.GetEnvironmentVariable("COOPERANET_TEST_POSTGRES");
    private readonly string? databaseName;
    private readonly DatabaseOptions options;
    private readonly List<ServiceProvider> instances = [];

    public DataHost(DateTimeOffset? now = null)
    {
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
        options = new DatabaseOptions { DataDirectory = folder };
        if (!string.IsNullOrWhiteSpace(adminConnection))
        {
            databaseName = "cooperanet_app_" + Guid.NewGuid().ToString("N")[..12];
            using (var connection = new NpgsqlConnection(adminConnection))
            {
                connection.Open();
#pragma warning disable CA2100 // The database name is made here from a GUID, not taken from input.
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
#pragma warning restore CA2100
                create.ExecuteNonQuery();
            }

            options.Provider = DatabaseProvider.PostgreSql;
            options.ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = databaseName }.ToString();
        }

        Services = Build(matchingSettings: null);
    }

    public FakeTimeProvider Clock { get; }

    public TestActor Actor { get; } = new();

    public ServiceProvider Services { get; }

    public bool IsPostgres => databaseName is not null;

    /// <summary>
    /// Another app instance on the same database: its own services and singletons (the matching
    /// indexes, the matching job), the same clock. Disposed with the host.
    /// </summary>
    public ServiceProvider StartInstance(IReadOnlyDictionary<string, string?>? matchingSettings = null)
    {
        var instance = Build(matchingSettings);
        instances.Add(instance);
        return instance;
    }

    /// <summary>A host on a fresh database; its clock starts at <paramref name="now"/> (2 March 2026 by default).</summary>
    public static async Task<DataHost> StartAsync(DateTimeOffset? now = null)
    {
        var host = new DataHost(now);
        await host.Services.InitializeDatabaseAsync();
        return host;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<CooperaNetDbContext, Task<T>> work) =>
        InScopeAsync(sp => work(sp.GetRequiredService<CooperaNetDbContext>()));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await Services.DisposeAsync();
        if (databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(adminConnection);
            await connection.OpenAsync();
#pragma warning disable CA2100 // The database name is made here from a GUID, not taken from input.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
#pragma warning restore CA2100
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private ServiceProvider Build(IReadOnlyDictionary<string, string?>? matchingSettings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCooperaNetDatabase(options, folder);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICurrentActor>(Actor);
        services.AddScoped<ReferenceDataImporter>();
        services.AddScoped<DemoCatalogSeeder>();
        services.AddScoped<UserAdministration>();
        services.AddSemesterReports();
        services.AddMemoryCache();
        services.AddExperts();
        services.AddIdentityCore<ApplicationUser>(IdentityRules.Apply)
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<CooperaNetDbContext>()
            .AddCooperaNetPasswordRules();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection((matchingSettings ?? new Dictionary<string, string?>()).Select(s => KeyValuePair.Create($"{MatchingOptions.Section}:{s.Key}", s.Value)))
            .Build();
        services.AddCooperaNetMatching(configuration, background: true);
        services.AddPriorityAreas(configuration);
        services.AddDataExchange(configuration);
        services.AddOpenData(configuration, folder, Path.Combine(folder, "open-data"), background: false);
        return services.BuildServiceProvider();
    }
}
