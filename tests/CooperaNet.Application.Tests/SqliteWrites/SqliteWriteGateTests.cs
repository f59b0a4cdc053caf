using CooperaNet.Application.Auditing;
using CooperaNet.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.SqliteWrites;

/// <summary>
/// SQLite's single writer: concurrent units of work queue in the app for their turn instead of meeting
/// "database is locked". Always on a SQLite file, whichever provider the rest of the suite uses.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-gate-").FullName;
    private ServiceProvider services = null!;
    private string connectionString = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = folder };
        connectionString = DataServiceCollectionExtensions.SqliteConnectionString(options, folder);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddCooperaNetDatabase(options, folder);
        collection.AddSingleton<ICurrentActor>(new TestActor());
        services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>().Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Many_concurrent_writers_all_succeed_and_none_sees_database_is_locked()
    {
        const int writers = 48;
        var ct = TestContext.Current.CancellationToken;

        // Three shapes of write at once: a plain SaveChanges, an explicit transaction around two
        // SaveChanges, and a bulk ExecuteUpdate, each from its own scope as requests do.
        var work = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            switch (i % 3)
            {
                case 0:
                    db.AuditEntries.Add(Entry($"save-{i}"));
                    await db.SaveChangesAsync(ct);
                    break;
                case 1:
                    await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                    {
                        db.AuditEntries.Add(Entry($"tx-{i}-a"));
                        await db.SaveChangesAsync(ct);
                        db.AuditEntries.Add(Entry($"tx-{i}-b"));
                        await db.SaveChangesAsync(ct);
                        await transaction.CommitAsync(ct);
                    }

                    break;
                default:
                    db.AuditEntries.Add(Entry($"bulk-{i}"));
                    await db.SaveChangesAsync(ct);
                    await db.AuditEntries.Where(a => a.EntityKey == $"bulk-{i}").ExecuteUpdateAsync(a => a.SetProperty(e => e.Action, "modified"), ct);
                    break;
            }
        }, ct)).ToList();

        await Task.WhenAll(work);

        await using var check = services.CreateAsyncScope();
        var rows = check.ServiceProvider.GetRequiredService<CooperaNetDbContext>().AuditEntries.AsNoTracking();
        Assert.Equal(16 + (16 * 2) + 16, await rows.CountAsync(a => a.Entity == "GateTest", ct));
        Assert.Equal(16, await rows.CountAsync(a => a.Entity == "GateTest" && a.Action == "modified", ct));
        Assert.Equal(1, SqliteWriteGate.For(connectionString).CurrentCount);
    }

    [Fact]
    public async Task The_database_is_in_wal_mode_with_synchronous_normal()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        Assert.Equal("wal", await Pragma(db, "journal_mode", ct));
        Assert.Equal(1L, await Pragma(db, "synchronous", ct));
        Assert.Equal(5000L, await Pragma(db, "busy_timeout", ct));
    }

    [Fact]
    public async Task An_explicit_transaction_holds_the_turn_until_it_ends_even_without_commit()
    {
        var ct = TestContext.Current.CancellationToken;
        var gate = SqliteWriteGate.For(connectionString);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                db.AuditEntries.Add(Entry("abandoned"));
                await db.SaveChangesAsync(ct);
                Assert.Equal(0, gate.CurrentCount);

                // Another unit of work waits for its turn meanwhile.
                var waiting = Task.Run(async () =>
                {
                    await using var other = services.CreateAsyncScope();
                    var otherDb = other.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
                    otherDb.AuditEntries.Add(Entry("after"));
                    return await otherDb.SaveChangesAsync(ct);
                }, ct);
                await Task.Delay(200, ct);
                Assert.False(waiting.IsCompleted);

                // Disposed without commit: rolled back, and the turn passes on.
                await transaction.DisposeAsync();
                Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10), ct) > 0);
            }

            Assert.Equal(1, gate.CurrentCount);
        }

        await using var check = services.CreateAsyncScope();
        var keys = await check.ServiceProvider.GetRequiredService<CooperaNetDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Entity == "GateTest").Select(a => a.EntityKey).ToListAsync(ct);
        Assert.Equal(["after"], keys);
    }

    [Fact]
    public async Task A_failed_save_releases_the_turn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            db.AuditEntries.Add(new AuditEntry { Id = 1, At = DateTimeOffset.UnixEpoch, Actor = "t", Action = "added", Entity = "GateTest", EntityKey = "one" });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.AuditEntries.Add(new AuditEntry { Id = 1, At = DateTimeOffset.UnixEpoch, Actor = "t", Action = "added", Entity = "GateTest", EntityKey = "duplicate" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }

        Assert.Equal(1, SqliteWriteGate.For(connectionString).CurrentCount);
    }

    private static AuditEntry Entry(string key) =>
        new() { At = DateTimeOffset.UnixEpoch, Actor = "test", Action = "added", Entity = "GateTest", EntityKey = key };

    private static async Task<object?> Pragma(CooperaNetDbContext db, string name, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        switch (name)
        {
            case "journal_mode":
                command.CommandText = "PRAGMA journal_mode;";
                break;
            case "synchronous":
                command.CommandText = "PRAGMA synchronous;";
                break;
            default:
                command.CommandText = "PRAGMA busy_timeout;";
                break;
        }

        return await command.ExecuteScalarAsync(ct);
    }
}
