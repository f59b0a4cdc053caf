using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Catalog;

/// <summary>A new offer or demand, saved as a draft of a state its author may write for.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CatalogNewModel(EntryCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text)
    : EntryFormPage(commands, db, cache, text)
{
    /// <summary>The states the user may create for: one for a focal point, all for the secretariat.</summary>
    public IReadOnlyList<string> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? kind)
    {
        States = await Commands.CreatableStatesAsync(User);
        if (States.Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var lang = UiStrings.CurrentLanguage;
        Form = new EntryForm
        {
            Kind = EntryKinds.Parse(kind) is { } chosen ? EntryKinds.NameOf(chosen) : null,
            State = States.Count == 1 ? States[0] : null,
            Language = lang,
            WorkingLanguages = [lang],
        };
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        States = await Commands.CreatableStatesAsync(User);
        if (States.Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var kind = EntryKinds.Parse(Form.Kind);
        var (input, readable) = kind is null
            ? await ReadFormAsync(($"{EntryForm.Prefix}.{nameof(EntryForm.Kind)}", "Pages.Form.KindRequired"))
            : await ReadFormAsync();
        if (!readable)
        {
            return await ShowAsync();
        }

        return await AnswerAsync(await Commands.CreateAsync(User, kind!.Value, input), "Pages.Form.Created");
    }

    public async Task<IActionResult> OnPostSuggestAsync()
    {
        States = await Commands.CreatableStatesAsync(User);
        return States.Count == 0 ? StatusCode(StatusCodes.Status403Forbidden) : await ShowSuggestionsAsync();
    }
}
