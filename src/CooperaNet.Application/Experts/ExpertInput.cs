using CooperaNet.Application.Catalog;
using CooperaNet.Domain.Experts;

namespace CooperaNet.Application.Experts;

/// <summary>A language and level as written in a request: {"language": "es", "level": "native"}.</summary>
public sealed record LanguageInput(string? Language, string? Level);

/// <summary>What an expert sends to write their profile; the names are the API's.</summary>
public sealed record ExpertInput
{
    public string? FullName { get; init; }

    public string? Nationality { get; init; }

    public string? Residence { get; init; }

    public string? Summary { get; init; }

    public int? YearsOfExperience { get; init; }

    public string? Education { get; init; }

    public string? CurrentPosition { get; init; }

    public string? Availability { get; init; }

    public DateOnly? AvailableFrom { get; init; }

    public IReadOnlyList<LanguageInput>? Languages { get; init; }

    public IReadOnlyList<string>? Sectors { get; init; }

    public IReadOnlyList<string>? Sdgs { get; init; }
}

/// <summary>The names of the enums in requests and responses.</summary>
public static class ExpertNames
{
    public static readonly IReadOnlyDictionary<string, LanguageLevel> Levels = new Dictionary<string, LanguageLevel>(StringComparer.OrdinalIgnoreCase)
    {
        ["basic"] = LanguageLevel.Basic,
        ["intermediate"] = LanguageLevel.Intermediate,
        ["advanced"] = LanguageLevel.Advanced,
        ["native"] = LanguageLevel.Native,
    };

    public static readonly IReadOnlyDictionary<string, Availability> Availabilities = new Dictionary<string, Availability>(StringComparer.OrdinalIgnoreCase)
    {
        ["available"] = Availability.Available,
        ["partly"] = Availability.Partly,
        ["unavailable"] = Availability.Unavailable,
    };

    public static string NameOf(LanguageLevel level) => level.ToString().ToLowerInvariant();

    public static string NameOf(Availability availability) => availability.ToString().ToLowerInvariant();
}

/// <summary>Checks an expert's profile; each problem names its field and a message code.</summary>
public static class ExpertValidation
{
    /// <summary>The version of the consent text an applicant accepts (the texts are in the resources, per language).</summary>
    public const string ConsentVersion = "2026-11";

    public const int MaxLanguages = 10;
    public const int MaxSectors = 10;
    public const int MaxSdgs = 10;

    public static List<FieldError> Check(ExpertInput input, ReferenceCodes codes, DateOnly today)
    {
        var errors = new List<FieldError>();
        Text(errors, "fullName", input.FullName, 2, ExpertProfile.NameMax, required: true);
        Country(errors, "nationality", input.Nationality, required: true);
        Country(errors, "residence", input.Residence, required: false);
        Text(errors, "summary", input.Summary, 20, ExpertProfile.SummaryMax, required: true);
        Text(errors, "education", input.Education, 0, ExpertProfile.TextMax, required: false);
        Text(errors, "currentPosition", input.CurrentPosition, 0, ExpertProfile.TextMax, required: false);
        if (input.YearsOfExperience is not { } years)
        {
            errors.Add(new("yearsOfExperience", "required"));
        }
        else if (years is < 0 or > ExpertProfile.YearsMax)
        {
            errors.Add(new("yearsOfExperience", "range", 0, ExpertProfile.YearsMax));
        }

        if (input.Availability is null || !ExpertNames.Availabilities.ContainsKey(input.Availability))
        {
            errors.Add(new("availability", "expert.availability"));
        }

        if (input.AvailableFrom is { } from && from < today.AddYears(-1))
        {
            errors.Add(new("availableFrom", "expert.available-from"));
        }

        var languages = input.Languages ?? [];
        if (languages.Count == 0)
        {
            errors.Add(new("languages", "expert.languages-required"));
        }
        else if (languages.Count > MaxLanguages)
        {
            errors.Add(new("languages", "too-many", MaxLanguages));
        }
        else if (languages.Any(l => !IsLanguageCode(l.Language) || l.Level is null || !ExpertNames.Levels.ContainsKey(l.Level)))
        {
            errors.Add(new("languages", "expert.language"));
        }
        else if (languages.Select(l => l.Language!.ToLowerInvariant()).Distinct().Count() != languages.Count)
        {
            errors.Add(new("languages", "expert.language-twice"));
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
        else if (sectors.FirstOrDefault(s => !codes.ActiveSectors.Contains(s)) is { } unknown)
        {
            errors.Add(new("sectors", "sectors.unknown", unknown));
        }

        var sdgs = input.Sdgs ?? [];
        if (sdgs.Count > MaxSdgs)
        {
            errors.Add(new("sdgs", "too-many", MaxSdgs));
        }
        else if (sdgs.FirstOrDefault(s => !codes.Sdgs.Contains(s)) is { } unknownSdg)
        {
            errors.Add(new("sdgs", "sdgs.unknown", unknownSdg));
        }

        return errors;
    }

    /// <summary>A code of the IATI Language list (ISO 639-1), e.g. "es", "qu", "ht", in any case.</summary>
    public static bool IsLanguageCode(string? code) => SpokenLanguages.IsKnown(code);

    private static void Text(List<FieldError> errors, string field, string? value, int min, int max, bool required)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(new(field, "required"));
            }
        }
        else if (text.Length < min || text.Length > max)
        {
            errors.Add(new(field, "length", min, max));
        }
    }

    private static void Country(List<FieldError> errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, "required"));
            }
        }
        else if (!Countries.IsKnown(value.Trim().ToUpperInvariant()))
        {
            errors.Add(new(field, "expert.country", value));
        }
    }
}
