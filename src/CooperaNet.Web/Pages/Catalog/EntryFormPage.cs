using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Catalog;

/// <summary>
/// What the new-entry and edit pages share: the form, its reference lists, and one way to turn
/// the catalog's answer into a page. Errors come back in the page language, next to their fields,
/// with everything typed still in place.
/// </summary>
public abstract class EntryFormPage(EntryCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public EntryForm Form { get; set; } = new();

    public CatalogLookups Lookups { get; private set; } = null!;

    /// <summary>Sectors and SDGs proposed for the title and texts, after the author asked for them.</summary>
    public ClassificationSuggestions? Suggestions { get; private set; }

    protected EntryCommands Commands => commands;

    /// <summary>
    /// Shows the form again, as typed, with the sectors and SDGs the texts suggest in their language
    /// (the "Suggest" button; nothing is saved).
    /// </summary>
    protected async Task<PageResult> ShowSuggestionsAsync()
    {
        var language = Domain.Languages.Normalize(Form.Language) ?? UiStrings.CurrentLanguage;
        var suggester = HttpContext.RequestServices.GetRequiredService<ClassificationSuggester>();
        Suggestions = await suggester.SuggestAsync(Form.Title, $"{Form.Summary} {Form.Description}", language);
        ModelState.Clear();
        return await ShowAsync();
    }

    /// <summary>Shows the form, with <paramref name="status"/> when it is not 200.</summary>
    protected async Task<PageResult> ShowAsync(int status = StatusCodes.Status200OK)
    {
        Lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);
        Form.WithTranslationSlots();
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>
    /// Reads the form; when part of it cannot be read, lists that and every validation error at once
    /// and returns false (nothing is saved).
    /// </summary>
    protected async Task<(EntryInput Input, bool Readable)> ReadFormAsync(params (string Key, string Message)[] more)
    {
        var (input, unreadable) = Form.ToInput();
        unreadable.InsertRange(0, more);
        if (unreadable.Count == 0)
        {
            return (input, true);
        }

        foreach (var (key, message) in unreadable)
        {
            ModelState.AddModelError(key, text[message]);
        }

        AddErrors(await commands.CheckAsync(input));
        return (input, false);
    }

    protected async Task<IActionResult> AnswerAsync(EntryOutcome outcome, string notice)
    {
        switch (outcome.Refusal)
        {
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case EntryRefusal.Invalid:
                AddErrors(outcome.Errors!);
                return await ShowAsync();
            case EntryRefusal.Conflict:
                ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict!.Code]);
                return await ShowAsync(StatusCodes.Status409Conflict);
            default:
                TempData[Notices.Key] = notice;
                return Redirect($"/{UiStrings.CurrentLanguage}{Routes.Entry(outcome.Entry!.Id)}");
        }
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            // The API lists the modality's machine names; the form offers them as a list of choices.
            var message = error.Code == "modality" ? text["Pages.Form.ModalityRequired"].Value : Problems.Message(text, error);
            ModelState.AddModelError(Form.KeyOf(error.Field), message);
        }
    }
}
