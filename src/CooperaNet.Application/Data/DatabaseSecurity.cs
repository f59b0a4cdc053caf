using System.Text;
using System.Text.RegularExpressions;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.Experiences;
using CooperaNet.Domain.Experts;
using CooperaNet.Domain.FollowUp;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CooperaNet.Application.Data;

/// <summary>
/// PostgreSQL's row-level security as a second wall behind the app's own authorization: a row that
/// belongs to a member state is written (inserted, changed, deleted) only when the acting focal point
/// speaks for that state, or the actor is the secretariat or the system. Reads are not restricted here.
/// The wall holds for the app's database role (<see cref="DatabaseOptions.AppRole"/>), which does not
/// own the tables; the owner, which runs the migrations, is not subject to it. Applied by
/// <c>cooperanet migrate</c> (and the start-up migration) after the EF migrations, every time, from
/// the model: nothing here is a migration, so SQLite has nothing of it.
/// </summary>
public static partial class DatabaseSecurity
{
    /// <summary>The function the policies call: may the session's actor write a row of this state?</summary>
    public const string MayWriteFunction = "cooperanet_may_write";

    /// <summary>Every policy this step creates starts with this, so that it can drop them again.</summary>
    public const string PolicyPrefix = "cooperanet_";

    /// <summary>The tables whose rows belong to a member state, and the rule of each.</summary>
    public static IReadOnlyList<StateRule> Rules { get; } =
    [
        new(typeof(CatalogEntry), [nameof(CatalogEntry.StateCode)],
            Children: [typeof(EntryTranslation), typeof(EntrySector), typeof(EntrySdg), typeof(EntrySearchTerm), typeof(EntryAttachment)]),
        new(typeof(Experience), [nameof(Experience.StateCode)], NullIsOpen: true,
            Children: [typeof(ExperienceTranslation), typeof(ExperienceState), typeof(ExperienceSector), typeof(ExperienceSdg), typeof(ExperienceImage), typeof(ExperienceAttachment)]),
        new(typeof(Pair), [nameof(Pair.OfferState), nameof(Pair.DemandState)]),
        new(typeof(ExpertAssignment), [nameof(ExpertAssignment.ReceivingState)], AlsoActors: [DatabaseActorKinds.Expert]),
        new(typeof(FollowUpEntry), [nameof(FollowUpEntry.StateCode)]),
        new(typeof(SessionInvitee), [nameof(SessionInvitee.StateCode)]),
        new(typeof(WorkingGroupMember), [nameof(WorkingGroupMember.StateCode)]),
    ];

    /// <summary>One policy set: the table, its state columns, and the tables of its parts that follow it.</summary>
    /// <param name="NullIsOpen">A row without a state (an expert's or a partner's experience) is not a state's row.</param>
    /// <param name="AlsoActors">Other actor kinds the app lets write these rows (it checks which ones itself).</param>
    public sealed record StateRule(Type Entity, IReadOnlyList<string> StateProperties, bool NullIsOpen = false,
        IReadOnlyList<Type>? Children = null, IReadOnlyList<string>? AlsoActors = null);

    /// <summary>A table with its write condition, as SQL.</summary>
    public sealed record TablePolicy(string Table, string Condition);

    /// <summary>What <see cref="ApplyAsync"/> did.</summary>
    public sealed record SecurityResult(bool Applied, int Tables, string? AppRole);

    /// <summary>The tables and conditions, read from the model (table and column names as the migrations made them).</summary>
    public static IReadOnlyList<TablePolicy> Policies(IModel model)
    {
        var policies = new List<TablePolicy>();
        foreach (var rule in Rules)
        {
            var entity = model.FindEntityType(rule.Entity) ?? throw new InvalidOperationException($"{rule.Entity.Name} is not in the model.");
            var table = entity.GetTableName()!;
            policies.Add(new(table, Condition(entity, rule, Quote(table))));
            foreach (var childType in rule.Children ?? [])
            {
                var child = model.FindEntityType(childType) ?? throw new InvalidOperationException($"{childType.Name} is not in the model.");
                var childTable = child.GetTableName()!;
                var key = child.GetForeignKeys().Single(fk => fk.PrincipalEntityType == entity);
                var join = string.Join(" AND ", key.Properties.Zip(key.PrincipalKey.Properties,
                    (c, p) => $"p.{Quote(Column(p))} = {Quote(childTable)}.{Quote(Column(c))}"));
                policies.Add(new(childTable, $"EXISTS (SELECT 1 FROM {Quote(table)} p WHERE {join} AND {Condition(entity, rule, "p")})"));
            }
        }

        return policies;
    }

