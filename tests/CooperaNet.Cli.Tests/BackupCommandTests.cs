using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using CooperaNet.Application.Data;
using CooperaNet.Cli.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CooperaNet.Cli.Tests;

/// <summary>
/// <c>backup</c> then <c>restore</c> gives back every row of every table: on SQLite, or on PostgreSQL
/// when COOPERANET_TEST_POSTGRES names a server (as the other data tests, the same tests both ways).
/// </summary>
public sealed class BackupCommandTests : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-backup-test-").FullName;

    private readonly string? postgres = Environment.GetEnvironmentVariable("COOPERANET_TEST_POSTGRES");

    private readonly List<string> postgresDatabases = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Round_trip_gives_identical_tables_and_restore_refuses_junk_and_a_database_in_use_without_force()
    {
        var original = await NewDatabaseAsync();
        await FillAsync(original);
        var file = Path.Combine(folder, "cooperanet.backup");

        var backup = await RunAsync(original, ["backup", "--out", file]);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("Backed up to", backup.Out);
        var expected = await TablesAsync(original);
        Assert.Contains(expected, t => t.Key == "AspNetUsers" && t.Value.Rows == 2);
        Assert.Contains(expected, t => t.Key == "MemberStates" && t.Value.Rows == 35);

        var copy = await NewDatabaseAsync();
        var restore = await RunAsync(copy, ["restore", file]);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal(expected, await TablesAsync(copy));

        // A file that is not a backup is refused, even with --force, before anything is touched.
        var junk = Path.Combine(folder, "junk.backup");
        await File.WriteAllTextAsync(junk, "not a database, only text", Cancel);
        var junkRestore = await RunAsync(copy, ["restore", junk, "--force"]);
        Assert.Equal(1, junkRestore.ExitCode);
        Assert.StartsWith("error:", junkRestore.Error);
        Assert.Equal(expected, await TablesAsync(copy));

        // A change after the backup: a plain restore refuses to overwrite it, --force brings the backup back.
        await CreateUserAsync(original, "late@example.org");
        var refused = await RunAsync(original, ["restore", file]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.NotEqual(expected, await TablesAsync(original));

        var forced = await RunAsync(original, ["restore", file, "--force"]);
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Equal(expected, await TablesAsync(original));
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        foreach (var name in postgresDatabases)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
#pragma warning disable CA2100 // The database name is made by this test from a GUID, not taken from input.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
#pragma warning restore CA2100
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Settings of a new, empty database: a SQLite folder, or a PostgreSQL database on the test server.</summary>
    private async Task<Dictionary<string, string?>> NewDatabaseAsync()
    {
        var name = "cooperanet_backup_" + Guid.NewGuid().ToString("N")[..12];
        if (string.IsNullOrWhiteSpace(postgres))
        {
            return new()
            {
                ["CooperaNet:Database:Provider"] = DatabaseProvider.Sqlite,
                ["CooperaNet:Database:DataDirectory"] = Path.Combine(folder, name),
            };
        }

        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(Cancel);
#pragma warning disable CA2100 // The database name is made by this test from a GUID, not taken from input.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
#pragma warning restore CA2100
        await create.ExecuteNonQueryAsync(Cancel);
        postgresDatabases.Add(name);
        return new()
        {
            ["CooperaNet:Database:Provider"] = DatabaseProvider.PostgreSql,
            ["CooperaNet:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString(),
        };
    }

    /// <summary>Two accounts and a token on top of the migrated reference data.</summary>
    private static async Task FillAsync(Dictionary<string, string?> settings)
    {
        await CreateUserAsync(settings, "ana@example.org");
        await CreateUserAsync(settings, "luis@example.org");
        var token = await RunAsync(settings, ["tokens", "create", "--email", "ana@example.org", "--name", "script"]);
        Assert.True(token.ExitCode == 0, token.Error);
    }

    private static async Task CreateUserAsync(Dictionary<string, string?> settings, string email)
    {
        var result = await RunAsync(settings, ["users", "create", "--email", email, "--role", "expert", "--password-stdin"], TestCli.Password + "\n");
        Assert.True(result.ExitCode == 0, result.Error);
    }

    private static async Task<CliResult> RunAsync(Dictionary<string, string?> settings, string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, input, output, error, settings, Cancel);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Every table's row count and a SHA-256 of its rows (each row's values in column order, rows sorted).</summary>
    private static async Task<SortedDictionary<string, TableDigest>> TablesAsync(Dictionary<string, string?> settings)
    {
        DbConnection connection;
        string tablesQuery;
        if (settings["CooperaNet:Database:Provider"] == DatabaseProvider.Sqlite)
        {
            var directory = settings["CooperaNet:Database:DataDirectory"]!;
            connection = new SqliteConnection(DataServiceCollectionExtensions.SqliteConnectionString(new DatabaseOptions { DataDirectory = directory }, directory));
            tablesQuery = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        }
        else
        {
            connection = new NpgsqlConnection(settings["CooperaNet:Database:ConnectionString"]);
            tablesQuery = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
        }

        await using var _ = connection;
        await connection.OpenAsync(Cancel);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = tablesQuery;
            await using var reader = await list.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var digests = new SortedDictionary<string, TableDigest>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
#pragma warning disable CA2100 // The table names are read from the test database's own schema, not taken from input.
            select.CommandText = $"SELECT * FROM \"{table}\"";
#pragma warning restore CA2100
            await using var reader = await select.ExecuteReaderAsync(Cancel);
            var rows = new List<string>();
            while (await reader.ReadAsync(Cancel))
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join('\u001f', values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            digests[table] = new TableDigest(rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)))));
        }

        return digests;
    }

    private sealed record TableDigest(int Rows, string Sha256);
}
