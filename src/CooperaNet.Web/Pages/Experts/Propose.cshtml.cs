using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>
/// The secretariat proposes one of the experts ranked for a demand, with a role and dates. The form is
/// on the demand's page too; this page shows it again with its errors, and sends back to the demand when done.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class ProposeModel(AssignmentCommands commands, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "demand")]
    public Guid DemandId { get; set; }

    [BindProperty]
    public ProposeInput Input { get; set; } = new();

    public ProposeForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? expert, CancellationToken ct)
    {
        Input.ExpertId = expert;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new AssignmentRequest(Input.ExpertId, DemandId, null, Input.Role, Input.StartsOn, Input.EndsOn);
        var outcome = await commands.ProposeAsync(User, request, ct);
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = "Assignments.Done.propose";
                return Redirect($"/{UiStrings.CurrentLanguage}{Routes.Entry(DemandId)}#experts");
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case EntryRefusal.Invalid:
                foreach (var error in outcome.Errors ?? [])
                {
                    var field = error.Field switch
                    {
                        "expertId" or "target" => nameof(ProposeInput.ExpertId),
                        _ => char.ToUpperInvariant(error.Field[0]) + error.Field[1..],
                    };
                    ModelState.AddModelError($"{nameof(Input)}.{field}", Problems.Message(text, error));
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                // An unknown expert, one who left the roster, or a demand gone: said at the top of the form.
                ModelState.AddModelError(string.Empty, text["Error." + (outcome.Conflict ?? "assignment.not-found")]);
                Response.StatusCode = outcome.Refusal == EntryRefusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
                break;
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await ProposeForm.LoadAsync(commands, User, DemandId, Input, ct) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        return Page();
    }
}
