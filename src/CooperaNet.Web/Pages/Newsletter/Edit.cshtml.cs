using CooperaNet.Application.Newsletter;
using CooperaNet.Domain.Newsletter;
using CooperaNet.Web.Features.Newsletter;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Newsletter;

/// <summary>The secretariat edits a draft: title, introduction, and which of the recent content it carries.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditIssueModel(NewsletterIssues issues, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public IssueForm Form { get; set; } = new();

    public NewsletterIssue Item { get; private set; } = null!;

    /// <summary>Everything the draft may carry: its items, then content published since the previous issue.</summary>
    public IReadOnlyList<IssueItemView> Choices { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Notice = Notices.Take(this);
        Form = new IssueForm { Title = Item.Title, Introduction = Item.Introduction, Items = [.. Item.Items.Select(i => IssueView.Item(i).Key)] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await issues.UpdateAsync(id, Form.Title, Form.Introduction, Form.Items, ct);
        if (outcome.Issue is not null)
        {
            TempData[Notices.Key] = "Newsletter.Done.save";
            return Redirect($"/{UiStrings.CurrentLanguage}{NewsletterRoutes.Issue(id)}");
        }

        if (outcome.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(SubscribeForm.FieldOf(error.Field), Problems.Message(text, error));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Only drafts are edited: a sent issue is not found here.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await issues.FindAsync(id, withDrafts: true, ct) is not { Status: IssueStatus.Draft, DeletedAt: null } issue)
        {
            return false;
        }

        Item = issue;
        var have = issue.Items.OrderBy(i => i.Position).Select(IssueView.Item).ToList();
        var keys = have.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var more = (await issues.CandidatesAsync(issue.Language, await issues.SinceAsync(issue.Language, ct), ct)).Where(c => !keys.Contains(c.Key)).Select(IssueView.Item);
        Choices = [.. have, .. more];
        return true;
    }
}

/// <summary>The draft form's fields; <see cref="Items"/> are the ticked keys ("event:{id}").</summary>
public sealed class IssueForm
{
    public string? Title { get; set; }

    public string? Introduction { get; set; }

    public List<string> Items { get; set; } = [];
}
