using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.FollowUp;

/// <summary>What the follow-up forms share: dates typed as yyyy-mm-dd and refusals shown on their fields.</summary>
public static class FollowUpForms
{
    /// <summary>The day typed in a date field; an unreadable one is an error on <paramref name="field"/>.</summary>
    public static DateOnly? Day(string? typed, string field, ModelStateDictionary state, IStringLocalizer text)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        state.AddModelError(field, text["Error.followup.date"]);
        return null;
    }

    /// <summary>Shows each refusal on the form field it names: "messageEs" under <paramref name="prefix"/> is "Form.MessageEs".</summary>
    public static void AddErrors(ModelStateDictionary state, string prefix, IEnumerable<FieldError> errors, IStringLocalizer text)
    {
        foreach (var error in errors)
        {
            var key = error.Field.Length == 0 ? string.Empty : $"{prefix}.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}";
            state.AddModelError(key, Problems.Message(text, error));
        }
    }
}
