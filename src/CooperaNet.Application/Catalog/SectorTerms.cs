using CooperaNet.Domain;

namespace CooperaNet.Application.Catalog;

/// <summary>
/// The search terms of the DAC sectors' names in the four languages, each with the sectors it names: a
/// Spanish search for "agua" finds an English entry classified under 14030 through its sector, without
/// every entry storing its sectors' names again as terms of its own. Built with the rest of the reference
/// data in <see cref="ReferenceCodes.SectorTerms"/>.
/// </summary>
public static class SectorTerms
{
    /// <summary>Term → the codes of the sectors whose name in some language has it.</summary>
    public static Dictionary<string, string[]> Build(IEnumerable<(string Code, LocalizedText Name)> sectors) =>
        sectors
            .SelectMany(s => Languages.All.Select(s.Name.In).SelectMany(SearchText.Terms)
                .Where(t => t.Length <= EntryIndexer.MaxTermLength)
                .Distinct(StringComparer.Ordinal)
                .Select(term => (Term: term, s.Code)))
            .GroupBy(x => x.Term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}
