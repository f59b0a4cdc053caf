using System.Globalization;
using CooperaNet.Application.Experts;
using CooperaNet.Domain;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>A language row of the form: the code (fixed for the four official languages, typed for others) and a level, blank when not spoken.</summary>
public sealed class LanguageRow
{
    public string? Code { get; set; }

    public string? Level { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Level);
}

/// <summary>
/// The profile form as the browser sends it: codes typed with commas, the number and the date as text,
/// and language rows — one per official language, then a few free ones — that work without JavaScript.
/// </summary>
public sealed class ExpertForm
{
    public const string Prefix = "Form";

    /// <summary>Blank rows offered for languages other than the four official ones.</summary>
    public const int FreeRows = 2;

    public string? FullName { get; set; }

    public string? Nationality { get; set; }

    public string? Residence { get; set; }

    public string? Summary { get; set; }

    public string? YearsOfExperience { get; set; }

    public string? Education { get; set; }

    public string? CurrentPosition { get; set; }

    public string? Availability { get; set; }

    public string? AvailableFrom { get; set; }

    public List<LanguageRow>? Languages { get; set; }

    /// <summary>DAC codes separated by commas.</summary>
    public string? Sectors { get; set; }

    /// <summary>SDG goals and targets separated by commas.</summary>
    public string? Sdgs { get; set; }

    public static ExpertForm From(ExpertInput input) => new ExpertForm
    {
        FullName = input.FullName,
        Nationality = input.Nationality,
        Residence = input.Residence,
        Summary = input.Summary,
        YearsOfExperience = input.YearsOfExperience?.ToString(CultureInfo.InvariantCulture),
        Education = input.Education,
        CurrentPosition = input.CurrentPosition,
        Availability = input.Availability,
        AvailableFrom = input.AvailableFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Languages = [.. (input.Languages ?? []).Select(l => new LanguageRow { Code = l.Language, Level = l.Level })],
        Sectors = string.Join(", ", input.Sectors ?? []),
        Sdgs = string.Join(", ", Features.Catalog.CatalogLookups.InUnOrder(input.Sdgs ?? [])),
    }.WithLanguageRows();

    /// <summary>The four official languages first, in order, then the others given, then blank rows (<see cref="FreeRows"/> free rows at least).</summary>
    public ExpertForm WithLanguageRows()
    {
        var given = (Languages ?? []).Where(r => !r.IsBlank).ToList();
        var rows = Domain.Languages.All
            .Select(code => new LanguageRow { Code = code, Level = given.FirstOrDefault(r => Same(r.Code, code))?.Level })
            .ToList();
        var others = given.Where(r => !Domain.Languages.All.Any(code => Same(r.Code, code))).ToList();
        rows.AddRange(others);
        // Always at least one blank row, so one more language can be added without JavaScript.
        var blanks = Math.Max(FreeRows - others.Count, 1);
        rows.AddRange(Enumerable.Range(0, blanks).Select(_ => new LanguageRow()));

        Languages = rows;
        return this;
    }

    /// <summary>The input the shared validation reads, and the form keys of what could not be read (an impossible date).</summary>
    public (ExpertInput Input, List<string> Unreadable) ToInput()
    {
        var unreadable = new List<string>();
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(AvailableFrom))
        {
            if (DateOnly.TryParseExact(AvailableFrom.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                from = day;
            }
            else
            {
                unreadable.Add($"{Prefix}.{nameof(AvailableFrom)}");
            }
        }

        int? years = null;
        if (!string.IsNullOrWhiteSpace(YearsOfExperience))
        {
            // A number the form cannot read is out of range, and said so.
            years = int.TryParse(YearsOfExperience.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
        }

        var input = new ExpertInput
        {
            FullName = FullName,
            Nationality = Nationality,
            Residence = Residence,
            Summary = Summary,
            YearsOfExperience = years,
            Education = Education,
            CurrentPosition = CurrentPosition,
            Availability = Availability,
            AvailableFrom = from,
            Languages = [.. (Languages ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Level) || (!string.IsNullOrWhiteSpace(r.Code) && !Domain.Languages.IsSupported(r.Code.Trim())))
                .Select(r => new LanguageInput(Blank(r.Code)?.ToLowerInvariant(), Blank(r.Level)))],
            Sectors = Codes(Sectors),
            Sdgs = Codes(Sdgs),
        };
        return (input, unreadable);
    }

    /// <summary>The form key of a field the validation names: "fullName" → "Form.FullName".</summary>
    public static string KeyOf(string field) => $"{Prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    private static bool Same(string? a, string b) => string.Equals(a?.Trim(), b, StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Codes(string? text) =>
        [.. (text ?? string.Empty).Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
