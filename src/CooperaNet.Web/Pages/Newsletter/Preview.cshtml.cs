using CooperaNet.Application.Newsletter;
using CooperaNet.Domain.Newsletter;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Newsletter;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Newsletter;

/// <summary>The secretariat sees an issue's e-mail exactly as subscribers will: subject, text part and HTML part.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class PreviewModel(NewsletterIssues issues, AccountEmails emails, INewsletterTexts texts) : PageModel
{
    public NewsletterIssue Item { get; private set; } = null!;

    public EmailPreview Email { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await issues.FindAsync(id, withDrafts: true, ct) is not { } issue)
        {
            return NotFound();
        }

        Item = issue;
        Email = NewsletterEndpoints.Preview(issue, emails.BaseUrl(Request), texts);
        return Page();
    }
}
