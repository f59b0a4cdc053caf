using System.Globalization;
using System.Net.Mail;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Interop.Tables;

namespace CooperaNet.Cli.Experts;

/// <summary>One problem of the file: "line N: field: reason".</summary>
internal sealed record RowError(int Line, string Field, string Reason)
{
    public override string ToString() => $"line {Line}: {Field}: {Reason}";
}

/// <summary>A valid row: the account's address and language, and the profile.</summary>
internal sealed record RosterRow(int Line, string Email, string Language, ExpertInput Profile);

/// <summary>
/// The roster file of <c>experts import</c>: a header naming the columns (in any order), then one
/// expert a row. Lists inside a field are separated by semicolons.
/// </summary>
internal static class RosterCsv
{
    public const string Email = "email";
    public const string FullName = "full_name";
    public const string Nationality = "nationality";
    public const string Residence = "residence";
    public const string Languages = "languages";
    public const string Sectors = "sectors";
    public const string Sdgs = "sdgs";
    public const string Years = "years_of_experience";
    public const string Availability = "availability";
    public const string AvailableFrom = "available_from";
    public const string Education = "education";
    public const string CurrentPosition = "current_position";
    public const string Summary = "summary";
    public const string Language = "language";

    /// <summary>Columns every file has.</summary>
    public static readonly string[] Required = [Email, FullName, Nationality, Languages, Sectors, Years, Availability, Summary];

    /// <summary>Columns a file may leave out.</summary>
    public static readonly string[] Optional = [Residence, Sdgs, AvailableFrom, Education, CurrentPosition, Language];

