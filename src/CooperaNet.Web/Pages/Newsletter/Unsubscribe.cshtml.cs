using CooperaNet.Application.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Newsletter;

/// <summary>
/// The address of every issue e-mail's List-Unsubscribe header. A POST (the mail client's one-click request of
/// RFC 8058, body "List-Unsubscribe=One-Click", or this page's button) unsubscribes at once: no sign-in, no
/// antiforgery token (the client has none; the unguessable token in the address is the proof), no further
/// question. Opening it (GET) only asks, so a link scanner unsubscribes nobody.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(NewsletterSubscriptions subscriptions) : PageModel
{
    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Valid = await subscriptions.IsUnsubscribeTokenAsync(token, ct);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Done = Valid = await subscriptions.UnsubscribeAsync(token, ct);
        return Answer();
    }

    /// <summary>An unknown token is a 404 with this page's own message: a re-executed error page would ask a POST for an antiforgery token.</summary>
    private PageResult Answer()
    {
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
