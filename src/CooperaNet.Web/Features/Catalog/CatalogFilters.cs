using CooperaNet.Application.Catalog;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>Reads catalog filters from a query string (API and pages use the same names).</summary>
public static class CatalogFilters
{
    /// <param name="today">Published lists show only entries still open on this day.</param>
    public static (EntryFilter Filter, List<FieldError> Errors) Parse(IQueryCollection query, EntryKind? kind, DateOnly today)
    {
        var errors = new List<FieldError>();
        string? Text(string key, int max)
        {
            var value = query[key].ToString().Trim();
            if (value.Length > max)
            {
                errors.Add(new(key, "length", 0, max));
                return null;
            }

            return value.Length == 0 ? null : value;
        }

        int Number(string key, int fallback, int min, int max)
        {
            var raw = query[key].ToString();
            if (raw.Length == 0)
            {
                return fallback;
            }

            if (!int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                errors.Add(new(key, "range", min, max));
                return fallback;
            }

            return value;
        }

        var modalityName = Text("modality", 40);
        var modality = Modalities.Parse(modalityName);
        if (modalityName is not null && modality is null)
        {
            errors.Add(new("modality", "modality", string.Join(", ", Modalities.All.Select(Modalities.NameOf))));
        }

        var statusName = Text("status", 20);
        EntryStatus? status = null;
        if (statusName is not null)
        {
            if (Enum.TryParse<EntryStatus>(statusName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(statusName, out _))
            {
                status = parsed;
            }
            else
            {
                errors.Add(new("status", "status", "draft, submitted, published, closed, withdrawn"));
            }
        }

        var language = Text("language", 2);
        if (language is not null && !Languages.IsSupported(language))
        {
            errors.Add(new("language", "language"));
        }

        var sort = Text("sort", 20) ?? EntrySorts.Recent;
        if (!EntrySorts.All.Contains(sort))
        {
            errors.Add(new("sort", "sort", string.Join(", ", EntrySorts.All)));
        }

        var kindName = Text("kind", 10);
        var parsedKind = kind ?? EntryKinds.Parse(kindName);
        if (kind is null && kindName is not null && parsedKind is null)
        {
            errors.Add(new("kind", "kind"));
        }

        var filter = new EntryFilter
        {
            Kind = parsedKind,
            Query = Text("q", 200),
            State = Text("state", 2)?.ToUpperInvariant(),
            Subregion = Text("subregion", 40),
            SectorCategory = Text("category", 3),
            Sector = Text("sector", 5),
            Sdg = Text("sdg", 5),
            Modality = modality,
            Language = language,
            Status = status,
            OpenOn = today,
            Sort = sort,
            Page = Number("page", 1, 1, 100_000),
            PageSize = Number("pageSize", 20, 1, EntrySearch.MaxPageSize),
        };
        return (filter, errors);
    }
}
