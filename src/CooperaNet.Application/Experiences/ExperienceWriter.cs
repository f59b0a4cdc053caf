using CooperaNet.Application.Catalog;
using CooperaNet.Domain.Experiences;

namespace CooperaNet.Application.Experiences;

/// <summary>The person writing: who is recorded as author or translator.</summary>
/// <param name="Id">User id.</param>
/// <param name="Name">Name shown as translator.</param>
/// <param name="Role">Their part.</param>
/// <param name="State">A focal point's member state.</param>
public sealed record ExperienceWriterActor(Guid Id, string Name, ExperienceAuthorRole Role, string? State);

/// <summary>Copies a validated <see cref="ExperienceInput"/> onto an experience.</summary>
public static class ExperienceWriter
{
    public static Experience Create(ExperienceInput input, ExperienceWriterActor by, string? stateCode, DateTimeOffset now)
    {
        var experience = new Experience
        {
            Id = Guid.CreateVersion7(now),
            AuthorId = by.Id,
            AuthorRole = by.Role,
            AuthorName = string.Empty,
            Language = input.Language!,
            Title = string.Empty,
            Summary = string.Empty,
            StateCode = stateCode,
            CreatedAt = now,
        };
        Apply(experience, input, by, now);
        return experience;
    }

    public static void Apply(Experience experience, ExperienceInput input, ExperienceWriterActor by, DateTimeOffset now)
    {
        experience.Kind = ExperienceKinds.Parse(input.Kind)!.Value;
        experience.AuthorName = input.AuthorName!.Trim();
        experience.Language = input.Language!;
        experience.Title = input.Title!.Trim();
        experience.Summary = input.Summary!.Trim();
        experience.Body = input.Body!.Trim();
        experience.VideoUrl = string.IsNullOrWhiteSpace(input.VideoUrl) ? null : input.VideoUrl.Trim();
        experience.InitiativeId = input.InitiativeId;
        experience.UpdatedAt = now;

        var states = (input.States ?? []).Select(s => s.Trim().ToUpperInvariant());
        if (experience.StateCode is { } own)
        {
            states = states.Append(own);
        }

        Sync(experience.States, states.Distinct(StringComparer.Ordinal), s => s.StateCode, code => new ExperienceState { ExperienceId = experience.Id, StateCode = code });
        Sync(experience.Sectors, (input.Sectors ?? []).Distinct(StringComparer.Ordinal), s => s.SectorCode, code => new ExperienceSector { ExperienceId = experience.Id, SectorCode = code });
        Sync(experience.Sdgs, (input.Sdgs ?? []).Distinct(StringComparer.Ordinal), s => s.Code, code => new ExperienceSdg { ExperienceId = experience.Id, Code = code });

        var wanted = (input.Translations ?? []).ToDictionary(t => t.Language!, StringComparer.Ordinal);
        foreach (var stale in experience.Translations.Where(t => !wanted.ContainsKey(t.Language)).ToList())
        {
            experience.Translations.Remove(stale);
        }

        foreach (var (language, text) in wanted)
        {
            experience.Translate(language, text.Title!.Trim(), text.Summary!.Trim(), text.Body!.Trim(), by.Id, by.Name, now);
        }

        // Search terms of every language, between spaces: a query term matches the start of one.
        var terms = SearchText.Terms(string.Join(' ',
            new[] { experience.Title, experience.Summary, experience.Body, experience.AuthorName }
                .Concat(experience.Translations.SelectMany(t => new[] { t.Title, t.Summary, t.Body }))));
        experience.SearchText = $" {string.Join(' ', terms)} ";
    }

    private static void Sync<T>(ICollection<T> current, IEnumerable<string> wanted, Func<T, string> key, Func<string, T> create)
    {
        var keep = wanted.ToHashSet(StringComparer.Ordinal);
        foreach (var item in current.Where(i => !keep.Contains(key(i))).ToList())
        {
            current.Remove(item);
        }

        foreach (var code in keep.Where(c => current.All(i => key(i) != c)))
        {
            current.Add(create(code));
        }
    }
}
