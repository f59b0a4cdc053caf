using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Application.Catalog;

/// <summary>
/// Builds an entry's search terms from its texts in every language it has, and from the names of
/// its DAC sectors in all four languages: a Spanish search for "agua potable" then finds an English
/// entry classified under 14030 ("Abastecimiento básico de agua potable...").
/// </summary>
public static class EntryIndexer
{
    public const int MaxTermLength = 60;

    public static void Index(CatalogEntry entry, IReadOnlyDictionary<string, LocalizedText> sectorNames)
    {
        var texts = new List<string?> { entry.Title, entry.Summary, entry.Description, entry.Institution };
        texts.AddRange(entry.Translations.SelectMany(t => new[] { t.Title, t.Summary, t.Description }));
        foreach (var sector in entry.Sectors)
        {
            texts.Add(sector.SectorCode);
            if (sectorNames.TryGetValue(sector.SectorCode, out var name))
            {
                texts.AddRange(Languages.All.Select(name.In));
            }
        }

        var terms = texts.SelectMany(SearchText.Terms).Where(t => t.Length <= MaxTermLength).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in entry.SearchTerms.Where(t => !terms.Contains(t.Term)).ToList())
        {
            entry.SearchTerms.Remove(stale);
        }

        var present = entry.SearchTerms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var term in terms.Where(t => !present.Contains(t)))
        {
            entry.SearchTerms.Add(new EntrySearchTerm { EntryId = entry.Id, Term = term });
        }
    }
}
