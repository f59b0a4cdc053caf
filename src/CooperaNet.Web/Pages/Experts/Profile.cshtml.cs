using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>
/// The expert's own profile: read it, change it, replace and download the CV, download everything
/// held, and erase it all after ticking a confirmation (no JavaScript needed).
/// </summary>
[Authorize(Policy = ExpertPolicies.Expert)]
public sealed class ProfileModel(ExpertCommands commands, AssignmentCommands assignments, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text)
    : ExpertFormPage(commands, db, cache, text)
{
    public const string CvSection = "cv";
    public const string EraseSection = "erase";
    public const string AssignmentsSection = "assignments";

    public ExpertSummary? Summary { get; private set; }

    public CvInfo? Cv { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The missions proposed to the expert, latest first, with the forms to accept or decline them.</summary>
    public IReadOnlyList<AssignmentCard> Assignments { get; private set; } = [];

    /// <summary>The CV chosen in the upload form.</summary>
    [BindProperty]
    public IFormFile? CvFile { get; set; }

    /// <summary>The erasure's confirmation box.</summary>
    [BindProperty]
    public bool ConfirmErasure { get; set; }

    /// <summary>The consent of an expert account that has no profile yet and writes it here.</summary>
    [BindProperty]
    public bool Consent { get; set; }

    /// <summary>The account has the expert role but no profile: the page invites it to write one.</summary>
    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Commands.MineAsync(User, ct) is not { } profile)
        {
            Missing = true;
            return await ShowAsync();
        }

        Notice = Notices.Take(this);
        Form = ExpertForm.From(ExpertViews.InputOf(profile));
        return await ShowProfileAsync(profile, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Commands.MineAsync(User, ct) is not { } profile)
        {
            return await CreateAsync(ct);
        }

        if (await ReadFormAsync() is not { } input)
        {
            return await ShowProfileAsync(profile, ct);
        }

        var result = await Commands.UpdateAsync(User, input, ct);
        return await AnswerAsync(result, profile, "Experts.Profile.Saved", null, ct);
    }

    public async Task<IActionResult> OnPostSuggestAsync(CancellationToken ct)
    {
        if (await Commands.MineAsync(User, ct) is not { } profile)
        {
            Missing = true;
            return await ShowSuggestionsAsync();
        }

        await ShowSuggestionsAsync();
        return await ShowProfileAsync(profile, ct);
    }

    public async Task<IActionResult> OnPostCvAsync(CancellationToken ct)
    {
        if (await Commands.MineAsync(User, ct) is not { } profile)
        {
            return NotFound();
        }

        await using var stream = CvFile?.OpenReadStream();
        var result = await Commands.UploadCvAsync(User, CvFile?.FileName, stream, CvFile?.Length, ct);
        return await AnswerAsync(result, profile, "Experts.Profile.CvSaved", CvSection, ct);
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (await Commands.MineAsync(User, ct) is not { } profile)
        {
            return NotFound();
        }

        var result = await Commands.EraseAsync(User, ConfirmErasure, ct);
        if (result.Refusal == EntryRefusal.None)
        {
            TempData[Notices.Key] = "Experts.Profile.Erased";
            return Redirect($"/{UiStrings.CurrentLanguage}{ExpertRoutes.Apply}");
        }

        return await AnswerAsync(result, profile, string.Empty, EraseSection, ct);
    }

    /// <summary>Writes the profile of an expert account that has none, with its consent; the form again with its errors otherwise.</summary>
    private async Task<IActionResult> CreateAsync(CancellationToken ct)
    {
        Missing = true;
        if (await ReadFormAsync() is { } input)
        {
            var result = await Commands.CreateAsync(User, Consent, input, ct);
            if (result.Refusal is EntryRefusal.None or EntryRefusal.Conflict)
            {
                TempData[Notices.Key] = "Assignments.NoProfile.Created";
                return Redirect($"/{UiStrings.CurrentLanguage}{ExpertRoutes.Profile}");
            }

            if (result.Refusal == EntryRefusal.Forbidden)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }

            foreach (var error in result.Errors ?? [])
            {
                ModelState.AddModelError(error.Field == "consent" ? nameof(Consent) : ExpertForm.KeyOf(error.Field), Problems.Message(Text, error));
            }
        }

        return await ShowAsync();
    }

    /// <summary>The expert takes a mission proposed to them.</summary>
    public Task<IActionResult> OnPostAcceptAsync(Guid assignmentId, CancellationToken ct) =>
        AnswerAssignmentAsync(assignmentId, "accept", () => assignments.AcceptAsync(User, assignmentId, ct), ct);

    /// <summary>The expert declines a mission, with a reason.</summary>
    public Task<IActionResult> OnPostDeclineAsync(Guid assignmentId, string? reason, CancellationToken ct) =>
        AnswerAssignmentAsync(assignmentId, "decline", () => assignments.DeclineAsync(User, assignmentId, reason, ct), ct);

    private async Task<IActionResult> AnswerAssignmentAsync(Guid assignmentId, string done, Func<Task<AssignmentOutcome>> answer, CancellationToken ct)
    {
        if (await Commands.MineAsync(User, ct) is not { } profile)
        {
            return NotFound();
        }

        if (AssignmentForms.Answer(this, await answer(), assignmentId, done, $"/{UiStrings.CurrentLanguage}{ExpertRoutes.Profile}#{AssignmentsSection}", Text) is { } result)
        {
            return result;
        }

        Form = ExpertForm.From(ExpertViews.InputOf(profile));
        return await ShowProfileAsync(profile, ct);
    }

    private async Task<IActionResult> AnswerAsync(ExpertResult result, ExpertProfile profile, string notice, string? section, CancellationToken ct)
    {
        switch (result.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = notice;
                return Redirect($"/{UiStrings.CurrentLanguage}{ExpertRoutes.Profile}{(section is null ? string.Empty : "#" + section)}");
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case EntryRefusal.NotFound:
                return NotFound();
            default:
                foreach (var error in result.Errors ?? [])
                {
                    var key = error.Field switch
                    {
                        "cv" => nameof(CvFile),
                        "confirm" => nameof(ConfirmErasure),
                        _ => ExpertForm.KeyOf(error.Field),
                    };
                    ModelState.AddModelError(key, Problems.Message(Text, error));
                }

                if (section is not null)
                {
                    // The profile form shows the profile as saved, not what the other form's post carried.
                    Form = ExpertForm.From(ExpertViews.InputOf(profile));
                }

                return await ShowProfileAsync(profile, ct);
        }
    }

    private async Task<IActionResult> ShowProfileAsync(ExpertProfile profile, CancellationToken ct)
    {
        Cv = await Commands.CvInfoAsync(profile, ct);
        var status = Response.StatusCode;
        var page = await ShowAsync(status >= StatusCodes.Status400BadRequest ? status : null);
        Assignments = AssignmentCard.Of(
            await assignments.ListAsync(User, profile.Id, demandId: null, ct) ?? [], Lookups, linkExpert: false,
            a => a.Is(AssignmentStatus.Proposed) ? AssignmentActions.Answer : AssignmentActions.None);
        Summary = new ExpertSummary(ExpertViews.Of(profile), Lookups, UiStrings.CurrentLanguage);
        return page;
    }
}
