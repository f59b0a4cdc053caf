using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Bench.CatalogData;

/// <summary>Makes the input of one plausible offer or demand from the vocabulary and the reference data.</summary>
internal sealed class EntryFactory(Random random, ReferenceCodes codes, IReadOnlyList<string> states)
{
    private static readonly Modality[] ModalityMix =
    [
        Modality.TechnicalAssistance, Modality.TechnicalAssistance, Modality.TechnicalAssistance,
        Modality.ExpertMission, Modality.TrainingCourse, Modality.TrainingCourse, Modality.Internship,
        Modality.StudyVisit, Modality.ExchangeOfExperiences, Modality.ExchangeOfExperiences, Modality.Scholarship, Modality.Other,
    ];

    private readonly string[] activeSectors = [.. codes.ActiveSectors.Order(StringComparer.Ordinal)];

    public (EntryKind Kind, string State, EntryInput Input) Next(DateOnly today)
    {
        var kind = random.Next(5) < 3 ? EntryKind.Offer : EntryKind.Demand;
        var state = states[random.Next(states.Count)];
        var language = random.Next(10) < 8 ? Vocabulary.LanguageOf(state) : Languages.All[random.Next(Languages.All.Count)];
        var topic = Pick(Vocabulary.Topics);
        var modality = Pick(ModalityMix);
        var action = Pick(Vocabulary.Actions[modality]);
        var setting = random.Next(3) == 0 ? Vocabulary.Settings[0] : Pick(Vocabulary.Settings);
        var institution = Pick(Vocabulary.Institutions);
        var sentences = Enumerable.Range(0, 3).Select(_ => Pick(Vocabulary.Sentences)).Distinct().ToList();
        var sectors = Sectors(topic);
        var sdg = topic.Sdg.ToString(CultureInfo.InvariantCulture);
        List<string> sdgs = random.Next(2) == 0 ? [sdg] : [sdg, $"{sdg}.{random.Next(1, 4)}"];

        (string Title, string Summary, string Description) Texts(string lang)
        {
            var title = string.Format(CultureInfo.InvariantCulture, action.In(lang), topic.Name.In(lang)) + setting.In(lang);
            var opening = (kind == EntryKind.Offer ? Vocabulary.OfferOpening : Vocabulary.DemandOpening).In(lang);
            var sectorName = codes.SectorNames[sectors[0]].Resolve(lang).Text;
            var summary = string.Format(CultureInfo.InvariantCulture, opening, institution.In(lang), topic.Name.In(lang)) + setting.In(lang) + ". "
                + string.Format(CultureInfo.InvariantCulture, Vocabulary.SectorSentence.In(lang), sectorName, sdg);
            var description = string.Join(' ', sentences.Select(s => s.In(lang)));
            return (title, summary, description);
        }

        var (title, summary, description) = Texts(language);
        List<TranslationInput> translations = [];
        if (random.Next(4) == 0)
        {
            var other = language == Languages.English ? Languages.Spanish : Languages.English;
            var text = Texts(other);
            translations.Add(new TranslationInput(other, text.Title, text.Summary, text.Description));
        }

        var starts = today.AddDays(random.Next(30, 240));
        var input = new EntryInput
        {
            Language = language,
            Title = title,
            Summary = summary,
            Description = description,
            Translations = translations,
            Sectors = sectors,
            Sdgs = sdgs,
            Modality = Modalities.NameOf(modality),
            WorkingLanguages = language == Languages.English ? [language] : [language, Languages.English],
            OpenTo = random.Next(4) == 0 ? [states[random.Next(states.Count)]] : [],
            Institution = WithoutArticle(institution.In(language)),
            ContactName = "Punto focal de cooperación",
            ContactEmail = $"cooperacion@{state.ToLowerInvariant()}.example.org",
            StartsOn = random.Next(2) == 0 ? starts : null,
            EndsOn = random.Next(2) == 0 ? starts.AddDays(random.Next(30, 365)) : null,
            CostSharing = string.Empty,
            ExpiresOn = random.Next(5) < 3 ? today.AddDays(random.Next(180, 730)) : null,
        };
        return (kind, state, input);
    }

    /// <summary>The topic's sector when it is active, and sometimes one or two more.</summary>
    private List<string> Sectors(Topic topic)
    {
        var sectors = new List<string> { codes.ActiveSectors.Contains(topic.Sector) ? topic.Sector : Pick(activeSectors) };
        var more = random.Next(10) switch { < 5 => 0, < 8 => 1, _ => 2 };
        for (var i = 0; i < more; i++)
        {
            var other = random.Next(2) == 0 ? Pick(Vocabulary.Topics).Sector : Pick(activeSectors);
            if (codes.ActiveSectors.Contains(other) && !sectors.Contains(other))
            {
                sectors.Add(other);
            }
        }

        return sectors;
    }

    /// <summary>"El Ministerio de Salud" → "Ministerio de Salud", "L'Agence ..." → "Agence ...".</summary>
    private static string WithoutArticle(string name) =>
        name.StartsWith("L'", StringComparison.Ordinal) ? name[2..] : name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
