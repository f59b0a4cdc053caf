using CooperaNet.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteCooperaNetDbContext(new DbContextOptionsBuilder<SqliteCooperaNetDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run tools/add-migration.sh: the SQLite model changed without a migration.");
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = new PostgresCooperaNetDbContext(new DbContextOptionsBuilder<PostgresCooperaNetDbContext>().UseNpgsql("Host=localhost;Database=none").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run tools/add-migration.sh: the PostgreSQL model changed without a migration.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        using var sqlite = new SqliteCooperaNetDbContext(new DbContextOptionsBuilder<SqliteCooperaNetDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresCooperaNetDbContext(new DbContextOptionsBuilder<PostgresCooperaNetDbContext>().UseNpgsql("Host=localhost;Database=none").Options);
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
