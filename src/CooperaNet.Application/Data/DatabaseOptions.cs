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
}

/// <summary>The two supported database providers.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
}
