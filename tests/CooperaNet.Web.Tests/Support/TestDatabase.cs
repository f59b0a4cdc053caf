using CooperaNet.Application.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CooperaNet.Web.Tests.Support;

/// <summary>
/// A fresh, empty database for one test host. SQLite by default (a file in a temporary folder);
/// PostgreSQL when COOPERANET_TEST_POSTGRES holds a connection string to a server where the role
/// may create databases (./test.sh starts one and sets it). On PostgreSQL the database is migrated by
/// that role, its owner, as <c>cooperanet migrate</c> does (row-level security included), and the app
/// connects as <see cref="AppRole"/>, which does not own the tables: every test runs behind that wall.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "COOPERANET_TEST_POSTGRES";

    /// <summary>The app's role on the test server (trust authentication: no password).</summary>
    public const string AppRole = "cooperanet_test_app";

    private readonly string? adminConnection;

    public TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("cooperanet-test-").FullName;
        adminConnection = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(adminConnection))
        {
            Provider = "Sqlite";
            return;
        }

        Provider = "PostgreSql";
        Name = "cooperanet_test_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(adminConnection);
        connection.Open();
#pragma warning disable CA2100 // The database name is made here from a GUID, not taken from input.
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
#pragma warning restore CA2100
        create.ExecuteNonQuery();
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = Name }.ToString();
        CreateAppRole(connection);
        MigrateAsOwner(OwnerConnectionString);
        ConnectionString = new NpgsqlConnectionStringBuilder(OwnerConnectionString) { Username = AppRole }.ToString();
    }

    public string Provider { get; }

    public string Folder { get; }

    public string? Name { get; }

    /// <summary>PostgreSQL connection string; null for SQLite (the app puts its file in <see cref="Folder"/>).</summary>
    public string? ConnectionString { get; }

    /// <summary>PostgreSQL: the connection string of the role that owns the tables (null for SQLite).</summary>
    public string? OwnerConnectionString { get; }

    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("CooperaNet:Database:Provider", Provider);
        yield return new("CooperaNet:Database:DataDirectory", Folder);
        yield return new("CooperaNet:Email:PickupDirectory", Path.Combine(Folder, "mail"));
        yield return new("CooperaNet:OpenData:Background", "false");
        if (ConnectionString is not null)
        {
            yield return new("CooperaNet:Database:ConnectionString", ConnectionString);
        }
    }

    private static void CreateAppRole(NpgsqlConnection connection)
    {
        using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_roles WHERE rolname = '{AppRole}'", connection);
        if ((long)exists.ExecuteScalar()! > 0)
        {
            return;
        }

        try
        {
            using var create = new NpgsqlCommand($"CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE", connection);
            create.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            // Another test class created it at the same moment.
        }
    }

    private static void MigrateAsOwner(string ownerConnection)
    {
        using var db = new PostgresCooperaNetDbContext(new DbContextOptionsBuilder<PostgresCooperaNetDbContext>()
            .UseNpgsql(ownerConnection, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory")).Options);
        db.Database.Migrate();
        DatabaseSecurity.ApplyAsync(db, AppRole).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (Name is not null && adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(adminConnection);
            connection.Open();
#pragma warning disable CA2100 // The database name is made here from a GUID, not taken from input.
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
#pragma warning restore CA2100
            drop.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the temp folder is cleaned by the OS.
        }
    }
}
