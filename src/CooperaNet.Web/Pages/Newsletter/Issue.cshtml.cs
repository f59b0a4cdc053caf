using CooperaNet.Application.Newsletter;
using CooperaNet.Domain.Newsletter;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Newsletter;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Newsletter;

/// <summary>An issue as a page: public once sent; drafts only for the secretariat, who edits, previews and sends them here.</summary>
public sealed class IssueModel(NewsletterIssues issues, AccountEmails emails, IAuthorizationService auth) : PageModel
{
    public NewsletterIssue Item { get; private set; } = null!;

    public bool IsSecretariat { get; private set; }

    public string PermanentLink { get; private set; } = string.Empty;

    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Starts sending a draft to its subscribers.</summary>
    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct) =>
        SecretariatAsync(id, () => issues.SendAsync(id, emails.BaseUrl(Request), ct), "Newsletter.Done.send", ct);

    /// <summary>Deletes a draft; it can be restored from its page.</summary>
    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        SecretariatAsync(id, () => issues.DeleteOrRestoreAsync(id, delete: true, ct), "Newsletter.Done.delete", ct);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct) =>
        SecretariatAsync(id, () => issues.DeleteOrRestoreAsync(id, delete: false, ct), "Newsletter.Done.restore", ct);

    private async Task<IActionResult> SecretariatAsync(Guid id, Func<Task<IssueOutcome>> act, string done, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var outcome = await act();
        if (outcome.Issue is not null)
        {
            TempData[Notices.Key] = done;
            return Redirect($"/{UiStrings.CurrentLanguage}{NewsletterRoutes.Issue(id)}");
        }

        if (outcome.NotFound || !await ShowAsync(id, ct))
        {
            return NotFound();
        }

        Problem = "Error." + outcome.Refused!.Code;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> ShowAsync(Guid id, CancellationToken ct)
    {
        IsSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
        if (await issues.FindAsync(id, IsSecretariat, ct) is not { } issue)
        {
            return false;
        }

        Item = issue;
        PermanentLink = $"{emails.BaseUrl(Request)}/{issue.Language}{NewsletterRoutes.Issue(id)}";
        return true;
    }
}
