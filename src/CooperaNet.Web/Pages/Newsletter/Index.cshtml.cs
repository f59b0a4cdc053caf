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
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Newsletter;

/// <summary>The newsletter: the subscribe form and the archive of sent issues in the page's language (drafts too for the secretariat).</summary>
public sealed class NewsletterIndexModel(
    NewsletterIssues issues,
    NewsletterSubscriptions subscriptions,
    SubscribeThrottle throttle,
    AccountEmails emails,
    IAuthorizationService auth,
    IStringLocalizer<Program> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty]
    public SubscribeForm Form { get; set; } = new();

    public IReadOnlyList<NewsletterIssue> Issues { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public bool IsSecretariat { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? number, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        Form.Language = UiStrings.CurrentLanguage;
        await LoadAsync(number, ct);
    }

    public async Task<IActionResult> OnPostSubscribeAsync(CancellationToken ct)
    {
        if (!throttle.Allow(HttpContext))
        {
            ModelState.AddModelError(string.Empty, text["Newsletter.TooMany"]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await LoadAsync(1, ct);
            return Page();
        }

        var errors = await subscriptions.SubscribeAsync(Form.Email, Form.Audience, Form.Language, emails.BaseUrl(Request), ct);
        if (errors.Count == 0)
        {
            TempData[Notices.Key] = "Newsletter.Done.subscribe";
            return Redirect($"/{UiStrings.CurrentLanguage}{NewsletterRoutes.Archive}");
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError(SubscribeForm.FieldOf(error.Field), Problems.Message(text, error));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(1, ct);
        return Page();
    }

    private async Task LoadAsync(int? number, CancellationToken ct)
    {
        IsSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
        PageNumber = Math.Max(number ?? 1, 1);
        (Issues, Total) = await issues.ListAsync(IsSecretariat, IsSecretariat ? null : UiStrings.CurrentLanguage, PageNumber, PageSize, ct);
    }
}

/// <summary>The subscribe form's fields.</summary>
public sealed class SubscribeForm
{
    public string? Email { get; set; }

    public string? Audience { get; set; }

    public string? Language { get; set; }

    /// <summary>"email" → "Form.Email".</summary>
    public static string FieldOf(string field) => "Form." + char.ToUpperInvariant(field[0]) + field[1..];
}
