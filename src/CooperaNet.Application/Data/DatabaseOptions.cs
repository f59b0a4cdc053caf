using System.ComponentModel.DataAnnotations;

namespace CooperaNet.Application.Data;

/// <summary>Where the data lives. Section "CooperaNet:Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "CooperaNet:Database";

    /// <summary>"Sqlite" (default, embedded) or "PostgreSql".</summary>
    [Required]
    [RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "CooperaNet:Database:Provider must be Sqlite or PostgreSql.")]
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite file (relative paths start at the application's content root).</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Connection string; for SQLite it defaults to a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether the app applies pending migrations and loads the reference data at start (the default, for a
    /// single SQLite instance). Production turns it off and runs <c>cooperanet migrate</c> as a step of the
    /// deployment; the app then refuses to start while a migration is pending.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// PostgreSQL: the role the app instances connect as, which does not own the tables (no superuser, no
    /// BYPASSRLS). When set, <c>cooperanet migrate</c> (run as the owner) grants it what the app needs; the
    /// row-level security policies bind it (docs/SECURITY.md).
    /// </summary>
    public string? AppRole { get; set; }
}

/// <summary>The two supported database providers.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
}
