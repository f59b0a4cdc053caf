using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Catalog;

/// <summary>Changes an entry: a draft for its own state's focal points, any entry for the secretariat.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CatalogEditModel(EntryCommands commands, IAuthorizationService auth, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text)
    : EntryFormPage(commands, db, cache, text)
{
    public CatalogEntry Entry { get; private set; } = null!;

    /// <summary>The user may edit this state's entries, but not this one in its present status (or deleted).</summary>
    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        Form = EntryForm.From(Entry);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var (input, readable) = await ReadFormAsync();
        if (!readable)
        {
            return await ShowAsync();
        }

        return await AnswerAsync(await Commands.UpdateAsync(User, id, kind: null, input), "Pages.Form.Saved");
    }

    public async Task<IActionResult> OnPostSuggestAsync(Guid id) =>
        await RefuseAsync(id) ?? await ShowSuggestionsAsync();

    /// <summary>
    /// 404 for an entry the user may not see (as on its own page), 403 for one they see but may not
    /// edit, 409 (the page saying why) for one they may not change in its present status; else loads it.
    /// </summary>
    private async Task<IActionResult?> RefuseAsync(Guid id)
    {
        var entry = await Commands.ReadAsync(User, id, kind: null, includeDeleted: User.IsSecretariat());
        if (entry is null)
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, entry, CatalogOperations.Edit)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Entry = entry;
        Locked = !await Commands.CanEditAsync(User, (CatalogEntry)entry);
        return Locked ? await ShowAsync(StatusCodes.Status409Conflict) : null;
    }
}
