using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Web.Pages.Catalog;

/// <summary>An entry's texts in one language: as its author wrote them, or the author's own translation.</summary>
public sealed record EntryText(string Language, string Title, string Summary, string Description, bool IsOriginal)
{
    /// <summary>The original first, then the translations in the order of the language switcher.</summary>
    public static IReadOnlyList<EntryText> All(CatalogEntry entry) =>
    [
        new(entry.Language, entry.Title, entry.Summary, entry.Description, IsOriginal: true),
        .. entry.Translations
            .Where(t => t.Language != entry.Language)
            .OrderBy(t => Languages.All.ToList().IndexOf(t.Language))
            .Select(t => new EntryText(t.Language, t.Title, t.Summary, t.Description, IsOriginal: false)),
    ];

    /// <summary>The version in <paramref name="language"/> when the entry has one, else the original.</summary>
    public static EntryText In(CatalogEntry entry, string? language)
    {
        var all = All(entry);
        return all.FirstOrDefault(t => t.Language == language) ?? all[0];
    }

    /// <summary>The description as paragraphs: each non-blank line is one.</summary>
    public IEnumerable<string> Paragraphs =>
        Description.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
