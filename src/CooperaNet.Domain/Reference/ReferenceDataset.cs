namespace CooperaNet.Domain.Reference;

/// <summary>
/// The version of one reference dataset loaded into the database. The importer compares the
/// content hash and re-imports only when the shipped data changed.
/// </summary>
public sealed class ReferenceDataset
{
    /// <summary>Dataset name, the key ("member-states", "sectors"...).</summary>
    public required string Name { get; init; }

    /// <summary>Incremented at each import that changed the data.</summary>
    public int Version { get; set; }

    /// <summary>SHA-256 of the shipped source files.</summary>
    public required string ContentHash { get; set; }

    /// <summary>When the current version was imported.</summary>
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Number of records the dataset holds.</summary>
    public int RecordCount { get; set; }
}
