using CooperaNet.Domain.Experts;

namespace CooperaNet.Application.Experts;

/// <summary>Copies a checked <see cref="ExpertInput"/> onto a profile.</summary>
public static class ExpertWriter
{
    public static void Apply(ExpertProfile profile, ExpertInput input, DateTimeOffset now)
    {
        profile.FullName = input.FullName!.Trim();
        profile.Nationality = input.Nationality!.Trim().ToUpperInvariant();
        profile.Residence = string.IsNullOrWhiteSpace(input.Residence) ? null : input.Residence.Trim().ToUpperInvariant();
        profile.Summary = input.Summary!.Trim();
        profile.YearsOfExperience = input.YearsOfExperience!.Value;
        profile.Education = input.Education?.Trim() ?? string.Empty;
        profile.CurrentPosition = input.CurrentPosition?.Trim() ?? string.Empty;
        profile.Availability = ExpertNames.Availabilities[input.Availability!];
        profile.AvailableFrom = profile.Availability == Availability.Available ? null : input.AvailableFrom;
        profile.UpdatedAt = now;

        var languages = (input.Languages ?? []).ToDictionary(l => l.Language!.ToLowerInvariant(), l => ExpertNames.Levels[l.Level!], StringComparer.Ordinal);
        foreach (var stale in profile.Languages.Where(l => !languages.ContainsKey(l.Language)).ToList())
        {
            profile.Languages.Remove(stale);
        }

        foreach (var (code, level) in languages)
        {
            if (profile.Languages.FirstOrDefault(l => l.Language == code) is { } known)
            {
                known.Level = level;
            }
            else
            {
                profile.Languages.Add(new ExpertLanguage { ExpertId = profile.Id, Language = code, Level = level });
            }
        }

        Sync(profile.Sectors, input.Sectors ?? [], s => s.SectorCode, code => new ExpertSector { ExpertId = profile.Id, SectorCode = code });
        Sync(profile.Sdgs, input.Sdgs ?? [], s => s.Code, code => new ExpertSdg { ExpertId = profile.Id, Code = code });
    }

    private static void Sync<T>(ICollection<T> current, IEnumerable<string> wanted, Func<T, string> key, Func<string, T> create)
    {
        var set = wanted.ToHashSet(StringComparer.Ordinal);
        foreach (var stale in current.Where(c => !set.Contains(key(c))).ToList())
        {
            current.Remove(stale);
        }

        foreach (var code in set.Except(current.Select(key)))
        {
            current.Add(create(code));
        }
    }
}
