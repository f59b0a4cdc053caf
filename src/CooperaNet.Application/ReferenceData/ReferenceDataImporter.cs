using CooperaNet.Application.Data;
using CooperaNet.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CooperaNet.Application.ReferenceData;

/// <summary>What one dataset import did.</summary>
public sealed record DatasetImportResult(string Dataset, bool Changed, int Version, int Records);

/// <summary>
/// Loads the shipped reference data (member states, sectors, SDGs, the work plan, the key messages) into the
/// database. Idempotent: a dataset whose shipped files have not changed since the last import is
/// skipped; a changed one is upserted by key, so running it again never duplicates anything.
/// </summary>
public sealed partial class ReferenceDataImporter(CooperaNetDbContext db, TimeProvider clock, ILogger<ReferenceDataImporter> logger)
{
    private static readonly IReferenceDataset[] Datasets =
    [
        new MemberStatesDataset(),
        new SectorsDataset(),
        new SdgDataset(),
        new WorkPlanDataset(),
        new CommunicationsDataset(),
    ];

    /// <summary>Names of the datasets, in import order.</summary>
    public static IReadOnlyList<string> DatasetNames { get; } = Datasets.Select(d => d.Name).ToList();

    public async Task<IReadOnlyList<DatasetImportResult>> ImportAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var results = new List<DatasetImportResult>();
        foreach (var dataset in Datasets)
        {
            var hash = ReferenceFiles.HashOf(dataset.Files);
            var record = await db.ReferenceDatasets.FindAsync([dataset.Name], cancellationToken);
            if (!force && record is not null && record.ContentHash == hash)
            {
                results.Add(new DatasetImportResult(dataset.Name, false, record.Version, record.RecordCount));
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var count = await dataset.ApplyAsync(db, cancellationToken);
            if (record is null)
            {
                record = new ReferenceDataset { Name = dataset.Name, ContentHash = hash };
                db.ReferenceDatasets.Add(record);
            }

            record.ContentHash = hash;
            record.Version++;
            record.RecordCount = count;
            record.ImportedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogImported(dataset.Name, record.Version, count);
            results.Add(new DatasetImportResult(dataset.Name, true, record.Version, count));
        }

        return results;
    }

    [LoggerMessage(LogLevel.Information, "Imported reference dataset {Dataset} version {Version} ({Records} records)")]
    private partial void LogImported(string dataset, int version, int records);
}

/// <summary>One shipped dataset: its files and how to upsert them.</summary>
internal interface IReferenceDataset
{
    string Name { get; }

    IReadOnlyList<string> Files { get; }

    /// <summary>Upserts the dataset into the tracked context and returns its record count.</summary>
    Task<int> ApplyAsync(CooperaNetDbContext db, CancellationToken cancellationToken);
}

internal static class Upsert
{
    /// <summary>
    /// Adds rows whose key is new and updates the others in place, leaving rows no longer shipped
    /// untouched (records elsewhere may still point to them).
    /// </summary>
    public static async Task ByKeyAsync<T, TKey>(DbSet<T> set, IEnumerable<T> incoming, Func<T, TKey> key, Action<T, T> update, CancellationToken cancellationToken)
        where T : class
        where TKey : notnull
    {
        var existing = (await set.ToListAsync(cancellationToken)).ToDictionary(key);
        foreach (var item in incoming)
        {
            if (existing.TryGetValue(key(item), out var current))
            {
                update(current, item);
            }
            else
            {
                set.Add(item);
            }
        }
    }
}
