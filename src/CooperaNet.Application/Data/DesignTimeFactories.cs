using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CooperaNet.Application.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCooperaNetDbContext>
{
    public SqliteCooperaNetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCooperaNetDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCooperaNetDbContext>
{
    public PostgresCooperaNetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCooperaNetDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
