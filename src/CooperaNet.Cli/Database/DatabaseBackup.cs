using System.Diagnostics;
using CooperaNet.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CooperaNet.Cli.Database;

/// <summary>
/// Copies the whole database to a file and back. SQLite uses its online backup API, which gives a
/// consistent copy while the app keeps writing; PostgreSQL uses pg_dump's custom format and pg_restore,
/// with the password passed in PGPASSWORD, never on a command line that <c>ps</c> shows.
/// </summary>
internal static class DatabaseBackup
{
    /// <summary>Tables whose rows mean the database is in use: accounts and the catalog.</summary>
    private static readonly string[] DataTables = ["AspNetUsers", "Entries"];

    /// <summary>
    /// Writes the backup. Takes the provider and connection string from the settings, not from a
    /// DbContext, so that no EF model is built: the copy itself is all the time it takes.
    /// </summary>
    public static async Task BackupAsync(DatabaseOptions options, string file, CancellationToken cancellationToken)
    {
        var partial = file + ".partial";
        File.Delete(partial);
        try
        {
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // A relative data folder is relative to where the command is run, as in CliHost.
                await using var source = new SqliteConnection(DataServiceCollectionExtensions.SqliteConnectionString(options, Environment.CurrentDirectory));
                await source.OpenAsync(cancellationToken);
                await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                {
                    await target.OpenAsync(cancellationToken);
                    source.BackupDatabase(target);
                }

                // The copy is a single self-contained file: no -wal beside it to lose.
                await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
                await copy.OpenAsync(cancellationToken);
                await using var journal = copy.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE;";
                await journal.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                await PostgresToolAsync("pg_dump", options.ConnectionString, ["--format=custom", "--no-owner", "--file", partial], cancellationToken);
            }

            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static async Task RestoreAsync(CooperaNetDbContext db, string file, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await source.OpenAsync(cancellationToken);
            await CheckSqliteBackupAsync(source, cancellationToken);
            await using var target = new SqliteConnection(db.Database.GetConnectionString());
            await target.OpenAsync(cancellationToken);
            // The backup API replaces every page of the target in one step, under its lock: other
            // connections see the old database or the restored one, never a mixture.
            source.BackupDatabase(target);
            SqliteConnection.ClearAllPools();
        }
        else
        {
            await PostgresToolAsync("pg_restore", db.Database.GetConnectionString(), ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", file], cancellationToken);
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>True when the database holds accounts or catalog entries; false when it is new, empty or not created yet.</summary>
    public static async Task<bool> HasDataAsync(CooperaNetDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return false;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in DataTables)
            {
                await using var exists = connection.CreateCommand();
                if (db.Database.IsSqlite())
                {
                    exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table";
                }
                else
                {
                    exists.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table";
                }
                var name = exists.CreateParameter();
                name.ParameterName = "@table";
                name.Value = table;
                exists.Parameters.Add(name);
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    continue;
                }

                await using var rows = connection.CreateCommand();
#pragma warning disable CA2100 // The table name comes from this class's constant list and was just found in the schema; never from input.
                rows.CommandText = $"SELECT 1 FROM \"{table}\" LIMIT 1";
#pragma warning restore CA2100
                if (await rows.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Refuses a file that is not a sound SQLite database made by CooperaNet before anything is overwritten.</summary>
    private static async Task CheckSqliteBackupAsync(SqliteConnection source, CancellationToken cancellationToken)
    {
        await using var check = source.CreateCommand();
        check.CommandText = "PRAGMA quick_check;";
        string? result;
        try
        {
            result = await check.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"the file is not a SQLite database ({ex.Message}).", ex);
        }

        if (result != "ok")
        {
            throw new InvalidDataException($"the file is damaged: {result}");
        }

        await using var history = source.CreateCommand();
        history.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (Convert.ToInt64(await history.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new InvalidDataException("the file is not a CooperaNet backup (no migrations history).");
        }
    }

    /// <summary>Runs pg_dump or pg_restore against the database of <paramref name="connectionString"/>; the password goes through the environment.</summary>
    private static async Task PostgresToolAsync(string tool, string? connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindTool(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add("--host=" + (connection.Host ?? "localhost"));
        start.ArgumentList.Add("--port=" + connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(connection.Username))
        {
            start.ArgumentList.Add("--username=" + connection.Username);
        }

        start.ArgumentList.Add("--dbname=" + connection.Database);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        if (connection.SslMode != SslMode.Prefer)
        {
            start.Environment["PGSSLMODE"] = connection.SslMode.ToString().ToLowerInvariant() switch
            {
                "verifyca" => "verify-ca",
                "verifyfull" => "verify-full",
                var mode => mode,
            };
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }

    /// <summary>The tool on PATH, else the newest one of Debian's PostgreSQL packages.</summary>
    private static string FindTool(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        var packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(folder => Path.Combine(folder, "bin", tool))
                .Where(File.Exists)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
        return packaged ?? throw new InvalidOperationException($"{tool} was not found: install the PostgreSQL client tools (postgresql-client).");
    }
}
