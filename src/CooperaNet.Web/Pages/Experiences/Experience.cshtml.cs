using CooperaNet.Application.Data;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Features.Account;
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

/// <summary>
/// One experience at its permanent address (/experiences/{id}, a slug may follow): for anyone when
/// published; for its owners and the secretariat otherwise, with the moves, images and files each may change.
/// </summary>
public sealed class ExperienceModel(ExperienceCommands commands, CooperaNetDbContext db, IMemoryCache cache, AccountEmails emails, IStringLocalizer<Program> text) : PageModel
{
    public Experience Experience { get; private set; } = null!;

    public ExperienceText Text { get; private set; } = null!;

    public IReadOnlyList<ExperienceText> Versions { get; private set; } = [];

    public CatalogLookups Lookups { get; private set; } = null!;

    public ExperienceFiles Files { get; private set; } = ExperienceFiles.None;

    public IReadOnlyList<ExperienceAction> Actions { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string? InitiativeTitle { get; private set; }

    /// <summary>The absolute permanent address, without the slug.</summary>
    public string PermanentLink { get; private set; } = string.Empty;

    public string BaseUrl { get; private set; } = string.Empty;

    public string? Notice { get; private set; }

    public string? Comment { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? version)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, version) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? transition, string? comment)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (ExperienceAction.Find(transition) is not { } move)
        {
            return BadRequest();
        }

        if (!await ShowAsync(id, version: null))
        {
            return NotFound();
        }

        Comment = comment;
        return await AnswerAsync(id, await commands.MoveAsync(User, id, move, comment), "Experiences.Done." + move.Name, move.Transition == ExperienceTransition.Delete && !User.IsSecretariat());
    }

    /// <summary>Adds an image with its description (multipart form: "file", "altText").</summary>
    public async Task<IActionResult> OnPostImageAsync(Guid id, IFormFile? file, string? altText, CancellationToken ct) =>
        await GuardAsync(id) ?? await AnswerAsync(id, await commands.AddImageAsync(User, id, file, altText, ct), "Experiences.Done.image", gone: false, "#files-title");

    /// <summary>Attaches a PDF (multipart form: "file").</summary>
    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, CancellationToken ct) =>
        await GuardAsync(id) ?? await AnswerAsync(id, await commands.AddAttachmentAsync(User, id, file, ct), "Experiences.Done.attach", gone: false, "#files-title");

    /// <summary>Takes an image or a PDF off; it is kept in the database.</summary>
    public async Task<IActionResult> OnPostRemoveFileAsync(Guid id, Guid fileId, CancellationToken ct) =>
        await GuardAsync(id) ?? await AnswerAsync(id, await commands.RemoveFileAsync(User, id, fileId, ct), "Experiences.Done.remove-file", gone: false, "#files-title");

    public string StateName(string code) => Lookups.StateName(code);

    private async Task<IActionResult?> GuardAsync(Guid id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        return await ShowAsync(id, version: null) ? null : NotFound();
    }

    private async Task<IActionResult> AnswerAsync(Guid id, ExperienceOutcome outcome, string notice, bool gone, string anchor = "")
    {
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = notice;
                var lang = UiStrings.CurrentLanguage;
                return Redirect(gone ? $"/{lang}{ExperienceRoutes.List}" : $"/{lang}{ExperienceRoutes.Page(id)}{anchor}");
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
                return Page();
            default:
                ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    private async Task<bool> ShowAsync(Guid id, string? version)
    {
        var experience = await commands.ReadAsync(User, id, includeDeleted: User.IsSecretariat());
        if (experience is null)
        {
            return false;
        }

        var lang = UiStrings.CurrentLanguage;
        Experience = experience;
        Text = ExperienceText.In(experience, Domain.Languages.Normalize(version) ?? lang);
        Versions = ExperienceText.All(experience);
        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        Files = await commands.FilesAsync(id);
        Actions = await commands.ActionsAsync(User, experience);
        CanEdit = await commands.CanEditAsync(User, experience);
        InitiativeTitle = experience.InitiativeId is { } initiative
            ? await db.Initiatives.AsNoTracking().Where(i => i.Id == initiative).Select(i => i.Title).FirstOrDefaultAsync()
            : null;
        BaseUrl = emails.BaseUrl(Request);
        PermanentLink = $"{BaseUrl}/{lang}{ExperienceRoutes.Page(id)}";
        return true;
    }
}