    /// <summary>The profile's field names (as <see cref="ExpertValidation"/> reports them) to the file's columns.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["fullName"] = FullName,
        ["nationality"] = Nationality,
        ["residence"] = Residence,
        ["summary"] = Summary,
        ["yearsOfExperience"] = Years,
        ["education"] = Education,
        ["currentPosition"] = CurrentPosition,
        ["availability"] = Availability,
        ["availableFrom"] = AvailableFrom,
        ["languages"] = Languages,
        ["sectors"] = Sectors,
        ["sdgs"] = Sdgs,
    };

    /// <summary>Reads and checks every row against the code lists; a row with several problems reports each.</summary>
    public static (IReadOnlyList<RosterRow> Rows, IReadOnlyList<RowError> Errors) Parse(string text, ReferenceCodes codes, DateOnly today)
    {
        var (records, unclosed) = CsvFile.Read(text);
        if (unclosed is { } openLine)
        {
            return ([], [new RowError(openLine, "row", "a quoted field is never closed")]);
        }

        if (records.Count == 0)
        {
            return ([], [new RowError(1, "header", $"the file is empty; the first line names the columns: {string.Join(",", Required)}")]);
        }

        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var headerErrors = header.Where(h => !Required.Contains(h) && !Optional.Contains(h)).Select(h => new RowError(1, "header", $"unknown column '{h}'"))
            .Concat(Required.Where(r => !header.Contains(r)).Select(r => new RowError(1, "header", $"missing column '{r}'")))
            .Concat(header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => new RowError(1, "header", $"column '{g.Key}' appears twice")))
            .ToList();
        if (headerErrors.Count > 0)
        {
            return ([], headerErrors);
        }

        var rows = new List<RosterRow>();
        var errors = new List<RowError>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
            {
                errors.Add(new RowError(record.Line, "row", $"has {record.Fields.Count} fields; the header has {header.Count}"));
                continue;
            }

            var values = header.Zip(record.Fields).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal);
            var rowErrors = new List<RowError>();
            var email = values[Email];
            if (email.Length is 0 or > 256 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
            {
                rowErrors.Add(new RowError(record.Line, Email, email.Length == 0 ? "required" : $"'{email}' is not an e-mail address"));
            }
            else if (seen.TryGetValue(email, out var first))
            {
                rowErrors.Add(new RowError(record.Line, Email, $"'{email}' is also on line {first}"));
            }
            else
            {
                seen[email] = record.Line;
            }

            var language = Get(values, Language) is { Length: > 0 } lang ? lang.ToLowerInvariant() : CooperaNet.Domain.Languages.Default;
            if (!CooperaNet.Domain.Languages.IsSupported(language))
            {
                rowErrors.Add(new RowError(record.Line, Language, $"'{language}' is not es, en, pt or fr"));
            }

            var input = ToInput(values, record.Line, rowErrors);
            rowErrors.AddRange(ExpertValidation.Check(input, codes, today)
                .Where(e => !rowErrors.Any(r => r.Field == ColumnOf.GetValueOrDefault(e.Field, e.Field)))
                .Select(e => new RowError(record.Line, ColumnOf.GetValueOrDefault(e.Field, e.Field), Reason(e))));
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
            }
            else
            {
                rows.Add(new RosterRow(record.Line, email, language, input));
            }
        }

        return (rows, errors);
    }

    private static ExpertInput ToInput(Dictionary<string, string> values, int line, List<RowError> errors)
    {
        int? years = null;
        var yearsText = values[Years];
        if (int.TryParse(yearsText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYears))
        {
            years = parsedYears;
        }
        else if (yearsText.Length > 0)
        {
            errors.Add(new RowError(line, Years, $"'{yearsText}' is not a whole number"));
        }

        DateOnly? from = null;
        if (Get(values, AvailableFrom) is { Length: > 0 } fromText)
        {
            if (DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                from = day;
            }
            else
            {
                errors.Add(new RowError(line, AvailableFrom, $"'{fromText}' is not a date written yyyy-mm-dd"));
            }
        }

        var languages = new List<LanguageInput>();
        foreach (var item in List(values[Languages]))
        {
            var parts = item.Split(':');
            if (parts.Length != 2)
            {
                errors.Add(new RowError(line, Languages, $"'{item}' is not language:level (e.g. es:native;en:advanced)"));
                continue;
            }

            languages.Add(new LanguageInput(parts[0].Trim().ToLowerInvariant(), parts[1].Trim().ToLowerInvariant()));
        }

        return new ExpertInput
        {
            FullName = values[FullName],
            Nationality = values[Nationality],
            Residence = Get(values, Residence),
            Summary = values[Summary],
            YearsOfExperience = years,
            Education = Get(values, Education),
            CurrentPosition = Get(values, CurrentPosition),
            Availability = values[Availability].ToLowerInvariant(),
            AvailableFrom = from,
            Languages = languages,
            Sectors = List(values[Sectors]),
            Sdgs = List(Get(values, Sdgs) ?? string.Empty),
        };
    }

    private static string? Get(Dictionary<string, string> values, string column) => values.GetValueOrDefault(column);

    private static string[] List(string value) => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The message of a profile check, in English, as the command line speaks.</summary>
    private static string Reason(FieldError error)
    {
        string Arg(int i) => error.Arguments.Length > i ? Convert.ToString(error.Arguments[i], CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
        return error.Code switch
        {
            "required" => "required",
            "length" => $"must be {Arg(0)} to {Arg(1)} characters long",
            "range" => $"must be from {Arg(0)} to {Arg(1)}",
            "too-many" => $"at most {Arg(0)}",
            "expert.country" => $"'{Arg(0)}' is not an ISO 3166-1 alpha-2 country code",
            "expert.availability" => "must be available, partly or unavailable",
            "expert.available-from" => "is more than a year ago",
            "expert.languages-required" => "at least one language is required",
            "expert.language" => "each language is a two-letter ISO 639-1 code and a level: basic, intermediate, advanced or native",
            "expert.language-twice" => "a language is listed twice",
            "sectors.required" => "at least one DAC sector is required",
            "sectors.unknown" => $"'{Arg(0)}' is not an active 5-digit DAC sector code",
            "sdgs.unknown" => $"'{Arg(0)}' is not an SDG goal or target (e.g. 6 or 6.1)",
            _ => error.Code,
        };
    }
}
