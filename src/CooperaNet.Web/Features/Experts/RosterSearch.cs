using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Experts;

/// <summary>The secretariat's search of the experts' profiles, by sector, language, country, availability and words.</summary>
public static class RosterSearch
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>What is wrong with the filters, each named by its query parameter.</summary>
    public static List<FieldError> Check(RosterQuery query)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrWhiteSpace(query.Sector) && !(query.Sector.Trim() is { Length: 5 } s && s.All(char.IsAsciiDigit)))
        {
            errors.Add(new("sector", "sectors.unknown", query.Sector));
        }

        if (!string.IsNullOrWhiteSpace(query.Category) && !(query.Category.Trim() is { Length: 3 } c && c.All(char.IsAsciiDigit)))
        {
            errors.Add(new("category", "expert.category", query.Category));
        }

        if (!string.IsNullOrWhiteSpace(query.Language) && !ExpertValidation.IsLanguageCode(query.Language.Trim()))
        {
            errors.Add(new("language", "expert.language"));
        }

        if (!string.IsNullOrWhiteSpace(query.Country) && !Countries.IsKnown(query.Country.Trim().ToUpperInvariant()))
        {
            errors.Add(new("country", "expert.country", query.Country));
        }

        if (!string.IsNullOrWhiteSpace(query.Availability) && !ExpertNames.Availabilities.ContainsKey(query.Availability.Trim()))
        {
            errors.Add(new("availability", "expert.availability"));
        }

        if (query.Page < 1)
        {
            errors.Add(new("page", "range", 1, int.MaxValue));
        }

        if (query.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new("pageSize", "range", 1, MaxPageSize));
        }

        return errors;
    }

    /// <summary>The page of profiles that pass every filter given, by name. The filters must have passed <see cref="Check"/>.</summary>
    public static async Task<RosterPage> SearchAsync(CooperaNetDbContext db, RosterQuery query, CancellationToken ct)
    {
        var profiles = db.ExpertProfiles.AsNoTracking();
        if (Trimmed(query.Sector) is { } sector)
        {
            profiles = profiles.Where(p => p.Sectors.Any(s => s.SectorCode == sector));
        }

        if (Trimmed(query.Category) is { } category)
        {
            profiles = profiles.Where(p => p.Sectors.Any(s => s.SectorCode.StartsWith(category)));
        }

        if (Trimmed(query.Language)?.ToLowerInvariant() is { } language)
        {
            profiles = profiles.Where(p => p.Languages.Any(l => l.Language == language));
        }

        if (Trimmed(query.Country)?.ToUpperInvariant() is { } country)
        {
            profiles = profiles.Where(p => p.Nationality == country || p.Residence == country);
        }

        if (Trimmed(query.Availability) is { } name)
        {
            var availability = ExpertNames.Availabilities[name];
            profiles = profiles.Where(p => p.Availability == availability);
        }

        if (query.InRoster is { } inRoster)
        {
            profiles = inRoster ? profiles.Where(p => p.InRosterSince != null) : profiles.Where(p => p.InRosterSince == null);
        }

        foreach (var word in (query.Q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            // Lower-cased on both sides so SQLite and PostgreSQL agree; % and _ typed by the reader match themselves.
            var pattern = "%" + word.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            profiles = profiles.Where(p => EF.Functions.Like(p.FullName.ToLower(), pattern, "\\") || EF.Functions.Like(p.Summary.ToLower(), pattern, "\\"));
        }

        var total = await profiles.CountAsync(ct);
        var rows = await profiles
            .OrderBy(p => p.FullName).ThenBy(p => p.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(p => new
            {
                p.Id,
                p.FullName,
                p.Nationality,
                p.Residence,
                p.YearsOfExperience,
                p.Availability,
                p.AvailableFrom,
                p.InRosterSince,
                p.UpdatedAt,
                Languages = p.Languages.Select(l => new { l.Language, l.Level }).ToList(),
                Sectors = p.Sectors.Select(s => s.SectorCode).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var scores = (await db.ExpertAssignments.AsNoTracking()
                .Where(a => ids.Contains(a.ExpertId) && a.EvaluationScore != null)
                .Select(a => new { a.ExpertId, Score = a.EvaluationScore!.Value })
                .ToListAsync(ct))
            .ToLookup(a => a.ExpertId, a => a.Score);
        return new RosterPage(total, query.Page, query.PageSize, [.. rows.Select(p => new RosterRow(
            p.Id, p.FullName, p.Nationality, p.Residence, p.YearsOfExperience, ExpertNames.NameOf(p.Availability), p.AvailableFrom,
            [.. p.Languages.OrderByDescending(l => l.Level).ThenBy(l => l.Language, StringComparer.Ordinal).Select(l => new LanguageView(l.Language, ExpertNames.NameOf(l.Level)))],
            [.. p.Sectors.Order(StringComparer.Ordinal)],
            p.InRosterSince is not null,
            p.UpdatedAt,
            scores[p.Id].Count(),
            scores[p.Id].Any() ? Math.Round(scores[p.Id].Average(), 2) : null))]);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
