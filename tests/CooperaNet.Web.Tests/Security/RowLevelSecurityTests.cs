using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CooperaNet.Web.Tests.Security;

/// <summary>
/// PostgreSQL's row-level security, the second wall behind the app's authorization: raw SQL as the app's
/// role (the role every test of the PostgreSQL run connects as, see <see cref="TestDatabase"/>) cannot
/// write another state's rows. On SQLite, where there is no such wall, the tests check that the step
/// does nothing and that the rules still cover every state table of the model.
/// </summary>
public sealed class RowLevelSecurityTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    /// <summary>Tables with a state column that the wall leaves alone on purpose, and why.</summary>
    private static readonly Dictionary<string, string> Unwalled = new(StringComparer.Ordinal)
    {
        ["MemberState"] = "the reference list of states itself, written only by the reference-data import",
        ["StateGroupMembership"] = "reference data (which state is in which group), written only by the import",
        ["InitiativeParticipant"] = "an initiative joins several states and one focal point records the others' participation",
        ["ApplicationUser"] = "an account (its focal point's state); people change their own profile, the secretariat the rest",
        ["Invitation"] = "sent by the secretariat, redeemed by a person who has no account yet",
        ["CampaignDelivery"] = "the secretariat's campaign mailing log, written by its jobs",
        ["PartnerOrganisation"] = "a partner works with several states; partners are the secretariat's",
    };

    private bool OnPostgres => factory.Database.OwnerConnectionString is not null;

    [Fact]
    public void Every_table_with_a_state_column_has_a_rule_or_a_stated_reason()
    {
        using var db = factory.NewDbContext();
        var walled = DatabaseSecurity.Policies(db.Model).Select(p => p.Table).ToHashSet(StringComparer.Ordinal);

        var missing = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.IsOwned())
            .Where(e => e.GetProperties().Any(p => p.ClrType == typeof(string) && (p.Name.EndsWith("State", StringComparison.Ordinal) || p.Name.EndsWith("StateCode", StringComparison.Ordinal))))
            .Where(e => !walled.Contains(e.GetTableName()!) && !Unwalled.ContainsKey(e.ClrType.Name))
            .Select(e => e.ClrType.Name)
            .ToList();

        Assert.True(missing.Count == 0, "State tables without a row-level security rule or a reason: " + string.Join(", ", missing));
        Assert.Contains(Table<CatalogEntry>(db.Model), walled);
        Assert.Contains(Table<EntryTranslation>(db.Model), walled);
    }

    [Fact]
    public async Task On_postgresql_the_app_role_owns_no_table_and_bypasses_nothing_on_sqlite_nothing_is_applied()
    {
        await using var db = factory.NewDbContext();
        if (!OnPostgres)
        {
            Assert.False((await DatabaseSecurity.ApplyAsync(db, "cooperanet_app")).Applied);
            return;
        }

        await using var connection = await OpenAsAppAsync(null, null);
        Assert.Equal(TestDatabase.AppRole, await ScalarAsync<string>(connection, "SELECT current_user"));
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user"));
        Assert.True(await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") > 50);
        Assert.False(await ScalarAsync<bool>(connection, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"));
        var walled = DatabaseSecurity.Policies(db.Model).Select(p => p.Table).Distinct().ToList();
        Assert.Equal((long)walled.Count, await ScalarAsync<long>(connection,
            $"SELECT count(*) FROM pg_class WHERE relrowsecurity AND relname IN ({string.Join(", ", walled.Select(t => "'" + t + "'"))})"));
        var history = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "DELETE FROM \"__EFMigrationsHistory\""));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, history.SqlState);
    }

    [Fact]
    public async Task On_postgresql_another_states_focal_point_can_neither_change_delete_nor_insert_a_row()
    {
        if (!OnPostgres)
        {
            await using var db = factory.NewDbContext();
            Assert.False((await DatabaseSecurity.ApplyAsync(db, null)).Applied);
            return;
        }

        var entry = await EntryBuilder.AnEntry().From("CO").TranslatedTo("en", "Rural water", "Six months").SaveAsync(factory);
        var table = Quote(Table<CatalogEntry>(factory.NewDbContext().Model));
        var translations = Quote(Table<EntryTranslation>(factory.NewDbContext().Model));

        await using (var brazil = await OpenAsAppAsync("focal-point", "BR"))
        {
            Assert.Equal(0, await ExecuteAsync(brazil, $"UPDATE {table} SET \"Institution\" = 'BR' WHERE \"Id\" = '{entry.Id}'"));
            Assert.Equal(0, await ExecuteAsync(brazil, $"UPDATE {translations} SET \"Title\" = 'BR' WHERE \"EntryId\" = '{entry.Id}'"));
            Assert.Equal(0, await ExecuteAsync(brazil, $"DELETE FROM {translations} WHERE \"EntryId\" = '{entry.Id}'"));
            Assert.Equal(0, await ExecuteAsync(brazil, $"DELETE FROM {table} WHERE \"Id\" = '{entry.Id}'"));
            var insert = await Assert.ThrowsAsync<PostgresException>(() => CopyAsync(brazil, table, entry.Id, "CO"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, insert.SqlState);
            Assert.Contains("row-level security", insert.MessageText, StringComparison.Ordinal);
            Assert.Equal(1, await CopyAsync(brazil, table, entry.Id, "BR"));
        }

        foreach (var (actor, state) in new[] { ("public", ""), ("user", ""), ("expert", ""), ("focal-point", "") })
        {
            await using var other = await OpenAsAppAsync(actor, state);
            Assert.Equal(0, await ExecuteAsync(other, $"UPDATE {table} SET \"Institution\" = 'x' WHERE \"Id\" = '{entry.Id}'"));
        }

        await using (var nobody = await OpenAsAppAsync(null, null))
        {
            Assert.Equal(0, await ExecuteAsync(nobody, $"UPDATE {table} SET \"Institution\" = 'x' WHERE \"Id\" = '{entry.Id}'"));
            Assert.Equal(1L, await ScalarAsync<long>(nobody, $"SELECT count(*) FROM {table} WHERE \"Id\" = '{entry.Id}'"));
        }

        await using (var colombia = await OpenAsAppAsync("focal-point", "CO"))
        {
            Assert.Equal(1, await ExecuteAsync(colombia, $"UPDATE {table} SET \"Institution\" = 'CO' WHERE \"Id\" = '{entry.Id}'"));
            Assert.Equal(1, await ExecuteAsync(colombia, $"UPDATE {translations} SET \"Title\" = 'CO' WHERE \"EntryId\" = '{entry.Id}' AND \"Language\" = 'en'"));
            Assert.Equal(1, await CopyAsync(colombia, table, entry.Id, "CO"));
        }

        foreach (var actor in new[] { "secretariat", "system" })
        {
            await using var connection = await OpenAsAppAsync(actor, "");
            Assert.Equal(1, await ExecuteAsync(connection, $"UPDATE {table} SET \"Institution\" = '{actor}' WHERE \"Id\" = '{entry.Id}'"));
            Assert.Equal(1, await CopyAsync(connection, table, entry.Id, "PE"));
        }

        await using (var system = await OpenAsAppAsync("system", ""))
        {
            Assert.Equal(1, await ExecuteAsync(system, $"DELETE FROM {table} WHERE \"Id\" = '{entry.Id}'"));
        }
    }

    [Fact]
    public async Task The_security_step_can_run_again_as_owner_and_leaves_the_same_policies()
    {
        await using var db = factory.NewDbContext();
        if (!OnPostgres)
        {
            Assert.Equal(new DatabaseSecurity.SecurityResult(false, 0, null), await DatabaseSecurity.ApplyAsync(db, null));
            return;
        }

        // As the app role: not the owner, so it leaves everything as it is.
        Assert.False((await DatabaseSecurity.ApplyAsync(db, null)).Applied);
        await using var owner = new PostgresCooperaNetDbContext(new DbContextOptionsBuilder<PostgresCooperaNetDbContext>()
            .UseNpgsql(factory.Database.OwnerConnectionString).Options);
        var before = await PolicyCountAsync(owner);

        var result = await DatabaseSecurity.ApplyAsync(owner, TestDatabase.AppRole);

        Assert.True(result.Applied);
        Assert.Equal(TestDatabase.AppRole, result.AppRole);
        Assert.Equal(before, await PolicyCountAsync(owner));
        Assert.Equal(DatabaseSecurity.Policies(owner.Model).Count * 4, before);
        await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSecurity.ApplyAsync(owner, "cooperanet"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSecurity.ApplyAsync(owner, "no_such_role_here"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSecurity.ApplyAsync(owner, "x; DROP TABLE y"));
    }

    private static async Task<long> PolicyCountAsync(CooperaNetDbContext db) =>
        await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM pg_policies WHERE policyname LIKE '{DatabaseSecurity.PolicyPrefix}%'").SingleAsync();

    private async Task<NpgsqlConnection> OpenAsAppAsync(string? actor, string? state)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        if (actor is not null)
        {
            await using var command = new NpgsqlCommand(DatabaseSessionInterceptor.Sql, connection);
            command.Parameters.AddWithValue("actor", actor);
            command.Parameters.AddWithValue("state", state ?? "");
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>Inserts a copy of a row under a new id, with the given state.</summary>
    private static async Task<int> CopyAsync(NpgsqlConnection connection, string table, Guid id, string state)
    {
        await ExecuteAsync(connection, $"""
            CREATE TEMP TABLE IF NOT EXISTS copy_of_entry AS SELECT * FROM {table} WITH NO DATA;
            TRUNCATE copy_of_entry;
            INSERT INTO copy_of_entry SELECT * FROM {table} WHERE "Id" = '{id}';
            UPDATE copy_of_entry SET "Id" = gen_random_uuid(), "StateCode" = '{state}';
            """);
        return await ExecuteAsync(connection, $"INSERT INTO {table} SELECT * FROM copy_of_entry");
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // Test SQL made from the model's names and ids made here.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        var batch = await command.ExecuteNonQueryAsync();
        return batch;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // Test SQL made from the model's names.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string Table<T>(IModel model) => model.FindEntityType(typeof(T))!.GetTableName()!;

    private static string Quote(string name) => "\"" + name + "\"";
}
