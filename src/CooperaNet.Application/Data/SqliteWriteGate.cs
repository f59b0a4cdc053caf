using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperaNet.Application.Data;

/// <summary>
/// SQLite allows one writer at a time. Instead of letting concurrent requests collide on the file lock
/// (SQLITE_BUSY, retried by sleeping), every unit of work that writes waits here for its turn, in order:
/// one process-wide lock per database file. The turn is taken by a SaveChanges, by an explicit
/// transaction (BeginTransaction, which on SQLite is BEGIN IMMEDIATE and so a write lock anyway) or by a
/// bulk statement (ExecuteUpdate, ExecuteDelete, ExecuteSql) run outside both; it is released when that
/// ends, however it ends. Another process on the same file (the command line) still meets SQLite's own
/// busy timeout, which <see cref="SqliteWriteInterceptor"/> sets on every connection.
/// </summary>
public static class SqliteWriteGate
{
    /// <summary>How long a unit of work waits for its turn before the request fails as "database busy" (503).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The lock of the database file that <paramref name="connectionString"/> opens.</summary>
    public static SemaphoreSlim For(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = string.IsNullOrEmpty(source) || source.StartsWith(':') || source.StartsWith("file:", StringComparison.Ordinal)
            ? source
            : Path.GetFullPath(source);
        return Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>The error a request gets when its turn did not come in time: SQLITE_BUSY, answered 503 like any busy database.</summary>
    internal static SqliteException Busy() =>
        new($"The database is busy: no turn to write within {Wait.TotalSeconds:0} s.", 5);
}

/// <summary>
/// The per-scope side of <see cref="SqliteWriteGate"/>, and the settings of every SQLite connection:
/// WAL journal (persistent in the file, set once per process and file), synchronous=NORMAL (in WAL mode a
/// process kill loses no committed transaction; only a power cut may lose the last ones) and a busy timeout.
/// One instance per DbContext scope; a context is used by one thread at a time, so its state needs no lock.
/// </summary>
public sealed class SqliteWriteInterceptor : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private static readonly ConcurrentDictionary<string, bool> WalSet = new(StringComparer.Ordinal);

    // Pooled connections keep their settings: each native connection is set once, not at every open.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = new();

    private SemaphoreSlim? gate;
    private bool bySave;
    private bool byTransaction;
    private bool byCommand;

    private bool Held => bySave || byTransaction || byCommand;

    // --- Connection settings ----------------------------------------------------------------------

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ReleaseTransaction();

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        // A transaction disposed without commit or rollback rolls back when its connection closes.
        ReleaseTransaction();
        return Task.CompletedTask;
    }

    private static void Configure(DbConnection connection)
    {
        var native = (connection as SqliteConnection)?.Handle;
        if (native is not null && Configured.TryGetValue(native, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        var walKey = connection.ConnectionString;
        var setWal = !WalSet.ContainsKey(walKey);
        if (setWal)
        {
            command.CommandText = "PRAGMA busy_timeout=5000;PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;";
        }
        else
        {
            command.CommandText = "PRAGMA busy_timeout=5000;PRAGMA synchronous=NORMAL;";
        }

        command.ExecuteNonQuery();
        if (setWal)
        {
            WalSet.TryAdd(walKey, true);
        }

        if (native is not null)
        {
            Configured.AddOrUpdate(native, native);
        }
    }

    // --- SaveChanges ------------------------------------------------------------------------------

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!Held)
        {
            Enter(eventData.Context);
        }

        bySave = true;
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!Held)
        {
            await EnterAsync(eventData.Context, cancellationToken);
        }

        bySave = true;
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReleaseSave();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseSave();
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ReleaseSave();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseSave();
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => ReleaseSave();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseSave();
        return Task.CompletedTask;
    }

    // --- Explicit transactions (and the one SaveChanges opens itself) ------------------------------

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!Held)
        {
            Enter(connection);
        }

        byTransaction = true;
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!Held)
        {
            await EnterAsync(connection, cancellationToken);
        }

        byTransaction = true;
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => ReleaseTransaction();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseTransaction();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ReleaseTransaction();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseTransaction();
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed start leaves no transaction behind; a failed commit or rollback ends it too.
        if (eventData.Action is "Start" or "Commit" or "Rollback")
        {
            ReleaseTransaction();
        }
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // --- Bulk statements outside SaveChanges and transactions --------------------------------------

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (!Held)
        {
            Enter(command.Connection);
            byCommand = true;
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!Held)
        {
            await EnterAsync(command.Connection, cancellationToken);
            byCommand = true;
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseCommand();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseCommand();
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseCommand();

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseCommand();
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ReleaseCommand();

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseCommand();
        return Task.CompletedTask;
    }

    /// <summary>The scope ends: whatever is still held (a transaction never ended) is released.</summary>
    public void Dispose()
    {
        bySave = byTransaction = byCommand = false;
        Exit();
    }

    // --- The lock ---------------------------------------------------------------------------------

    private void Enter(DbContext? context) => Enter(context?.Database.GetDbConnection());

    private Task EnterAsync(DbContext? context, CancellationToken cancellationToken) =>
        EnterAsync(context?.Database.GetDbConnection(), cancellationToken);

    private void Enter(DbConnection? connection)
    {
        var turn = Gate(connection);
        if (turn is not null && !turn.Wait(SqliteWriteGate.Wait))
        {
            throw SqliteWriteGate.Busy();
        }

        gate = turn;
    }

    private async Task EnterAsync(DbConnection? connection, CancellationToken cancellationToken)
    {
        var turn = Gate(connection);
        if (turn is not null && !await turn.WaitAsync(SqliteWriteGate.Wait, cancellationToken))
        {
            throw SqliteWriteGate.Busy();
        }

        gate = turn;
    }

    private static SemaphoreSlim? Gate(DbConnection? connection) =>
        connection is null ? null : SqliteWriteGate.For(connection.ConnectionString);

    private void ReleaseSave()
    {
        if (bySave)
        {
            bySave = false;
            ExitWhenFree();
        }
    }

    private void ReleaseTransaction()
    {
        if (byTransaction)
        {
            byTransaction = false;
            ExitWhenFree();
        }
    }

    private void ReleaseCommand()
    {
        if (byCommand)
        {
            byCommand = false;
            ExitWhenFree();
        }
    }

    private void ExitWhenFree()
    {
        if (!Held)
        {
            Exit();
        }
    }

    private void Exit()
    {
        var turn = gate;
        gate = null;
        turn?.Release();
    }
}
