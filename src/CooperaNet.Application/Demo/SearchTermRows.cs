using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CooperaNet.Application.Demo;

/// <summary>
/// Writes search terms with multi-row INSERTs in the context's transaction. The demo catalog has some
/// 40,000 of them; through the change tracker they took most of the seeding time, and the audit log
/// skips them anyway. Table and column names come from the model, and values go as parameters typed by
/// the provider's own mappings (a Guid is TEXT on SQLite, uuid on PostgreSQL). One prepared command
/// serves every full chunk.
/// </summary>
internal static class SearchTermRows
{
    /// <summary>1,000 parameters a statement: under the limits of SQLite and PostgreSQL.</summary>
    private const int RowsPerStatement = 500;

    public static async Task InsertAsync(CooperaNetDbContext db, IReadOnlyCollection<EntrySearchTerm> terms, CancellationToken cancellationToken)
    {
        var columns = Columns.Of(db);
        DbCommand? command = null;
        try
        {
            foreach (var chunk in terms.Chunk(RowsPerStatement))
            {
                if (command?.Parameters.Count != 2 * chunk.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = columns.Command(db, chunk.Length);
                }

                for (var i = 0; i < chunk.Length; i++)
                {
                    command.Parameters[2 * i].Value = chunk[i].Term;
                    command.Parameters[(2 * i) + 1].Value = chunk[i].EntryId;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private sealed record Columns(string Insert, RelationalTypeMapping Term, RelationalTypeMapping EntryId, ISqlGenerationHelper Sql)
    {
        public static Columns Of(CooperaNetDbContext db)
        {
            var type = db.Model.FindEntityType(typeof(EntrySearchTerm))!;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var term = type.FindProperty(nameof(EntrySearchTerm.Term))!;
            var entry = type.FindProperty(nameof(EntrySearchTerm.EntryId))!;
            var sql = db.GetService<ISqlGenerationHelper>();
            var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({sql.DelimitIdentifier(term.GetColumnName(table)!)}, {sql.DelimitIdentifier(entry.GetColumnName(table)!)}) VALUES ";
            return new Columns(insert, (RelationalTypeMapping)term.GetTypeMapping(), (RelationalTypeMapping)entry.GetTypeMapping(), sql);
        }

        /// <summary>An INSERT of <paramref name="rows"/> rows whose parameters carry the column types; values are set per chunk.</summary>
        [SuppressMessage("Security", "CA2100", Justification = "Only identifiers from the model and parameter names are concatenated; every value is a parameter.")]
        public DbCommand Command(CooperaNetDbContext db, int rows)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var values = new List<string>(rows);
            for (var i = 0; i < rows; i++)
            {
                var term = Sql.GenerateParameterName("t" + i);
                var entry = Sql.GenerateParameterName("e" + i);
                command.Parameters.Add(Term.CreateParameter(command, term, string.Empty));
                command.Parameters.Add(EntryId.CreateParameter(command, entry, Guid.Empty));
                values.Add($"({Sql.GenerateParameterNamePlaceholder("t" + i)}, {Sql.GenerateParameterNamePlaceholder("e" + i)})");
            }

            command.CommandText = Insert + string.Join(", ", values);
            return command;
        }
    }
}
