using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experiences;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experiences;

/// <summary>An initiative offered in the form's list.</summary>
public sealed record InitiativeChoice(Guid Id, string Title, string Language);

/// <summary>
/// What the new-experience and edit pages share: the form, its lists, and one way to turn the
/// commands' answer into a page. Errors come back in the page language next to their fields.
/// </summary>
public abstract class ExperienceFormPage(ExperienceCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public ExperienceForm Form { get; set; } = new();

    public CatalogLookups Lookups { get; private set; } = null!;

    public IReadOnlyList<InitiativeChoice> Initiatives { get; private set; } = [];

    /// <summary>The secretariat names the responsible state; a focal point's is always its own.</summary>
    public bool ChoosesState => User.IsSecretariat();

    protected ExperienceCommands Commands => commands;

    protected async Task<PageResult> ShowAsync(int status = StatusCodes.Status200OK)
    {
        Lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);
        Initiatives = await db.Initiatives.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(200)
            .Select(i => new InitiativeChoice(i.Id, i.Title, i.Language)).ToListAsync();
        Form.WithTranslationSlots();
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Reads the form; false (and every error listed) when part of it cannot be read.</summary>
    protected async Task<(Application.Experiences.ExperienceInput Input, bool Readable)> ReadFormAsync()
    {
        var (input, readable) = Form.ToInput();
        if (readable)
        {
            return (input, true);
        }

        ModelState.AddModelError($"{ExperienceForm.Prefix}.{nameof(ExperienceForm.InitiativeId)}", text["Error.experience.initiative-unknown"]);
        AddErrors(await commands.CheckAsync(input));
        return (input, false);
    }

    protected async Task<IActionResult> AnswerAsync(ExperienceOutcome outcome, string notice)
    {
        switch (outcome.Refusal)
        {
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case EntryRefusal.Invalid:
                AddErrors(outcome.Errors!);
                return await ShowAsync(StatusCodes.Status400BadRequest);
            case EntryRefusal.Conflict:
                ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict]);
                return await ShowAsync(StatusCodes.Status409Conflict);
            default:
                TempData[Notices.Key] = notice;
                return Redirect($"/{UiStrings.CurrentLanguage}{ExperienceRoutes.Page(outcome.Experience!.Id)}");
        }
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            var message = error.Code == "experience.kind" ? text["Experiences.Form.KindRequired"].Value : Problems.Message(text, error);
            ModelState.AddModelError(Form.KeyOf(error.Field), message);
        }
    }
}