    /// <summary>
    /// Creates (again) the function and the policies, enables row-level security on their tables and, with
    /// <paramref name="appRole"/>, grants that role what the app needs. Does nothing on SQLite, and nothing
    /// when the connection's role neither owns the tables nor is a superuser (an instance connected as the
    /// app role: the owner's <c>cooperanet migrate</c> did it).
    /// </summary>
    public static async Task<SecurityResult> ApplyAsync(CooperaNetDbContext db, string? appRole, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return new(false, 0, null);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            if (!await MayAlterAsync(connection, ct))
            {
                return new(false, 0, null);
            }

            if (!string.IsNullOrWhiteSpace(appRole))
            {
                await CheckAppRoleAsync(connection, appRole, ct);
            }

            var policies = Policies(db.Model);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var sql = new StringBuilder();
            // Two instances migrating at once take turns here.
            sql.AppendLine("SELECT pg_advisory_xact_lock(7235119);");
            sql.AppendLine($"""
                CREATE OR REPLACE FUNCTION {MayWriteFunction}(state text) RETURNS boolean LANGUAGE sql STABLE AS $fn$
                  SELECT coalesce(current_setting('cooperanet.actor', true), '') IN ('{DatabaseActorKinds.Secretariat}', '{DatabaseActorKinds.System}')
                      OR (current_setting('cooperanet.actor', true) = '{DatabaseActorKinds.FocalPoint}'
                          AND coalesce(current_setting('cooperanet.state', true), '') <> ''
                          AND state = current_setting('cooperanet.state', true))
                $fn$;
                """);
            foreach (var table in policies.Select(p => p.Table).Distinct())
            {
                sql.AppendLine($"""
                    DO $do$ DECLARE p record; BEGIN
                      FOR p IN SELECT policyname FROM pg_policies WHERE schemaname = current_schema() AND tablename = '{table}' AND policyname LIKE '{PolicyPrefix}%' LOOP
                        EXECUTE format('DROP POLICY %I ON %I', p.policyname, '{table}');
                      END LOOP;
                    END $do$;
                    """);
            }

            foreach (var policy in policies)
            {
                var t = Quote(policy.Table);
                sql.AppendLine($"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY;");
                sql.AppendLine($"CREATE POLICY {PolicyPrefix}read ON {t} FOR SELECT USING (true);");
                sql.AppendLine($"CREATE POLICY {PolicyPrefix}insert ON {t} FOR INSERT WITH CHECK ({policy.Condition});");
                sql.AppendLine($"CREATE POLICY {PolicyPrefix}update ON {t} FOR UPDATE USING ({policy.Condition}) WITH CHECK ({policy.Condition});");
                sql.AppendLine($"CREATE POLICY {PolicyPrefix}delete ON {t} FOR DELETE USING ({policy.Condition});");
            }

            if (!string.IsNullOrWhiteSpace(appRole))
            {
                var role = Quote(appRole);
                sql.AppendLine($"""
                    DO $do$ BEGIN
                      EXECUTE format('GRANT USAGE ON SCHEMA %I TO {role}', current_schema());
                      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO {role}', current_schema());
                      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO {role}', current_schema());
                    END $do$;
                    REVOKE ALL ON "__EFMigrationsHistory" FROM {role};
                    GRANT SELECT ON "__EFMigrationsHistory" TO {role};
                    """);
            }

#pragma warning disable CA2100 // Built from the model's own table and column names and a checked role name.
            await using (var command = new NpgsqlCommand(sql.ToString(), connection, transaction))
#pragma warning restore CA2100
            {
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return new(true, policies.Count, string.IsNullOrWhiteSpace(appRole) ? null : appRole);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<bool> MayAlterAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce((SELECT tableowner = current_user FROM pg_tables WHERE schemaname = current_schema() AND tablename = '__EFMigrationsHistory'), false)
                OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            """, connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task CheckAppRoleAsync(NpgsqlConnection connection, string appRole, CancellationToken ct)
    {
        if (!RoleName().IsMatch(appRole))
        {
            throw new InvalidOperationException($"CooperaNet:Database:AppRole \"{appRole}\" is not a plain role name (lower-case letters, digits, underscores).");
        }

        await using var command = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls, rolname = current_user FROM pg_roles WHERE rolname = @role", connection);
        command.Parameters.AddWithValue("role", appRole);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException($"The database role \"{appRole}\" (CooperaNet:Database:AppRole) does not exist: create it (LOGIN, no SUPERUSER, no BYPASSRLS) before `cooperanet migrate`.");
        }

        if (reader.GetBoolean(0) || reader.GetBoolean(1))
        {
            throw new InvalidOperationException($"The database role \"{appRole}\" (CooperaNet:Database:AppRole) must not be a superuser, bypass row-level security or be the role that owns the tables.");
        }
    }

    private static string Condition(IEntityType entity, StateRule rule, string alias)
    {
        var parts = new List<string>();
        foreach (var property in rule.StateProperties)
        {
            var column = $"{alias}.{Quote(Column(entity.FindProperty(property)!))}";
            parts.Add($"{MayWriteFunction}({column})");
            if (rule.NullIsOpen)
            {
                parts.Add($"{column} IS NULL");
            }
        }

        foreach (var actor in rule.AlsoActors ?? [])
        {
            parts.Add($"current_setting('cooperanet.actor', true) = '{actor}'");
        }

        return "(" + string.Join(" OR ", parts) + ")";
    }

    private static string Column(IProperty property) =>
        property.GetColumnName(StoreObjectIdentifier.Table(property.DeclaringType.GetTableName()!, property.DeclaringType.GetSchema()))!;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
