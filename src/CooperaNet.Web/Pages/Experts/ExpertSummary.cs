using System.Globalization;
using CooperaNet.Application.Experts;
using CooperaNet.Web.Features.Catalog;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>A profile as the expert and the secretariat read it, with the names of its codes in the page language.</summary>
public sealed record ExpertSummary(ExpertView Profile, CatalogLookups Lookups, string Language)
{
    public string Country(string code) => Countries.NameOf(code, Language);

    /// <summary>An official language by the page's name for it; another by its own name, with its code.</summary>
    public static string LanguageName(IStringLocalizer text, string code)
    {
        if (Domain.Languages.IsSupported(code))
        {
            return text["Pages.Language." + code];
        }

        try
        {
            return $"{CultureInfo.GetCultureInfo(code).NativeName} ({code})";
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
