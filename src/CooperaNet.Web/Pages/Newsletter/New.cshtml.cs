using CooperaNet.Application.Newsletter;
using CooperaNet.Web.Features.Newsletter;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Newsletter;

/// <summary>The secretariat starts an issue: a language and, optionally, one audience; the content is chosen automatically.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class NewIssueModel(NewsletterIssues issues, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public ComposeForm Form { get; set; } = new();

    public void OnGet() => Form.Language = UiStrings.CurrentLanguage;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await issues.ComposeAsync(Form.Language, Form.Audience, ct);
        if (outcome.Issue is { } issue)
        {
            TempData[Notices.Key] = "Newsletter.Done.compose";
            return Redirect($"/{UiStrings.CurrentLanguage}{NewsletterRoutes.Edit(issue.Id)}");
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(SubscribeForm.FieldOf(error.Field), Problems.Message(text, error));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

/// <summary>The new-issue form's fields; an empty audience means every audience.</summary>
public sealed class ComposeForm
{
    public string? Language { get; set; }

    public string? Audience { get; set; }
}
