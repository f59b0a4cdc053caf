using System.Globalization;
using CooperaNet.Application.Interop.OpenData;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.OpenData;

/// <summary>What the open data holds, under which licence, where to download it, and the data dictionary.</summary>
public sealed class OpenDataIndexModel(OpenDataFiles files) : PageModel
{
    public OpenDataSnapshot Files { get; private set; } = null!;

    public IReadOnlyList<OpenDataResource> Resources => OpenDataDictionary.Resources;

    public async Task OnGetAsync(CancellationToken ct) => Files = await files.CurrentAsync(ct);

    /// <summary>A size in the reader's notation: "12,5 KB", "3.1 MB".</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Format(CultureInfo.CurrentCulture, "{0:N1} KB", bytes / 1024.0)
        : string.Format(CultureInfo.CurrentCulture, "{0:N1} MB", bytes / (1024.0 * 1024.0));

    /// <summary>The resource key of a field's meaning: catalog.json shares the entries' keys but for its own fields.</summary>
    public static string FieldKey(OpenDataResource resource, OpenDataField field) => resource.Name switch
    {
        "offers" or "demands" => $"OpenData.Field.Entry.{field.Name}",
        "catalog" when OpenDataDictionary.EntryFields.Any(f => f.Name == field.Name) => $"OpenData.Field.Entry.{field.Name}",
        "catalog" => $"OpenData.Field.Catalog.{field.Name}",
        _ => $"OpenData.Field.Initiative.{field.Name}",
    };
}
