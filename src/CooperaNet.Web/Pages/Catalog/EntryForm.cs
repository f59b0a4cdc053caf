using System.Globalization;
using System.Text.RegularExpressions;
using CooperaNet.Application.Catalog;
using CooperaNet.Domain.Catalog;

namespace CooperaNet.Web.Pages.Catalog;

/// <summary>A translation as typed in one of the form's translation fieldsets.</summary>
public sealed class TranslationForm
{
    public string? Language { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public bool IsBlank => new[] { Language, Title, Summary, Description }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// The entry form as the browser sends it: lists of codes as typed text, dates as yyyy-MM-dd, a fixed
/// number of translation fieldsets. It becomes an <see cref="EntryInput"/> for the shared validation,
/// and the validation's field names come back as the form's own keys.
/// </summary>
public sealed partial class EntryForm
{
    public const int TranslationSlots = 3;
    public const string Prefix = "Form";

    public string? Kind { get; set; }

    public string? State { get; set; }

    public string? Language { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    /// <summary>DAC codes separated by commas.</summary>
    public string? Sectors { get; set; }

    /// <summary>SDG goals and targets separated by commas.</summary>
    public string? Sdgs { get; set; }

    public string? Modality { get; set; }

    public List<string>? WorkingLanguages { get; set; }

    /// <summary>State codes and subregions separated by commas.</summary>
    public string? OpenTo { get; set; }

    public string? Institution { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public string? CostSharing { get; set; }

    public string? ExpiresOn { get; set; }

    public List<TranslationForm>? Translations { get; set; }

    public static EntryForm From(CatalogEntry entry) => new EntryForm
    {
        Kind = EntryKinds.NameOf(entry.Kind),
        State = entry.StateCode,
        Language = entry.Language,
        Title = entry.Title,
        Summary = entry.Summary,
        Description = entry.Description,
        Sectors = string.Join(", ", entry.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal)),
        Sdgs = string.Join(", ", Features.Catalog.CatalogLookups.InUnOrder(entry.Sdgs.Select(s => s.Code))),
        Modality = Modalities.NameOf(entry.Modality),
        WorkingLanguages = [.. entry.WorkingLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries)],
        OpenTo = string.Join(", ", entry.OpenTo.Split(',', StringSplitOptions.RemoveEmptyEntries)),
        Institution = entry.Institution,
        ContactName = entry.ContactName,
        ContactEmail = entry.ContactEmail,
        StartsOn = Date(entry.StartsOn),
        EndsOn = Date(entry.EndsOn),
        CostSharing = entry.CostSharing,
        ExpiresOn = Date(entry.ExpiresOn),
        Translations = [.. entry.Translations.Where(t => t.Language != entry.Language).Select(t => new TranslationForm
        {
            Language = t.Language,
            Title = t.Title,
            Summary = t.Summary,
            Description = t.Description,
        })],
    }.WithTranslationSlots();

    /// <summary>Always <see cref="TranslationSlots"/> fieldsets, blank ones added at the end.</summary>
    public EntryForm WithTranslationSlots()
    {
        var filled = (Translations ?? []).Take(TranslationSlots).ToList();
        while (filled.Count < TranslationSlots)
        {
            filled.Add(new TranslationForm());
        }

        Translations = filled;
        return this;
    }

    /// <summary>
    /// The input the catalog's validation reads, and what could not even be read (an impossible date):
    /// each as the form key of its field and the message key.
    /// </summary>
    public (EntryInput Input, List<(string Key, string Message)> Unreadable) ToInput()
    {
        var unreadable = new List<(string, string)>();
        DateOnly? Day(string? text, string property)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            unreadable.Add(($"{Prefix}.{property}", "Pages.Form.DateInvalid"));
            return null;
        }

        var input = new EntryInput
        {
            State = State,
            Language = Language,
            Title = Title,
            Summary = Summary,
            Description = Description,
            Sectors = Codes(Sectors),
            Sdgs = Codes(Sdgs),
            Modality = Modality,
            WorkingLanguages = WorkingLanguages ?? [],
            OpenTo = Places(OpenTo),
            Institution = Institution,
            ContactName = ContactName,
            ContactEmail = ContactEmail,
            StartsOn = Day(StartsOn, nameof(StartsOn)),
            EndsOn = Day(EndsOn, nameof(EndsOn)),
            CostSharing = CostSharing,
            ExpiresOn = Day(ExpiresOn, nameof(ExpiresOn)),
            Translations = [.. FilledSlots().Select(i => Translations![i]).Select(t => new TranslationInput(t.Language, t.Title, t.Summary, t.Description))],
        };
        return (input, unreadable);
    }

    /// <summary>The form key of a field the validation names: "contactEmail" → "Form.ContactEmail", "translations[0].title" → the fieldset it came from.</summary>
    public string KeyOf(string field)
    {
        var translation = TranslationField().Match(field);
        if (translation.Success)
        {
            var slot = FilledSlots()[int.Parse(translation.Groups[1].Value, CultureInfo.InvariantCulture)];
            return $"{Prefix}.{nameof(Translations)}[{slot}].{Pascal(translation.Groups[2].Value)}";
        }

        return field == "body" ? string.Empty : $"{Prefix}.{Pascal(field)}";
    }

    private List<int> FilledSlots() => [.. (Translations ?? []).Select((t, i) => (t, i)).Where(p => !p.t.IsBlank).Select(p => p.i)];

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Codes typed with commas, semicolons or spaces between them.</summary>
    private static List<string> Codes(string? text) =>
        [.. (text ?? string.Empty).Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>States and subregions: subregion names have spaces, so only commas and semicolons separate.</summary>
    private static List<string> Places(string? text) =>
        [.. (text ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Length == 2 ? p.ToUpperInvariant() : p)];

    [GeneratedRegex(@"^translations\[(\d+)\]\.(\w+)$")]
    private static partial Regex TranslationField();
}
