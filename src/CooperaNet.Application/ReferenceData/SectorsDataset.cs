using System.Xml.Linq;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Reference;

namespace CooperaNet.Application.ReferenceData;

/// <summary>OECD-DAC sector categories (3 digits) and purpose codes (5 digits) from the IATI code lists.</summary>
internal sealed class SectorsDataset : IReferenceDataset
{
    public string Name => "sectors";

    public IReadOnlyList<string> Files { get; } = ["SectorCategory.xml", "Sector.xml"];

    public async Task<int> ApplyAsync(CooperaNetDbContext db, CancellationToken cancellationToken)
    {
        var categories = Categories()
            .Select(i => new SectorCategory { Code = i.Code, Name = i.Name, IsWithdrawn = i.Withdrawn })
            .ToList();
        await Upsert.ByKeyAsync(db.SectorCategories, categories, c => c.Code, (current, next) =>
        {
            current.Name = next.Name;
            current.IsWithdrawn = next.IsWithdrawn;
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var sectors = Sectors()
            .Select(i => new Sector { Code = i.Code, CategoryCode = i.Category!, Name = i.Name, IsWithdrawn = i.Withdrawn })
            .ToList();
        await Upsert.ByKeyAsync(db.Sectors, sectors, s => s.Code, (current, next) =>
        {
            current.CategoryCode = next.CategoryCode;
            current.Name = next.Name;
            current.IsWithdrawn = next.IsWithdrawn;
        }, cancellationToken);
        return sectors.Count;
    }

    /// <summary>A code-list item as shipped: its code, category (5-digit codes only), name, description and status.</summary>
    internal sealed record Item(string Code, string? Category, LocalizedText Name, LocalizedText Description, bool Withdrawn);

    /// <summary>The 3-digit categories of the shipped SectorCategory.xml.</summary>
    internal static IReadOnlyList<Item> Categories() => Items("SectorCategory.xml").ToList();

    /// <summary>The 5-digit codes of the shipped Sector.xml.</summary>
    internal static IReadOnlyList<Item> Sectors() => Items("Sector.xml").ToList();

    private static IEnumerable<Item> Items(string file)
    {
        var doc = XDocument.Parse(ReferenceFiles.Read(file));
        XNamespace xml = "http://www.w3.org/XML/1998/namespace";
        foreach (var item in doc.Descendants("codelist-item"))
        {
            yield return new Item(
                item.Element("code")!.Value.Trim(),
                item.Element("category")?.Value.Trim(),
                Text(item.Element("name")),
                Text(item.Element("description")),
                (string?)item.Attribute("status") == "withdrawn");
        }

        LocalizedText Text(XElement? element)
        {
            var narratives = (element?.Elements("narrative") ?? [])
                .ToDictionary(n => (string?)n.Attribute(xml + "lang") ?? Languages.English, n => n.Value);
            return LocalizedText.Of(
                narratives.GetValueOrDefault(Languages.Spanish),
                narratives.GetValueOrDefault(Languages.English),
                narratives.GetValueOrDefault(Languages.Portuguese),
                narratives.GetValueOrDefault(Languages.French));
        }
    }
}
