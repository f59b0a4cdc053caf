using CooperaNet.Application.Guidelines;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Features.Guidelines;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Guidelines;

/// <summary>The approval form's fields.</summary>
public sealed class ApprovalForm
{
    public string? Meeting { get; set; }

    public DateOnly? MeetingDate { get; set; }

    public string? Note { get; set; }
}

/// <summary>The comment form's fields.</summary>
public sealed class CommentForm
{
    public string? Section { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// A guideline: one version (the published one unless another is asked for; the latest for participants
/// when none is published), its history, its consultation comments and the secretariat's actions.
/// </summary>
public sealed class GuidelineModel(GuidelineBook book, IAuthorizationService auth, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public ApprovalForm Approval { get; set; } = new();

    [BindProperty]
    public CommentForm Comment { get; set; } = new();

    public Guideline Guideline { get; private set; } = null!;

    public GuidelineVersion Version { get; private set; } = null!;

    public IReadOnlyList<GuidelineComment> Comments { get; private set; } = [];

    /// <summary>The reader's own withdrawn comments on this version, which they may restore.</summary>
    public IReadOnlyList<GuidelineComment> Withdrawn { get; private set; } = [];

    public bool IsParticipant { get; private set; }

    public bool IsSecretariat { get; private set; }

    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? number, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(slug, number, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostNewVersionAsync(string slug, int? number, CancellationToken ct) =>
        SecretariatAsync(slug, number, () => book.NewVersionAsync(slug, ct), "Guidelines.Done.new-version", ct);

    public Task<IActionResult> OnPostConsultAsync(string slug, int number, CancellationToken ct) =>
        SecretariatAsync(slug, number, () => book.MoveAsync(slug, number, GuidelineMove.Consult, ct), "Guidelines.Done.consult", ct);

    public Task<IActionResult> OnPostReturnToDraftAsync(string slug, int number, CancellationToken ct) =>
        SecretariatAsync(slug, number, () => book.MoveAsync(slug, number, GuidelineMove.ReturnToDraft, ct), "Guidelines.Done.return-to-draft", ct);

    public Task<IActionResult> OnPostPublishAsync(string slug, int number, CancellationToken ct) =>
        SecretariatAsync(slug, number, () => book.MoveAsync(slug, number, GuidelineMove.Publish, ct), "Guidelines.Done.publish", ct);

    public Task<IActionResult> OnPostApproveAsync(string slug, int number, CancellationToken ct) =>
        SecretariatAsync(slug, number, () => book.ApproveAsync(slug, number, new GuidelineApprovalInput(Approval.Meeting, Approval.MeetingDate, Approval.Note), ct), "Guidelines.Done.approve", ct);

    public Task<IActionResult> OnPostAddressedAsync(string slug, int number, Guid comment, CancellationToken ct) =>
        SecretariatAsync(slug, number, () => book.MarkAddressedAsync(slug, comment, ct), "Guidelines.Done.addressed", ct);

    public async Task<IActionResult> OnPostCommentAsync(string slug, int number, CancellationToken ct)
    {
        if (!await auth.IsParticipantAsync(User))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        return await AnswerAsync(slug, number, await book.CommentAsync(slug, number, new GuidelineCommentInput(Comment.Section, Comment.Text), ct), "Guidelines.Done.comment", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, int number, Guid comment, CancellationToken ct)
    {
        if (!await auth.IsParticipantAsync(User))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        return await AnswerAsync(slug, number, await book.WithdrawAsync(slug, comment, ct), "Guidelines.Done.withdraw", ct);
    }

    public async Task<IActionResult> OnPostRestoreAsync(string slug, int number, Guid comment, CancellationToken ct)
    {
        if (!await auth.IsParticipantAsync(User))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        return await AnswerAsync(slug, number, await book.RestoreAsync(slug, comment, ct), "Guidelines.Done.restore", ct);
    }

    private async Task<IActionResult> SecretariatAsync(string slug, int? number, Func<Task<GuidelineOutcome>> act, string done, CancellationToken ct)
    {
        if (!await auth.IsSecretariatAsync(User))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        return await AnswerAsync(slug, number, await act(), done, ct);
    }

    private async Task<IActionResult> AnswerAsync(string slug, int? number, GuidelineOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            TempData[Notices.Key] = done;
            return Redirect($"/{UiStrings.CurrentLanguage}{GuidelineRoutes.Version(slug, outcome.Version?.Number ?? number ?? 1)}");
        }

        if (outcome.NotFound || !await ShowAsync(slug, number, ct))
        {
            return NotFound();
        }

        if (outcome.Refused is { } refused)
        {
            Problem = "Error." + refused.Code;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        foreach (var error in outcome.Errors)
        {
            var form = error.Field is "meeting" or "note" ? nameof(Approval) : nameof(Comment);
            ModelState.AddModelError($"{form}.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}", Problems.Message(text, error));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> ShowAsync(string slug, int? number, CancellationToken ct)
    {
        IsParticipant = await auth.IsParticipantAsync(User);
        IsSecretariat = await auth.IsSecretariatAsync(User);
        if (await book.FindAsync(slug, IsParticipant, ct) is not { } guideline)
        {
            return false;
        }

        var version = number is { } n ? guideline.Version(n) : guideline.Published ?? guideline.Latest;
        if (version is null)
        {
            return false;
        }

        Guideline = guideline;
        Version = version;
        Comments = IsParticipant ? await book.CommentsAsync(version.Id, ct) : [];
        Withdrawn = IsParticipant && User.UserId() is { } reader ? await book.WithdrawnAsync(version.Id, reader, ct) : [];
        return true;
    }
}
