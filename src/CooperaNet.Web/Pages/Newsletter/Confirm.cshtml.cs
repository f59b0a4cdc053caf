using CooperaNet.Application.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Newsletter;

/// <summary>
/// The confirmation link of the subscription letter. Opening it asks; only the button (a POST) confirms, so a
/// mail scanner that follows links confirms nobody.
/// </summary>
public sealed class ConfirmModel(NewsletterSubscriptions subscriptions) : PageModel
{
    public bool Done { get; private set; }

    public bool Invalid { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Done = await subscriptions.ConfirmAsync(token, ct);
        Invalid = !Done;
        if (Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
