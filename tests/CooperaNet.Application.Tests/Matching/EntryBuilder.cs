using CooperaNet.Domain.Catalog;

namespace CooperaNet.Application.Tests.Matching;

/// <summary>A published offer or demand for the pairing tests: <c>AnOffer().From("MX").In("en").About(...).InSector("14030")</c>.</summary>
internal sealed class EntryBuilder(EntryKind kind)
{
    private readonly List<string> sectors = [];
    private readonly List<string> sdgs = [];
    private string? workingLanguages;
    private string state = "MX";
    private string language = "en";
    private string title = "Cooperation";
    private string summary = "Cooperation between member states.";
    private DateOnly? expiresOn;

    public static EntryBuilder AnOffer() => new(EntryKind.Offer);

    public static EntryBuilder ADemand() => new(EntryKind.Demand);

    public EntryBuilder From(string stateCode)
    {
        state = stateCode;
        return this;
    }

    public EntryBuilder In(string languageCode)
    {
        language = languageCode;
        return this;
    }

    public EntryBuilder About(string entryTitle, string entrySummary)
    {
        title = entryTitle;
        summary = entrySummary;
        return this;
    }

    public EntryBuilder InSector(string code)
    {
        sectors.Add(code);
        return this;
    }

    public EntryBuilder ForSdg(params string[] codes)
    {
        sdgs.AddRange(codes);
        return this;
    }

    /// <summary>The languages the cooperation can be carried out in, comma-separated ("" for none given); by default the entry's language.</summary>
    public EntryBuilder WorkingIn(string languages)
    {
        workingLanguages = languages;
        return this;
    }

    public EntryBuilder ExpiringOn(DateOnly day)
    {
        expiresOn = day;
        return this;
    }

    /// <summary>Submitted and published at <paramref name="now"/>.</summary>
    public CatalogEntry Build(DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var entry = new CatalogEntry
        {
            Id = id,
            Kind = kind,
            StateCode = state,
            Language = language,
            Title = title,
            Summary = summary,
            Institution = "Agencia de cooperación",
            Modality = Modality.TechnicalAssistance,
            WorkingLanguages = workingLanguages ?? language,
            ExpiresOn = expiresOn,
            CreatedAt = now,
            UpdatedAt = now,
            Sectors = [.. sectors.Select(code => new EntrySector { EntryId = id, SectorCode = code })],
            Sdgs = [.. sdgs.Select(code => new EntrySdg { EntryId = id, Code = code })],
        };
        if ((entry.Submit(now) ?? entry.Publish(now)) is { } error)
        {
            throw new InvalidOperationException(error.Code);
        }

        return entry;
    }
}
