using System.Net.Mail;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Application.Catalog;

/// <summary>A translation as written in a request.</summary>
public sealed record TranslationInput(string? Language, string? Title, string? Summary, string? Description);

/// <summary>
/// What an author sends to create or change an offer or demand. The names match the API's entry
/// shape, so an entry read from the API can be sent back as it is. <see cref="State"/> is only
/// read for the secretariat; a focal point always writes for its own state.
/// </summary>
public sealed record EntryInput
{
    public string? State { get; init; }

    public string? Language { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<TranslationInput>? Translations { get; init; }

    public IReadOnlyList<string>? Sectors { get; init; }

    public IReadOnlyList<string>? Sdgs { get; init; }

    public string? Modality { get; init; }

    public IReadOnlyList<string>? WorkingLanguages { get; init; }

    public IReadOnlyList<string>? OpenTo { get; init; }

    public string? Institution { get; init; }

    public string? ContactName { get; init; }

    public string? ContactEmail { get; init; }

    public DateOnly? StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    public string? CostSharing { get; init; }

    public DateOnly? ExpiresOn { get; init; }
}

/// <summary>One problem with one field: the field's JSON name, a message code and its arguments.</summary>
public sealed record FieldError(string Field, string Code, params object[] Arguments);

/// <summary>The modalities by their API names ("technical-assistance").</summary>
public static class Modalities
{
    public static string NameOf(Modality modality) => modality switch
    {
        Modality.TechnicalAssistance => "technical-assistance",
        Modality.ExpertMission => "expert-mission",
        Modality.TrainingCourse => "training-course",
        Modality.Internship => "internship",
        Modality.StudyVisit => "study-visit",
        Modality.ExchangeOfExperiences => "exchange-of-experiences",
        Modality.Scholarship => "scholarship",
        _ => "other",
    };

    public static IReadOnlyList<Modality> All { get; } = Enum.GetValues<Modality>();

    public static Modality? Parse(string? name) => All.Cast<Modality?>().FirstOrDefault(m => NameOf(m!.Value) == name?.Trim().ToLowerInvariant());
}

/// <summary>Entry kinds by their API names ("offer", "demand").</summary>
public static class EntryKinds
{
    public static string NameOf(EntryKind kind) => kind == EntryKind.Offer ? "offer" : "demand";

    public static EntryKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "offer" or "offers" => EntryKind.Offer,
        "demand" or "demands" => EntryKind.Demand,
        _ => null,
    };
}

/// <summary>Checks an <see cref="EntryInput"/> on its own and against the reference data.</summary>
public static class EntryValidation
{
    public const int TitleMax = 200;
    public const int SummaryMax = 1000;
    public const int DescriptionMax = 10000;

    public static List<FieldError> Check(EntryInput input, ReferenceCodes codes, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!Languages.IsSupported(input.Language))
        {
            errors.Add(new("language", "language"));
        }

        Text(errors, "title", input.Title, 3, TitleMax, required: true);
        Text(errors, "summary", input.Summary, 10, SummaryMax, required: true);
        Text(errors, "description", input.Description, 0, DescriptionMax, required: false);
        Text(errors, "institution", input.Institution, 2, 200, required: true);
        Text(errors, "contactName", input.ContactName, 0, 200, required: false);
        Text(errors, "costSharing", input.CostSharing, 0, 1000, required: false);

        var sectors = input.Sectors ?? [];
        if (sectors.Count == 0)
        {
            errors.Add(new("sectors", "sectors.required"));
        }
        else if (sectors.Count > 10)
        {
            errors.Add(new("sectors", "too-many", 10));
        }

        foreach (var code in sectors.Where(c => !codes.ActiveSectors.Contains(c ?? string.Empty)))
        {
            errors.Add(new("sectors", "sectors.unknown", code ?? string.Empty));
        }

        foreach (var code in (input.Sdgs ?? []).Where(c => !codes.Sdgs.Contains(c ?? string.Empty)))
        {
            errors.Add(new("sdgs", "sdgs.unknown", code ?? string.Empty));
        }

        if (Modalities.Parse(input.Modality) is null)
        {
            errors.Add(new("modality", "modality", string.Join(", ", Modalities.All.Select(Modalities.NameOf))));
        }

        foreach (var lang in (input.WorkingLanguages ?? []).Where(l => !Languages.IsSupported(l)))
        {
            errors.Add(new("workingLanguages", "language.unknown", lang ?? string.Empty));
        }

        foreach (var place in (input.OpenTo ?? []).Where(p => !codes.States.Contains(p ?? string.Empty) && !codes.Subregions.Contains(p ?? string.Empty)))
        {
            errors.Add(new("openTo", "openTo.unknown", place ?? string.Empty));
        }

        if (!string.IsNullOrWhiteSpace(input.ContactEmail) && !MailAddress.TryCreate(input.ContactEmail.Trim(), out _))
        {
            errors.Add(new("contactEmail", "email"));
        }

        if (input.StartsOn is { } start && input.EndsOn is { } end && end < start)
        {
            errors.Add(new("endsOn", "dates.order"));
        }

        if (input.ExpiresOn is { } expires && expires < today)
        {
            errors.Add(new("expiresOn", "dates.past"));
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
            Text(errors, $"translations[{i}].description", t.Description, 0, DescriptionMax, required: false);
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
