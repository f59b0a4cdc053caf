using System.Globalization;
using CooperaNet.Application.Partners;
using CooperaNet.Web.Features.Partners;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>What the registry's pages share: who asks, and how a write's outcome becomes an answer.</summary>
public abstract class PartnerPageModel(PartnerAccessResolver who, IStringLocalizer<Program> text) : PageModel
{
    public PartnerAccess Access { get; private set; } = PartnerAccess.Public;

    protected async Task<PartnerAccess> ResolveAsync(CancellationToken ct) => Access = await who.ForAsync(User, ct);

    /// <summary>Not allowed: sign in first, or 403 for a signed-in user.</summary>
    protected IActionResult Refuse() => User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();

    /// <summary>
    /// Redirects to <paramref name="page"/> with a notice when done; otherwise 404, 403, 409 or the form again with
    /// its errors, each under its field of the form bound as <paramref name="form"/>.
    /// </summary>
    protected IActionResult Answer<T>(PartnerOutcome<T> outcome, string page, string notice, string form = "Form")
        where T : class
    {
        if (outcome.Value is not null)
        {
            TempData[Notices.Key] = notice;
            return Redirect($"/{UiStrings.CurrentLanguage}{page}");
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Forbidden)
        {
            return Refuse();
        }

        if (outcome.Refused is { } refused)
        {
            ModelState.AddModelError(string.Empty, text["Error." + refused.Code]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError($"{form}.{char.ToUpper(error.Field[0], CultureInfo.InvariantCulture)}{error.Field[1..]}", Problems.Message(text, error));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
