using System.Globalization;
using System.Text.RegularExpressions;
using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Experiences;

namespace CooperaNet.Web.Pages.Experiences;

/// <summary>A translation as typed in one of the form's translation fieldsets.</summary>
public sealed class ExperienceTranslationForm
{
    public string? Language { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public bool IsBlank => new[] { Language, Title, Summary, Body }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// The experience form as the browser sends it: code lists as typed text, a fixed number of translation
/// fieldsets. It becomes an <see cref="ExperienceInput"/> for the shared validation, whose field names
/// come back as the form's own keys.
/// </summary>
public sealed partial class ExperienceForm
{
    public const int TranslationSlots = 3;
    public const string Prefix = "Form";

    public string? Kind { get; set; }

    public string? State { get; set; }

    public string? AuthorName { get; set; }

    public string? Language { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string? VideoUrl { get; set; }

    public string? InitiativeId { get; set; }

    /// <summary>Alpha-2 codes separated by commas.</summary>
    public string? States { get; set; }

    /// <summary>DAC codes separated by commas.</summary>
    public string? Sectors { get; set; }

    /// <summary>SDG goals and targets separated by commas.</summary>
    public string? Sdgs { get; set; }

    public List<ExperienceTranslationForm>? Translations { get; set; }

    public static ExperienceForm From(Experience e) => new ExperienceForm
    {
        Kind = ExperienceKinds.NameOf(e.Kind),
        State = e.StateCode,
        AuthorName = e.AuthorName,
        Language = e.Language,
        Title = e.Title,
        Summary = e.Summary,
        Body = e.Body,
        VideoUrl = e.VideoUrl,
        InitiativeId = e.InitiativeId?.ToString(),
        States = string.Join(", ", e.States.Select(s => s.StateCode).Where(s => s != e.StateCode).Order(StringComparer.Ordinal)),
        Sectors = string.Join(", ", e.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal)),
        Sdgs = string.Join(", ", Features.Catalog.CatalogLookups.InUnOrder(e.Sdgs.Select(s => s.Code))),
        Translations = [.. e.Translations.OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => new ExperienceTranslationForm
        {
            Language = t.Language,
            Title = t.Title,
            Summary = t.Summary,
            Body = t.Body,
        })],
    }.WithTranslationSlots();

    /// <summary>Always <see cref="TranslationSlots"/> fieldsets, blank ones added at the end.</summary>
    public ExperienceForm WithTranslationSlots()
    {
        var filled = (Translations ?? []).Take(TranslationSlots).ToList();
        while (filled.Count < TranslationSlots)
        {
            filled.Add(new ExperienceTranslationForm());
        }

        Translations = filled;
        return this;
    }

    /// <summary>The input the shared validation reads, and whether the initiative could be read at all.</summary>
    public (ExperienceInput Input, bool InitiativeReadable) ToInput()
    {
        Guid? initiative = null;
        var readable = true;
        if (!string.IsNullOrWhiteSpace(InitiativeId))
        {
            readable = Guid.TryParse(InitiativeId.Trim(), out var id);
            initiative = readable ? id : null;
        }

        return (new ExperienceInput
        {
            Kind = Kind,
            State = State,
            AuthorName = AuthorName,
            Language = Language,
            Title = Title,
            Summary = Summary,
            Body = Body,
            VideoUrl = VideoUrl,
            InitiativeId = initiative,
            States = Codes(States),
            Sectors = Codes(Sectors),
            Sdgs = Codes(Sdgs),
            Translations = [.. FilledSlots().Select(i => Translations![i]).Select(t => new ExperienceTranslationInput(t.Language, t.Title, t.Summary, t.Body))],
        }, readable);
    }

    /// <summary>The form key of a field the validation names: "authorName" → "Form.AuthorName", "translations[0].title" → the fieldset it came from.</summary>
    public string KeyOf(string field)
    {
        var translation = TranslationField().Match(field);
        if (translation.Success)
        {
            var slot = FilledSlots()[int.Parse(translation.Groups[1].Value, CultureInfo.InvariantCulture)];
            return $"{Prefix}.{nameof(Translations)}[{slot}].{Pascal(translation.Groups[2].Value)}";
        }

        return $"{Prefix}.{Pascal(field)}";
    }

    private List<int> FilledSlots() => [.. (Translations ?? []).Select((t, i) => (t, i)).Where(p => !p.t.IsBlank).Select(p => p.i)];

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static List<string> Codes(string? text) =>
        [.. (text ?? string.Empty).Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^translations\[(\d+)\]\.(\w+)$")]
    private static partial Regex TranslationField();
}
