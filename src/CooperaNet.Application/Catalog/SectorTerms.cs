using System.Diagnostics;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Catalog;

/// <summary>
/// The search terms of the DAC sectors' names in the four languages, each with the sectors it names: a
/// Spanish search for "agua" finds an English entry classified under 14030 through its sector, without
/// every entry storing its sectors' names again as terms of its own. The sector list is reference data,
/// the same for every database of a platform; it is read once and again after <see cref="Lifetime"/>.
/// </summary>
public static class SectorTerms
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static Snapshot? current;

    /// <summary>Term → the codes of the sectors whose name in some language has it.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> LoadAsync(CooperaNetDbContext db, CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is not null && Stopwatch.GetElapsedTime(snapshot.At) < Lifetime)
        {
            return snapshot.Codes;
        }

        var sectors = await db.Sectors.AsNoTracking().ToListAsync(cancellationToken);
        var codes = Build(sectors.Select(s => (s.Code, s.Name)));
        if (codes.Count > 0)
        {
            // A database without reference data yet is not remembered.
            Volatile.Write(ref current, new Snapshot(codes, Stopwatch.GetTimestamp()));
        }

        return codes;
    }

    public static Dictionary<string, string[]> Build(IEnumerable<(string Code, LocalizedText Name)> sectors) =>
        sectors
            .SelectMany(s => Languages.All.Select(s.Name.In).SelectMany(SearchText.Terms)
                .Where(t => t.Length <= EntryIndexer.MaxTermLength)
                .Distinct(StringComparer.Ordinal)
                .Select(term => (Term: term, s.Code)))
            .GroupBy(x => x.Term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private sealed record Snapshot(IReadOnlyDictionary<string, string[]> Codes, long At);
}
