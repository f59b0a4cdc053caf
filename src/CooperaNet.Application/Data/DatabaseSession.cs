using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CooperaNet.Application.Data;

/// <summary>
/// Who acts on the database, as PostgreSQL's row-level security policies see it
/// (<c>cooperanet.actor</c> and <c>cooperanet.state</c>, see <see cref="DatabaseSecurity"/>).
/// </summary>
/// <param name="Kind">One of <see cref="DatabaseActorKinds"/>.</param>
/// <param name="State">The member state a focal point speaks for (alpha-2), or empty.</param>
public sealed record DatabaseActor(string Kind, string State)
{
    public static readonly DatabaseActor System = new(DatabaseActorKinds.System, "");
}

/// <summary>The kinds of actor the policies tell apart.</summary>
public static class DatabaseActorKinds
{
    /// <summary>Work no person started: start-up, background jobs, the command line.</summary>
    public const string System = "system";

    public const string Secretariat = "secretariat";

    /// <summary>A focal point, with its member state.</summary>
    public const string FocalPoint = "focal-point";

    /// <summary>An expert (answers the assignments proposed to them).</summary>
    public const string Expert = "expert";

    /// <summary>Any other signed-in user.</summary>
    public const string User = "user";

    /// <summary>A request without a signed-in user.</summary>
    public const string Public = "public";
}

/// <summary>Tells the database who acts. Outside a request (start-up, jobs, command line) that is the system.</summary>
public interface IDatabaseActorSource
{
    DatabaseActor Current { get; }
}

/// <summary>The source for hosts without requests: always the system.</summary>
public sealed class SystemDatabaseActorSource : IDatabaseActorSource
{
    public DatabaseActor Current => DatabaseActor.System;
}

/// <summary>
/// On PostgreSQL, sets <c>cooperanet.actor</c> and <c>cooperanet.state</c> on every connection the
/// context opens: one statement, one round trip. Npgsql resets the session (DISCARD ALL) when a
/// pooled connection is handed out again, so nothing carries over from one user to the next; the
/// public and plain users, whom the policies treat as a session without an actor, therefore cost no
/// round trip. With <c>No Reset On Close</c> in the connection string the settings would carry over,
/// so then every open sets them.
/// </summary>
public sealed class DatabaseSessionInterceptor(IDatabaseActorSource actors) : DbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, bool> KeepsSessionState = new(StringComparer.Ordinal);

    public const string Sql = "SELECT set_config('cooperanet.actor', @actor, false), set_config('cooperanet.state', @state, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private NpgsqlCommand? Command(DbConnection connection)
    {
        if (connection is not NpgsqlConnection npgsql)
        {
            return null;
        }

        var actor = actors.Current;
        if (actor.Kind is DatabaseActorKinds.Public or DatabaseActorKinds.User
            && !KeepsSessionState.GetOrAdd(npgsql.ConnectionString, cs => new NpgsqlConnectionStringBuilder(cs).NoResetOnClose))
        {
            return null;
        }

        var command = new NpgsqlCommand(Sql, npgsql);
        command.Parameters.AddWithValue("actor", actor.Kind);
        command.Parameters.AddWithValue("state", actor.State);
        return command;
    }
}
