using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Experiences;

namespace CooperaNet.Web.Features.Experiences;

/// <summary>A translation as the API shows it: always entered by a person ("origin": "human"), with who and when.</summary>
public sealed record ExperienceTranslationView(string Language, string Title, string Summary, string Body, string Origin, string TranslatedBy, DateTimeOffset TranslatedAt);

public sealed record ImageView(Guid Id, string AltText, string ContentType, int Width, int Height, int Size, DateTimeOffset UploadedAt, string Link);

public sealed record FileView(Guid Id, string FileName, int Size, string Sha256, DateTimeOffset UploadedAt, string Link);

/// <summary>The images and PDFs of an experience.</summary>
public sealed record ExperienceFiles(IReadOnlyList<ImageView> Images, IReadOnlyList<FileView> Attachments)
{
    public static readonly ExperienceFiles None = new([], []);
}

public sealed record ExperienceLinks(string Self, string Html);

/// <summary>
/// An experience as the API shows it. Its writable fields carry the names of <see cref="ExperienceInput"/>,
/// so a client may send it back as it read it; <c>bodyHtml</c> is the body as pages show it, sanitized.
/// </summary>
public sealed record ExperienceView(
    Guid Id, string Kind, string Status, string? State, IReadOnlyList<string> States,
    string AuthorName, string AuthorRole, string Language, string Title, string Summary, string Body, string BodyHtml,
    string? VideoUrl, Guid? InitiativeId, IReadOnlyList<string> Sectors, IReadOnlyList<string> Sdgs,
    IReadOnlyList<ExperienceTranslationView> Translations,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, string? ReturnComment,
    ExperienceLinks Links, IReadOnlyList<ImageView>? Images = null, IReadOnlyList<FileView>? Attachments = null)
{
    public static ExperienceView From(Experience e, string lang, ExperienceFiles? files = null) => new(
        e.Id,
        ExperienceKinds.NameOf(e.Kind),
        ExperienceKinds.NameOf(e.Status),
        e.StateCode,
        [.. e.States.Select(s => s.StateCode).Order(StringComparer.Ordinal)],
        e.AuthorName,
        ExperienceKinds.NameOf(e.AuthorRole),
        e.Language,
        e.Title,
        e.Summary,
        e.Body,
        ExperienceMarkdown.ToHtml(e.Body),
        e.VideoUrl,
        e.InitiativeId,
        [.. e.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal)],
        [.. e.Sdgs.Select(s => s.Code).Order(StringComparer.Ordinal)],
        [.. e.Translations.OrderBy(t => t.Language, StringComparer.Ordinal)
            .Select(t => new ExperienceTranslationView(t.Language, t.Title, t.Summary, t.Body, "human", t.TranslatedBy, t.TranslatedAt))],
        e.CreatedAt,
        e.UpdatedAt,
        e.PublishedAt,
        e.ReturnComment,
        new ExperienceLinks(ExperienceRoutes.Api(e.Id), $"/{lang}{ExperienceRoutes.Page(e.Id)}"),
        files?.Images,
        files?.Attachments);
}

public sealed record ExperienceListView(string Language, int Total, int Page, int PageSize, IReadOnlyList<ExperienceView> Items);

/// <summary>The secretariat's reason for returning an experience.</summary>
public sealed record ExperienceReturnInput(string? Comment);
