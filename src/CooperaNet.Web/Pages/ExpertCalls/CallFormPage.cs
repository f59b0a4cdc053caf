using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.ExpertCalls;

/// <summary>What the new-call and edit pages share: the form, the sectors' list, and one way to answer a write.</summary>
public abstract class CallFormPage(CallCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public CallForm Form { get; set; } = new();

    public CatalogLookups Lookups { get; private set; } = null!;

    protected CallCommands Commands => commands;

    protected IStringLocalizer<Program> Text => text;

    protected async Task<PageResult> ShowAsync(int? status = null)
    {
        Lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);
        Response.StatusCode = status ?? (ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        return Page();
    }

    /// <summary>Reads the form and writes it with <paramref name="write"/>; back to the call with <paramref name="notice"/>, or the form again with every error on its field.</summary>
    protected async Task<IActionResult> SaveAsync(Func<CallInput, Task<CallOutcome>> write, string notice)
    {
        var (input, readable) = Form.ToInput();
        if (!readable)
        {
            ModelState.AddModelError(CallForm.KeyOf("deadline"), text["Pages.Form.DateInvalid"]);
            return await ShowAsync();
        }

        var outcome = await write(input);
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = notice;
                return Redirect($"/{UiStrings.CurrentLanguage}{CallRoutes.Call(outcome.Id!.Value)}");
            case EntryRefusal.NotFound:
                return NotFound();
            default:
                return await ShowAsync(CallRefusal.Show(ModelState, outcome, text, CallForm.KeyOf));
        }
    }
}
