using CooperaNet.Application.Data;
using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Application.Catalog;

/// <summary>The valid codes and the sector names an entry is checked and indexed against; kept in memory.</summary>
public sealed class ReferenceCodes
{
    public required IReadOnlySet<string> ActiveSectors { get; init; }

    public required IReadOnlyDictionary<string, LocalizedText> SectorNames { get; init; }

    /// <summary>The words of the sectors' names in the four languages, each with its sectors (<see cref="Catalog.SectorTerms"/>).</summary>
    public required IReadOnlyDictionary<string, string[]> SectorTerms { get; init; }

    public required IReadOnlySet<string> Sdgs { get; init; }

    public required IReadOnlySet<string> States { get; init; }

    public required IReadOnlySet<string> Subregions { get; init; }

    public static async Task<ReferenceCodes> LoadAsync(CooperaNetDbContext db, IMemoryCache cache) =>
        (await cache.GetOrCreateAsync("reference-codes", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            var sectors = await db.Sectors.AsNoTracking().ToListAsync();
            var goals = await db.SdgGoals.AsNoTracking().Select(g => g.Number).ToListAsync();
            var targets = await db.SdgTargets.AsNoTracking().Select(t => t.Code).ToListAsync();
            var states = await db.MemberStates.AsNoTracking().Select(s => new { s.Code, s.Subregion }).ToListAsync();
            return new ReferenceCodes
            {
                ActiveSectors = sectors.Where(s => !s.IsWithdrawn).Select(s => s.Code).ToHashSet(StringComparer.Ordinal),
                SectorNames = sectors.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
                SectorTerms = Catalog.SectorTerms.Build(sectors.Select(s => (s.Code, s.Name))),
                Sdgs = goals.Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture)).Concat(targets).ToHashSet(StringComparer.Ordinal),
                States = states.Select(s => s.Code).ToHashSet(StringComparer.Ordinal),
                Subregions = states.Select(s => s.Subregion).ToHashSet(StringComparer.Ordinal),
            };
        }))!;
}
