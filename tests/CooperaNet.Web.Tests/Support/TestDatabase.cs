using Npgsql;

namespace CooperaNet.Web.Tests.Support;

/// <summary>
/// A fresh, empty database for one test host. SQLite by default (a file in a temporary folder);
/// PostgreSQL when COOPERANET_TEST_POSTGRES holds a connection string to a server where the role
/// may create databases (./test.sh starts one and sets it).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "COOPERANET_TEST_POSTGRES";

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
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = Name }.ToString();
    }

    public string Provider { get; }

    public string Folder { get; }

    public string? Name { get; }

    /// <summary>PostgreSQL connection string; null for SQLite (the app puts its file in <see cref="Folder"/>).</summary>
    public string? ConnectionString { get; }

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
