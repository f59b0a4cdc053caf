using CooperaNet.Domain.Experts;

namespace CooperaNet.Application.Experts;

/// <summary>A language with its level, by their API names.</summary>
public sealed record LanguageView(string Language, string Level);

/// <summary>An expert's profile as the expert, the secretariat and the API see it (never public).</summary>
public sealed record ExpertView(
    Guid Id,
    string FullName,
    string Nationality,
    string? Residence,
    string Summary,
    int YearsOfExperience,
    string Education,
    string CurrentPosition,
    string Availability,
    DateOnly? AvailableFrom,
    IReadOnlyList<LanguageView> Languages,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Sdgs,
    DateTimeOffset ConsentedAt,
    string ConsentVersion,
    DateTimeOffset? InRosterSince,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Shapes profiles for reading.</summary>
public static class ExpertViews
{
    public static ExpertView Of(ExpertProfile p) => new(
        p.Id, p.FullName, p.Nationality, p.Residence, p.Summary, p.YearsOfExperience, p.Education, p.CurrentPosition,
        ExpertNames.NameOf(p.Availability), p.AvailableFrom,
        [.. p.Languages.OrderByDescending(l => l.Level).ThenBy(l => l.Language, StringComparer.Ordinal).Select(l => new LanguageView(l.Language, ExpertNames.NameOf(l.Level)))],
        [.. p.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal)],
        [.. p.Sdgs.Select(s => s.Code).Order(StringComparer.Ordinal)],
        p.ConsentedAt, p.ConsentVersion, p.InRosterSince, p.CreatedAt, p.UpdatedAt);

    /// <summary>The input that would write the profile as it is (the edit form starts from it).</summary>
    public static ExpertInput InputOf(ExpertProfile p) => new()
    {
        FullName = p.FullName,
        Nationality = p.Nationality,
        Residence = p.Residence,
        Summary = p.Summary,
        YearsOfExperience = p.YearsOfExperience,
        Education = p.Education,
        CurrentPosition = p.CurrentPosition,
        Availability = ExpertNames.NameOf(p.Availability),
        AvailableFrom = p.AvailableFrom,
        Languages = [.. p.Languages.Select(l => new LanguageInput(l.Language, ExpertNames.NameOf(l.Level)))],
        Sectors = [.. p.Sectors.Select(s => s.SectorCode)],
        Sdgs = [.. p.Sdgs.Select(s => s.Code)],
    };
}
