using System.Globalization;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Localization;

namespace CooperaNet.Web.Pages.ExpertCalls;

/// <summary>A call as its form posts it: codes typed with commas, the deadline as a day.</summary>
public sealed class CallForm
{
    public const string Prefix = "Form";

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Language { get; set; }

    public string? Sectors { get; set; }

    public string? Languages { get; set; }

    public string? Countries { get; set; }

    public string? PriorityArea { get; set; }

    /// <summary>yyyy-MM-dd: applications close at the end of that day (UTC).</summary>
    public string? Deadline { get; set; }

    public static CallForm From(CallInput input) => new()
    {
        Title = input.Title,
        Description = input.Description,
        Language = input.Language ?? UiStrings.CurrentLanguage,
        Sectors = string.Join(", ", input.Sectors ?? []),
        Languages = string.Join(", ", input.Languages ?? []),
        Countries = string.Join(", ", input.Countries ?? []),
        PriorityArea = input.PriorityArea,
        Deadline = input.Deadline?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static CallForm From(ExpertCall call) =>
        From(new CallInput(call.Title, call.Description, call.Language, call.Sectors, call.Languages, call.Countries, call.PriorityArea, call.Deadline));

    /// <summary>The input, and false when the deadline is not a day.</summary>
    public (CallInput Input, bool Readable) ToInput()
    {
        DateTimeOffset? deadline = null;
        var readable = true;
        if (!string.IsNullOrWhiteSpace(Deadline))
        {
            if (DateOnly.TryParseExact(Deadline.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                deadline = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
            }
            else
            {
                readable = false;
            }
        }

        return (new CallInput(Title, Description, Language, Codes(Sectors), Codes(Languages), Codes(Countries), PriorityArea, deadline), readable);
    }

    /// <summary>The form key of a field the validation names: "priorityArea" → "Form.PriorityArea".</summary>
    public static string KeyOf(string field) => $"{Prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    private static List<string> Codes(string? text) =>
        [.. (text ?? string.Empty).Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
