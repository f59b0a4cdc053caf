// Fills a CooperaNet database with N published offers and demands (default 100,000) for the
// catalog load test. Usage: dotnet CatalogData.dll [count]
//
// The database is chosen as the web app chooses it, from CooperaNet__Database__Provider,
// CooperaNet__Database__DataDirectory (relative to the current folder) and
// CooperaNet__Database__ConnectionString. Migrations and the reference data are applied first.
// A database that already holds entries is topped up to the count, never filled twice.
//
// Entries are made by EntryWriter and moved through Submit and Publish, so their texts, sectors
// and search terms are exactly what the API would store. The DbContext here is built WITHOUT the
// AuditInterceptor: logging 100,000 inserts (and their sectors, SDGs and translations) into the
// audit table would triple the writes and is not what a reader's query ever touches.
using System.Diagnostics;
using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.ReferenceData;
using CooperaNet.Bench.CatalogData;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

const int BatchSize = 2000;
var target = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var options = new ConfigurationBuilder().AddEnvironmentVariables().Build()
    .GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

CooperaNetDbContext NewContext()
{
    if (options.Provider == DatabaseProvider.PostgreSql)
    {
        var connection = options.ConnectionString ?? throw new InvalidOperationException("CooperaNet__Database__ConnectionString is required for PostgreSql.");
        return new PostgresCooperaNetDbContext(new DbContextOptionsBuilder<PostgresCooperaNetDbContext>().UseNpgsql(connection).Options);
    }

    var file = DataServiceCollectionExtensions.SqliteConnectionString(options, Environment.CurrentDirectory);
    return new SqliteCooperaNetDbContext(new DbContextOptionsBuilder<SqliteCooperaNetDbContext>().UseSqlite(file).Options);
}

var clock = Stopwatch.StartNew();
await using var db = NewContext();
await db.Database.MigrateAsync();
await new ReferenceDataImporter(db, TimeProvider.System, NullLogger<ReferenceDataImporter>.Instance).ImportAsync();
using var cache = new MemoryCache(new MemoryCacheOptions());
var codes = await ReferenceCodes.LoadAsync(db, cache);
var states = await db.MemberStates.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync();

var existing = await db.Entries.CountAsync();
if (existing >= target)
{
    Console.WriteLine($"The database already holds {existing:N0} entries; nothing to add.");
    return;
}

if (db.Database.IsSqlite())
{
    // Throw-away benchmark data: no need to wait for the disk after each batch.
    await db.Database.OpenConnectionAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF");
    await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144");
}

db.ChangeTracker.AutoDetectChangesEnabled = false;
var random = new Random(20261127 + existing);
var factory = new EntryFactory(random, codes, states);
var end = TimeProvider.System.GetUtcNow();
var span = TimeSpan.FromDays(3 * 365);
var count = target - existing;
for (var done = 0; done < count;)
{
    var batch = Math.Min(BatchSize, count - done);
    var terms = new List<EntrySearchTerm>(batch * 80);
    for (var i = 0; i < batch; i++, done++)
    {
        // Creation times grow with the row, as they would over three years of use.
        var created = end - span + (span * (done / (double)count)) + TimeSpan.FromMinutes(random.Next(60));
        var (kind, state, input) = factory.Next(DateOnly.FromDateTime(created.UtcDateTime));
        var errors = EntryValidation.Check(input, codes, DateOnly.FromDateTime(created.UtcDateTime));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Generated an invalid entry: {string.Join(", ", errors.Select(e => $"{e.Field} {e.Code}"))}");
        }

        var entry = EntryWriter.Create(kind, state, input, codes, created, bySecretariat: false);
        var published = created + TimeSpan.FromHours(random.Next(2, 24 * 14));
        if (entry.Submit(created.AddHours(1)) is not null || entry.Publish(published < end ? published : end) is not null)
        {
            throw new InvalidOperationException("Could not publish a generated entry.");
        }

        terms.AddRange(entry.SearchTerms);
        entry.SearchTerms.Clear();
        db.Entries.Add(entry);
    }

    // One transaction per batch: the entries through EF Core, then their terms in bulk.
    await using (var transaction = await db.Database.BeginTransactionAsync())
    {
        await db.SaveChangesAsync();
        await TermWriter.WriteAsync(db, transaction, terms);
        await transaction.CommitAsync();
    }

    db.ChangeTracker.Clear();
    Console.WriteLine($"{existing + done,9:N0} entries  {clock.Elapsed.TotalSeconds,6:F1} s");
}

// The bulk-written terms must join their entries as EF Core sees them (key format included).
var sample = await db.Entries.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync();
if (!await db.EntrySearchTerms.AnyAsync(t => t.EntryId == sample))
{
    throw new InvalidOperationException("The search terms written in bulk do not match their entries.");
}

if (db.Database.IsNpgsql())
{
    // What autovacuum would have done by the time a real catalog reached this size: planner
    // statistics, and a visibility map that lets index-only scans skip the table.
    await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
}

var termCount = await db.EntrySearchTerms.CountAsync();
Console.WriteLine($"Done: {target:N0} published entries, {termCount:N0} search terms, in {clock.Elapsed.TotalSeconds:F0} s.");
