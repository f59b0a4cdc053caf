using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CooperaNet.Application.FollowUp;

/// <summary>Tells a unique-index violation apart from other failures, on either provider.</summary>
public static class UniqueViolations
{
    private const int SqliteConstraint = 19;

    private const int SqliteConstraintUnique = 2067;

    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Caused(DbUpdateException error) => error.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
