using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.FollowUp;

/// <summary>
/// A state's follow-up log: read by its own focal points, the working group and the secretariat;
/// written by the secretariat (entries added, next steps marked done).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class StateModel(FollowUpViews views, FollowUpCommands commands, IAuthorizationService auth, IStringLocalizer<Program> text) : PageModel
{
    public StateLogView Log { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public bool ReadsAll => User.ReadsAllFollowUp();

    public string? Notice { get; private set; }

    [BindProperty]
    public EntryForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string state)
    {
        Notice = Notices.Take(this);
        Form.OccurredOn = views.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await ShowAsync(state) ?? Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string state)
    {
        var occurred = FollowUpForms.Day(Form.OccurredOn, "Form.OccurredOn", ModelState, text);
        var due = FollowUpForms.Day(Form.NextStepDue, "Form.NextStepDue", ModelState, text);
        var result = ModelState.IsValid
            ? await commands.AddEntryAsync(User, state, new FollowUpEntryInput(Form.Kind, occurred, Form.Note, Form.NextStep, due))
            : FollowUpResult.Invalid([]);
        return await AfterAsync(state, result, "FollowUp.Log.Added");
    }

    public async Task<IActionResult> OnPostDoneAsync(string state, Guid entry) =>
        await AfterAsync(state, await commands.MarkDoneAsync(User, state, entry), "FollowUp.Log.MarkedDone");

    private async Task<IActionResult> AfterAsync(string state, FollowUpResult result, string done)
    {
        switch (result.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = done;
                return Redirect($"/{UiStrings.CurrentLanguage}{FollowUpRoutes.State(state.ToUpperInvariant())}");
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case EntryRefusal.Invalid:
                FollowUpForms.AddErrors(ModelState, nameof(Form), result.Errors!, text);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                ModelState.AddModelError(string.Empty, text["Error." + result.Conflict]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return await ShowAsync(state) ?? Page();
    }

    /// <summary>Loads the log; a result when the user may not read it or the state does not exist.</summary>
    private async Task<IActionResult?> ShowAsync(string state)
    {
        var code = state.ToUpperInvariant();
        if (!(await auth.AuthorizeAsync(User, new StateFollowUp(code), FollowUpOperations.Read)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await views.StateLogAsync(code, UiStrings.CurrentLanguage) is not { } log)
        {
            return NotFound();
        }

        Log = log;
        CanWrite = (await auth.AuthorizeAsync(User, new StateFollowUp(code), FollowUpOperations.Write)).Succeeded;
        return null;
    }

    public sealed class EntryForm
    {
        public string? Kind { get; set; } = "contact";

        public string? OccurredOn { get; set; }

        public string? Note { get; set; }

        public string? NextStep { get; set; }

        public string? NextStepDue { get; set; }
    }
}
