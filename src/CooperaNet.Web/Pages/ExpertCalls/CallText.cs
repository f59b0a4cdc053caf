using System.Globalization;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.ExpertCalls;

/// <summary>A call in a list or on its page, with what the reader's language names: sectors, languages, countries.</summary>
/// <param name="MyStatus">The signed-in expert's application's status on it, when they applied.</param>
public sealed record CallCard(ExpertCall Call, CatalogLookups Lookups, string? MyStatus, int Level = 2);

/// <summary>How the calls' pages word codes and dates.</summary>
public static class CallText
{
    /// <summary>An official language by the interface's name for it; another by its own name, with <c>Foreign</c> true so the page marks its language.</summary>
    public static (string Name, bool Foreign) Language(string code, IStringLocalizer text)
    {
        if (CooperaNet.Domain.Languages.IsSupported(code))
        {
            return (text["Pages.Language." + code], false);
        }

        try
        {
            var native = CultureInfo.GetCultureInfo(code).NativeName;
            return (native, true);
        }
        catch (CultureNotFoundException)
        {
            return (code, false);
        }
    }

    public static IEnumerable<string> CountryNames(ExpertCall call, string lang) => call.Countries.Select(c => Countries.NameOf(c, lang));

    /// <summary>The last day to apply, in the reader's culture.</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string IsoDay(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>How the calls' pages show a refused write.</summary>
public static class CallRefusal
{
    /// <summary>
    /// Puts each field's message under the key <paramref name="keyOf"/> gives it (so the error summary links
    /// to the field) and a refused move above the form; returns the status to answer: 400 or 409.
    /// </summary>
    public static int Show(ModelStateDictionary state, CallOutcome outcome, IStringLocalizer text, Func<string, string> keyOf)
    {
        foreach (var error in outcome.Errors ?? [])
        {
            state.AddModelError(keyOf(error.Field), Problems.Message(text, error));
        }

        if (outcome.Conflict is { } conflict)
        {
            state.AddModelError(string.Empty, text["Error." + conflict]);
        }

        return outcome.Refusal == EntryRefusal.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
    }
}
