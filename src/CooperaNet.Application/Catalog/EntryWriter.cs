using CooperaNet.Domain.Catalog;

namespace CooperaNet.Application.Catalog;

/// <summary>Copies a validated <see cref="EntryInput"/> onto an entry and re-indexes it.</summary>
public static class EntryWriter
{
    public static CatalogEntry Create(EntryKind kind, string stateCode, EntryInput input, ReferenceCodes codes, DateTimeOffset now, bool bySecretariat)
    {
        var entry = new CatalogEntry
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            StateCode = stateCode,
            Language = input.Language!,
            Title = string.Empty,
            Summary = string.Empty,
            Institution = string.Empty,
            CreatedAt = now,
        };
        Apply(entry, input, codes, now, bySecretariat);
        return entry;
    }

    public static void Apply(CatalogEntry entry, EntryInput input, ReferenceCodes codes, DateTimeOffset now, bool bySecretariat)
    {
        entry.Language = input.Language!;
        entry.Title = input.Title!.Trim();
        entry.Summary = input.Summary!.Trim();
        entry.Description = input.Description?.Trim() ?? string.Empty;
        entry.Modality = Modalities.Parse(input.Modality)!.Value;
        entry.WorkingLanguages = string.Join(',', (input.WorkingLanguages ?? []).Select(l => l.ToLowerInvariant()).Distinct());
        entry.OpenTo = string.Join(',', (input.OpenTo ?? []).Distinct());
        entry.Institution = input.Institution!.Trim();
        entry.ContactName = input.ContactName?.Trim() ?? string.Empty;
        entry.ContactEmail = input.ContactEmail?.Trim() ?? string.Empty;
        entry.StartsOn = input.StartsOn;
        entry.EndsOn = input.EndsOn;
        entry.CostSharing = input.CostSharing?.Trim() ?? string.Empty;
        entry.ExpiresOn = input.ExpiresOn;
        entry.UpdatedAt = now;
        entry.LastChangedBySecretariat = bySecretariat;

        Sync(entry.Sectors, (input.Sectors ?? []).Distinct(StringComparer.Ordinal), s => s.SectorCode, code => new EntrySector { EntryId = entry.Id, SectorCode = code });
        Sync(entry.Sdgs, (input.Sdgs ?? []).Distinct(StringComparer.Ordinal), s => s.Code, code => new EntrySdg { EntryId = entry.Id, Code = code });

        var wanted = (input.Translations ?? []).ToDictionary(t => t.Language!, StringComparer.Ordinal);
        foreach (var stale in entry.Translations.Where(t => !wanted.ContainsKey(t.Language)).ToList())
        {
            entry.Translations.Remove(stale);
        }

        foreach (var (language, text) in wanted)
        {
            var translation = entry.Translations.FirstOrDefault(t => t.Language == language);
            if (translation is null)
            {
                translation = new EntryTranslation { EntryId = entry.Id, Language = language, Title = string.Empty, Summary = string.Empty };
                entry.Translations.Add(translation);
            }

            translation.Title = text.Title!.Trim();
            translation.Summary = text.Summary!.Trim();
            translation.Description = text.Description?.Trim() ?? string.Empty;
        }

        EntryIndexer.Index(entry);
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
