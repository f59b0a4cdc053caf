using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Application.Catalog;

/// <summary>
/// Builds an entry's search terms from its texts in every language it has and its DAC sector codes.
/// The names of its sectors in the four languages are searched through <see cref="SectorTerms"/>: a
/// Spanish search for "agua potable" finds an English entry classified under 14030 ("Abastecimiento
/// básico de agua potable...") without the entry storing those names as terms of its own.
/// </summary>
public static class EntryIndexer
{
    public const int MaxTermLength = 60;

    public static void Index(CatalogEntry entry)
    {
        var texts = new List<string?> { entry.Title, entry.Summary, entry.Description, entry.Institution };
        texts.AddRange(entry.Translations.SelectMany(t => new[] { t.Title, t.Summary, t.Description }));
        texts.AddRange(entry.Sectors.Select(s => s.SectorCode));

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
