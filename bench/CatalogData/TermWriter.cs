using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CooperaNet.Bench.CatalogData;

/// <summary>
/// Writes search-term rows in bulk: a prepared INSERT on SQLite, binary COPY on PostgreSQL. The terms
/// are the ones EntryIndexer computed; only the way they reach the table differs from the app, because
/// 100,000 entries carry some six million of them and SaveChanges would spend minutes on those alone.
/// </summary>
internal static class TermWriter
{
    public static async Task WriteAsync(CooperaNetDbContext db, IDbContextTransaction transaction, IReadOnlyList<EntrySearchTerm> terms)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync("""COPY "EntrySearchTerms" ("Term", "EntryId") FROM STDIN (FORMAT BINARY)""");
            foreach (var term in terms)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(term.Term, NpgsqlDbType.Varchar);
                await copy.WriteAsync(term.EntryId, NpgsqlDbType.Uuid);
            }

            await copy.CompleteAsync();
            return;
        }

        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        await using var insert = sqlite.CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        insert.CommandText = """INSERT INTO "EntrySearchTerms" ("Term", "EntryId") VALUES ($term, $entry)""";
        var termParameter = insert.Parameters.Add("$term", SqliteType.Text);
        var entryParameter = insert.Parameters.Add("$entry", SqliteType.Text);
        insert.Prepare();
        foreach (var term in terms)
        {
            termParameter.Value = term.Term;
            // EF Core stores a Guid on SQLite as upper-case text.
            entryParameter.Value = term.EntryId.ToString().ToUpperInvariant();
            await insert.ExecuteNonQueryAsync();
        }
    }
}
