using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>
/// What the apply and profile pages share: the profile form, its lists (countries, sectors, SDGs in the
/// page language), the sectors and SDGs suggested from the summary, and errors shown on their fields.
/// </summary>
public abstract class ExpertFormPage(ExpertCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public ExpertForm Form { get; set; } = new();

    public CatalogLookups Lookups { get; private set; } = null!;

    /// <summary>Sectors and SDGs proposed for the summary and position, after the expert asked for them.</summary>
    public ClassificationSuggestions? Suggestions { get; private set; }

    /// <summary>The countries by their name in the page language, in its alphabetical order.</summary>
    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];

    protected ExpertCommands Commands => commands;

    protected IStringLocalizer<Program> Text => text;

    /// <summary>Shows the form, with <paramref name="status"/> (400 when it has errors).</summary>
    protected async Task<PageResult> ShowAsync(int? status = null)
    {
        var lang = UiStrings.CurrentLanguage;
        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo(lang), CompareOptions.IgnoreCase);
        CountryOptions = [.. Countries.Codes.Select(c => (c, Countries.NameOf(c, lang))).OrderBy(c => c.Item2, comparer)];
        Form.WithLanguageRows();
        Response.StatusCode = status ?? (ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        return Page();
    }

    /// <summary>The form again, as typed, with the sectors and SDGs its summary suggests (nothing is saved).</summary>
    protected async Task<PageResult> ShowSuggestionsAsync()
    {
        var suggester = HttpContext.RequestServices.GetRequiredService<ClassificationSuggester>();
        Suggestions = await suggester.SuggestAsync(Form.CurrentPosition, Form.Summary, UiStrings.CurrentLanguage);
        ModelState.Clear();
        return await ShowAsync();
    }

    /// <summary>Reads the form; when part of it cannot be read, lists that and every other problem of the profile and returns null.</summary>
    protected async Task<ExpertInput?> ReadFormAsync()
    {
        var (input, unreadable) = Form.ToInput();
        if (unreadable.Count == 0)
        {
            return input;
        }

        foreach (var key in unreadable)
        {
            ModelState.AddModelError(key, text["Pages.Form.DateInvalid"]);
        }

        AddErrors(await commands.CheckAsync(input));
        return null;
    }

    /// <summary>Shows each refusal on the field it names; account fields are under <paramref name="account"/>.</summary>
    protected void AddErrors(IEnumerable<FieldError> errors, string? account = null)
    {
        foreach (var error in errors)
        {
            var key = account is not null && error.Field is "email" or "password" or "consent"
                ? $"{account}.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}"
                : ExpertForm.KeyOf(error.Field);
            ModelState.AddModelError(key, Problems.Message(text, error));
        }
    }
}
