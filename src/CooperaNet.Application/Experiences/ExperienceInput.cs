using CooperaNet.Application.Catalog;
using CooperaNet.Domain;
using CooperaNet.Domain.Experiences;

namespace CooperaNet.Application.Experiences;

/// <summary>A translation of an experience as a person typed it.</summary>
public sealed record ExperienceTranslationInput(string? Language, string? Title, string? Summary, string? Body);

/// <summary>
/// What an author sends to create or change an experience. <see cref="State"/> is read only for the
/// secretariat: a focal point's experiences are always its own state's, an expert's or partner's none.
/// </summary>
public sealed record ExperienceInput
{
    public string? Kind { get; init; }

    public string? State { get; init; }

    public string? AuthorName { get; init; }

    public string? Language { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? Body { get; init; }

    public string? VideoUrl { get; init; }

    public Guid? InitiativeId { get; init; }

    public IReadOnlyList<string>? States { get; init; }

    public IReadOnlyList<string>? Sectors { get; init; }

    public IReadOnlyList<string>? Sdgs { get; init; }

    public IReadOnlyList<ExperienceTranslationInput>? Translations { get; init; }
}

/// <summary>The kinds by their API names ("case-study").</summary>
public static class ExperienceKinds
{
    public static IReadOnlyList<ExperienceKind> All { get; } = Enum.GetValues<ExperienceKind>();

    public static string NameOf(ExperienceKind kind) => kind switch
    {
        ExperienceKind.CaseStudy => "case-study",
        ExperienceKind.SuccessStory => "success-story",
        ExperienceKind.Testimonial => "testimonial",
        ExperienceKind.LessonLearned => "lesson-learned",
        _ => "good-practice",
    };

    public static ExperienceKind? Parse(string? name) =>
        All.Cast<ExperienceKind?>().FirstOrDefault(k => NameOf(k!.Value) == name?.Trim().ToLowerInvariant());

    public static string NameOf(ExperienceStatus status) => status switch
    {
        ExperienceStatus.Draft => "draft",
        ExperienceStatus.InReview => "in-review",
        _ => "published",
    };

    public static string NameOf(ExperienceAuthorRole role) => role switch
    {
        ExperienceAuthorRole.FocalPoint => "focal-point",
        ExperienceAuthorRole.Expert => "expert",
        ExperienceAuthorRole.Partner => "partner",
        _ => "secretariat",
    };
}

/// <summary>Checks an <see cref="ExperienceInput"/> on its own and against the reference data.</summary>
public static class ExperienceValidation
{
    public const int TitleMax = 200;
    public const int SummaryMax = 1000;
    public const int BodyMax = 20000;
    public const int VideoUrlMax = 500;
    public const int MaxSectors = 10;

    public static List<FieldError> Check(ExperienceInput input, ReferenceCodes codes)
    {
        var errors = new List<FieldError>();
        if (ExperienceKinds.Parse(input.Kind) is null)
        {
            errors.Add(new("kind", "experience.kind", string.Join(", ", ExperienceKinds.All.Select(ExperienceKinds.NameOf))));
        }

        if (!Languages.IsSupported(input.Language))
        {
            errors.Add(new("language", "language"));
        }

        Text(errors, "authorName", input.AuthorName, 2, 200, required: true);
        Text(errors, "title", input.Title, 3, TitleMax, required: true);
        Text(errors, "summary", input.Summary, 10, SummaryMax, required: true);
        Text(errors, "body", input.Body, 20, BodyMax, required: true);

        if (!string.IsNullOrWhiteSpace(input.VideoUrl)
            && (input.VideoUrl.Trim().Length > VideoUrlMax || !Uri.TryCreate(input.VideoUrl.Trim(), UriKind.Absolute, out var video) || video.Scheme is not ("http" or "https")))
        {
            errors.Add(new("videoUrl", "experience.video-url"));
        }

        var sectors = input.Sectors ?? [];
        if (sectors.Count == 0)
        {
            errors.Add(new("sectors", "sectors.required"));
        }
        else if (sectors.Count > MaxSectors)
        {
            errors.Add(new("sectors", "too-many", MaxSectors));
        }

        foreach (var code in sectors.Where(c => !codes.ActiveSectors.Contains(c ?? string.Empty)))
        {
            errors.Add(new("sectors", "sectors.unknown", code ?? string.Empty));
        }

        foreach (var code in (input.Sdgs ?? []).Where(c => !codes.Sdgs.Contains(c ?? string.Empty)))
        {
            errors.Add(new("sdgs", "sdgs.unknown", code ?? string.Empty));
        }

        foreach (var state in (input.States ?? []).Where(s => !codes.States.Contains(s?.Trim().ToUpperInvariant() ?? string.Empty)))
        {
            errors.Add(new("states", "state.unknown", state ?? string.Empty));
        }

        var translations = input.Translations ?? [];
        foreach (var (t, i) in translations.Select((t, i) => (t, i)))
        {
            if (!Languages.IsSupported(t.Language) || t.Language == input.Language || translations.Take(i).Any(o => o.Language == t.Language))
            {
                errors.Add(new($"translations[{i}].language", "translation.language"));
            }

            Text(errors, $"translations[{i}].title", t.Title, 3, TitleMax, required: true);
            Text(errors, $"translations[{i}].summary", t.Summary, 10, SummaryMax, required: true);
            Text(errors, $"translations[{i}].body", t.Body, 20, BodyMax, required: true);
        }

        return errors;
    }

    private static void Text(List<FieldError> errors, string field, string? value, int min, int max, bool required)
    {
        var length = value?.Trim().Length ?? 0;
        if (length == 0)
        {
            if (required)
            {
                errors.Add(new(field, "required"));
            }
        }
        else if (length < min || length > max)
        {
            errors.Add(new(field, "length", min, max));
        }
    }
}
