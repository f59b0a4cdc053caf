using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Catalog;

/// <summary>
/// One offer or demand, for anyone when published; for its state and the secretariat otherwise,
/// with the life-cycle buttons each of them may use. The public's copy of a published entry's page
/// is shared like the catalog's lists (and emptied with them when an entry the public sees changes).
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CatalogListCache.PagePolicy)]
public sealed class CatalogEntryModel(EntryCommands commands, AttachmentCommands files, Features.Crossing.PairViews pairs, IAuthorizationService auth, CooperaNetDbContext db, IMemoryCache cache, AccountEmails emails, IStringLocalizer<Program> text) : PageModel
{
    public CatalogEntry Entry { get; private set; } = null!;

    public CatalogLookups Lookups { get; private set; } = null!;

    /// <summary>The texts shown: the reader's choice, else the page language's, else the original.</summary>
    public EntryText Text { get; private set; } = null!;

    public IReadOnlyList<EntryText> Versions { get; private set; } = [];

    public IReadOnlyList<EntryAction> Actions { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>The entry's PDF files; for the secretariat, the removed ones too (to put them back).</summary>
    public IReadOnlyList<AttachmentView> Attachments { get; private set; } = [];

    /// <summary>The entry's best pairs, for its state's focal points and the secretariat.</summary>
    public IReadOnlyList<Features.Crossing.PairView> Pairs { get; private set; } = [];

    /// <summary>The secretariat may put removed files back.</summary>
    public bool CanRestoreFiles { get; private set; }

    public string PermanentLink { get; private set; } = string.Empty;

    public string? Notice { get; private set; }

    /// <summary>The secretariat's reason when it returns the entry, kept when the form comes back with an error.</summary>
    public string? Comment { get; private set; }

    /// <summary>The move waiting for the user's confirmation, shown as a panel with Confirm and Cancel.</summary>
    public EntryAction? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? version)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, version) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? transition, string? comment, bool confirmed)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (EntryAction.Find(transition) is not { } move)
        {
            return BadRequest();
        }

        // An entry the user may not see is not found, whatever they ask of it: the same answer as its page.
        if (!await ShowAsync(id, version: null))
        {
            return NotFound();
        }

        if (NeedsConfirmation(move) && !confirmed && Actions.Contains(move))
        {
            Confirming = move;
            return Page();
        }

        var outcome = Entry.DeletedAt is not null && move.Transition != EntryTransition.Restore
            ? EntryOutcome.Refused(EntryError.Deleted)
            : await commands.MoveAsync(User, id, kind: null, move, comment);
        switch (outcome.Refusal)
        {
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case EntryRefusal.Invalid:
                foreach (var error in outcome.Errors!)
                {
                    ModelState.AddModelError(error.Field, Problems.Message(text, error));
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case EntryRefusal.Conflict:
                ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict!.Code]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                TempData[Notices.Key] = "Pages.Entry.Done." + move.Name;
                var lang = UiStrings.CurrentLanguage;
                var stillVisible = outcome.Entry!.DeletedAt is null || User.IsSecretariat();
                return Redirect(stillVisible ? $"/{lang}{Routes.Entry(id)}" : $"/{lang}{Routes.Catalog}");
        }

        Comment = comment;
        return Page();
    }

    /// <summary>Attaches a PDF to the entry (multipart form, field "file").</summary>
    public Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken ct) =>
        FileChangeAsync(id, "attach", () => files.AddAsync(User, id, kind: null, file, ct));

    /// <summary>Takes a file off the entry; it is kept and the secretariat can put it back.</summary>
    public Task<IActionResult> OnPostRemoveFileAsync(Guid id, Guid attachmentId, CancellationToken ct) =>
        FileChangeAsync(id, "remove-file", () => files.RemoveAsync(User, id, kind: null, attachmentId, ct));

    /// <summary>Puts a removed file back (secretariat).</summary>
    public Task<IActionResult> OnPostRestoreFileAsync(Guid id, Guid attachmentId, CancellationToken ct) =>
        FileChangeAsync(id, "restore-file", () => files.RestoreAsync(User, id, kind: null, attachmentId, ct));

    private async Task<IActionResult> FileChangeAsync(Guid id, string done, Func<Task<AttachmentOutcome>> change)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        // An entry the user may not see is not found, whatever they ask of it: the same answer as its page.
        if (!await ShowAsync(id, version: null))
        {
            return NotFound();
        }

        var outcome = await change();
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = "Pages.Entry.Done." + done;
                return Redirect($"/{UiStrings.CurrentLanguage}{Routes.Entry(id)}#files-title");
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (outcome.Refusal == EntryRefusal.Invalid)
        {
            foreach (var error in outcome.Errors!)
            {
                ModelState.AddModelError(error.Field, Problems.Message(text, error));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict!.Code]);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    /// <summary>Moves that take an entry out of the catalog ask "are you sure?" before they are made.</summary>
    public static bool NeedsConfirmation(EntryAction action) => action.Transition is EntryTransition.Delete or EntryTransition.Withdraw;

    public string StateName => Lookups.StateName(Entry.StateCode);

    /// <summary>A place an entry is open to: a state by its name, a subregion by its localized name.</summary>
    public string PlaceName(string place) =>
        Lookups.StatesByCode.TryGetValue(place, out var state) ? state.Name : text["Subregion." + place];

    private async Task<bool> ShowAsync(Guid id, string? version)
    {
        var entry = await commands.ReadAsync(User, id, kind: null, includeDeleted: User.IsSecretariat());
        if (entry is null)
        {
            return false;
        }

        var lang = UiStrings.CurrentLanguage;
        Entry = entry;
        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        Versions = EntryText.All((CatalogEntry)entry);
        Text = EntryText.In((CatalogEntry)entry, version ?? lang);
        Actions = await commands.ActionsAsync(User, (CatalogEntry)entry);
        CanEdit = await commands.CanEditAsync(User, (CatalogEntry)entry);
        CanRestoreFiles = User.IsSecretariat();
        Attachments = await AttachmentCommands.ListAsync(db, (CatalogEntry)entry, includeRemoved: CanRestoreFiles);
        if (entry.Status == EntryStatus.Published && (await auth.AuthorizeAsync(User, entry, CatalogOperations.Edit)).Succeeded)
        {
            Pairs = [.. (await pairs.ForEntryAsync(entry.Id, lang)).Where(p => p.IsCurrent).Take(5)];
        }
        PermanentLink = $"{emails.BaseUrl(Request)}/{lang}{Routes.Entry(id)}";
        return true;
    }
}
