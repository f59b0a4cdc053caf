using System.CommandLine;
using System.Diagnostics;
using CooperaNet.Application.Data;
using CooperaNet.Application.Matching;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Cli.Pairs;

/// <summary><c>cooperanet pairs recompute</c>: every entry paired again from the database.</summary>
internal static class PairsCommand
{
    public static Command Create(CliContext cli) => new("pairs", "The stored pairs of offers and demands.")
    {
        Recompute(cli),
    };

    private static Command Recompute(CliContext cli)
    {
        var command = new Command(
            "recompute",
            "Build the matching indexes from the database and pair every published entry again, as the background job pairs a changed one: " +
            "unanswered pairs are replaced, answered ones kept (marked not current when no longer proposed). " +
            "Clears the matching requests pending when it started. Prints the counts and the time taken.");
        command.SetAction((parsed, cancellationToken) => cli.WithServicesAsync(
            async (services, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                var db = services.GetRequiredService<CooperaNetDbContext>();

                // Requests seen now were committed with their change, so the sync below reads that change.
                var pending = await db.MatchingRequests.AsNoTracking().Select(r => new { r.Id, r.EntryId }).ToListAsync(ct);
                await services.GetRequiredService<CatalogMatcher>().SyncAsync(db, ct);
                var entries = await EntriesToPairAsync(db, pending.Select(r => r.EntryId), ct);

                var maker = services.GetRequiredService<PairMaker>();
                var changes = default(PairChanges);
                foreach (var id in entries)
                {
                    changes += await maker.PairAsync(id, ct);
                    db.ChangeTracker.Clear();
                }

                var covered = pending.Select(r => r.Id).ToList();
                var cleared = 0;
                foreach (var chunk in covered.Chunk(1000))
                {
                    cleared += await db.MatchingRequests.Where(r => chunk.Contains(r.Id)).ExecuteDeleteAsync(ct);
                }

                var stored = await db.Pairs.CountAsync(ct);
                var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                await cli.Out.WriteLineAsync(
                    $"Paired {entries.Count} entries in {elapsed} ms: {changes.Added} pairs added, {changes.Updated} updated, " +
                    $"{changes.Removed} removed, {changes.Retired} retired; {stored} pairs stored; {cleared} pending requests cleared.");
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    /// <summary>The published entries, and those that still have pairs or requests (their pairs may have to go).</summary>
    private static async Task<List<Guid>> EntriesToPairAsync(CooperaNetDbContext db, IEnumerable<Guid> requested, CancellationToken ct)
    {
        var published = await db.Entries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Status == EntryStatus.Published)
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .ToListAsync(ct);
        var paired = await db.Pairs.AsNoTracking().Select(p => p.OfferId)
            .Union(db.Pairs.AsNoTracking().Select(p => p.DemandId))
            .ToListAsync(ct);
        return [.. published.Concat(paired).Concat(requested).Distinct()];
    }
}
