using CooperaNet.Application.Catalog;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Web.Features.Catalog;

public sealed record TranslationView(string Language, string Title, string Summary, string Description);

public sealed record EntryLinks(string Self, string Html);

/// <summary>
/// An offer or demand as the API shows it. Its writable fields carry the names of
/// <see cref="EntryInput"/>, so a client may send an entry back as it read it.
/// </summary>
public sealed record EntryView(
    Guid Id, string Kind, string State, string StateName, string Status, string Language,
    string Title, string Summary, string Description, IReadOnlyList<TranslationView> Translations,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Sdgs, string Modality,
    IReadOnlyList<string> WorkingLanguages, IReadOnlyList<string> OpenTo,
    string Institution, string ContactName, string ContactEmail,
    DateOnly? StartsOn, DateOnly? EndsOn, string CostSharing, DateOnly? ExpiresOn,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    string? ReturnComment, EntryLinks Links, IReadOnlyList<AttachmentView>? Attachments = null)
{
    public static EntryView From(CatalogEntry e, string stateName, string lang, IReadOnlyList<AttachmentView>? attachments = null) => new(
        e.Id,
        EntryKinds.NameOf(e.Kind),
        e.StateCode,
        stateName,
        e.Status.ToString().ToLowerInvariant(),
        e.Language,
        e.Title,
        e.Summary,
        e.Description,
        e.Translations.OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => new TranslationView(t.Language, t.Title, t.Summary, t.Description)).ToList(),
        e.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal).ToList(),
        e.Sdgs.Select(s => s.Code).OrderBy(c => c, StringComparer.Ordinal).ToList(),
        Modalities.NameOf(e.Modality),
        Split(e.WorkingLanguages),
        Split(e.OpenTo),
        e.Institution,
        e.ContactName,
        e.ContactEmail,
        e.StartsOn,
        e.EndsOn,
        e.CostSharing,
        e.ExpiresOn,
        e.CreatedAt,
        e.UpdatedAt,
        e.PublishedAt,
        e.ReturnComment,
        new EntryLinks($"/api/v1/{EntryKinds.NameOf(e.Kind)}s/{e.Id}", $"/{lang}/catalog/{e.Id}"),
        attachments);

    private static List<string> Split(string list) => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries)];
}

public sealed record EntryListView(string Language, int Total, int Page, int PageSize, IReadOnlyList<EntryView> Items);

/// <summary>The secretariat's reason for returning an entry.</summary>
public sealed record ReturnInput(string? Comment);
