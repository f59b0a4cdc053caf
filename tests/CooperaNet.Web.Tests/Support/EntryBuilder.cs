using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Support;

/// <summary>
/// Test entries written as the application writes them (<see cref="EntryWriter"/>, so their search
/// terms are indexed) and moved along their life cycle by the domain's own methods:
/// <c>AnEntry().Offer().From("CO").InSector("14030").Titled("...").Published().SaveAsync(factory)</c>.
/// </summary>
public sealed class EntryBuilder
{
    private readonly List<string> sectors = [];
    private readonly List<string> sdgs = [];
    private readonly List<TranslationInput> translations = [];
    private EntryKind kind = EntryKind.Offer;
    private string state = "CO";
    private string language = "es";
    private string title = "Asistencia técnica en gestión comunitaria del agua potable rural";
    private string summary = "Acompañamiento a operadores comunitarios de acueductos rurales durante seis meses.";
    private string description = "Visitas técnicas y guías de operación.\nFormación de operadores locales.";
    private string modality = "technical-assistance";
    private string institution = "APC-Colombia";
    private EntryStatus status = EntryStatus.Draft;
    private Guid? id;

    public static EntryBuilder AnEntry() => new();

    public EntryBuilder Offer() => With(() => kind = EntryKind.Offer);

    public EntryBuilder Demand() => With(() => kind = EntryKind.Demand);

    public EntryBuilder From(string stateCode) => With(() => state = stateCode);

    public EntryBuilder InSector(params string[] codes) => With(() => sectors.AddRange(codes));

    public EntryBuilder ForSdg(params string[] codes) => With(() => sdgs.AddRange(codes));

    public EntryBuilder Titled(string text) => With(() => title = text);

    public EntryBuilder Summarized(string text) => With(() => summary = text);

    public EntryBuilder Described(string text) => With(() => description = text);

    public EntryBuilder WrittenIn(string lang) => With(() => language = lang);

    public EntryBuilder By(string name) => With(() => institution = name);

    public EntryBuilder As(string modalityName) => With(() => modality = modalityName);

    public EntryBuilder TranslatedTo(string lang, string translatedTitle, string translatedSummary) =>
        With(() => translations.Add(new TranslationInput(lang, translatedTitle, translatedSummary, string.Empty)));

    public EntryBuilder Submitted() => With(() => status = EntryStatus.Submitted);

    public EntryBuilder Published() => With(() => status = EntryStatus.Published);

    public EntryBuilder Closed() => With(() => status = EntryStatus.Closed);

    /// <summary>A fixed identifier, for pages whose address a test must know in advance.</summary>
    public EntryBuilder WithId(Guid value) => With(() => id = value);

    public EntryInput Input() => new()
    {
        Language = language,
        Title = title,
        Summary = summary,
        Description = description,
        Sectors = sectors.Count == 0 ? ["14030"] : [.. sectors],
        Sdgs = [.. sdgs],
        Modality = modality,
        WorkingLanguages = [language],
        Institution = institution,
        ContactName = "Ana Pérez",
        ContactEmail = "ana.perez@example.gov",
        Translations = [.. translations],
    };

    public Task<CatalogEntry> SaveAsync(CooperaNetFactory factory) => factory.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<CooperaNetDbContext>();
        var codes = await ReferenceCodes.LoadAsync(db, services.GetRequiredService<IMemoryCache>());
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var input = Input();
        var errors = EntryValidation.Check(input, codes, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The test entry is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Code}")));
        }

        CatalogEntry entry;
        if (id is { } fixedId)
        {
            entry = new CatalogEntry { Id = fixedId, Kind = kind, StateCode = state, Language = language, Title = title, Summary = summary, Institution = institution, CreatedAt = now };
            EntryWriter.Apply(entry, input, codes, now, bySecretariat: false);
        }
        else
        {
            entry = EntryWriter.Create(kind, state, input, codes, now, bySecretariat: false);
        }

        Moves(entry, now);
        db.Entries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    });

    private void Moves(CatalogEntry entry, DateTimeOffset at)
    {
        var path = status switch
        {
            EntryStatus.Submitted => new Func<CatalogEntry, EntryError?>[] { e => e.Submit(at) },
            EntryStatus.Published => [e => e.Submit(at), e => e.Publish(at)],
            EntryStatus.Closed => [e => e.Submit(at), e => e.Publish(at), e => e.Close(at)],
            _ => [],
        };
        foreach (var move in path)
        {
            if (move(entry) is { } error)
            {
                throw new InvalidOperationException($"The test entry could not move: {error.Code}");
            }
        }
    }

    private EntryBuilder With(Action change)
    {
        change();
        return this;
    }
}
