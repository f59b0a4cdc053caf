using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Campaigns;

/// <summary>Webinars and trainings: planned with the states invited, then their attendance recorded.</summary>
[Authorize(Policy = FollowUpPolicies.Readers)]
public sealed class SessionsModel(FollowUpViews views, FollowUpCommands commands, IAuthorizationService auth, IStringLocalizer<Program> text) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public async Task OnGetAsync()
    {
        Notice = Notices.Take(this);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostPlanAsync()
    {
        var heldOn = FollowUpForms.Day(Form.HeldOn, "Form.HeldOn", ModelState, text);
        var result = ModelState.IsValid
            ? await commands.PlanSessionAsync(User, new SessionInput(Form.Title, Form.Kind, heldOn, Form.States))
            : FollowUpResult.Invalid([]);
        return await AfterAsync(result, "FollowUp.Sessions.Done.planned");
    }

    public async Task<IActionResult> OnPostAttendanceAsync(Guid session, string[]? attended) =>
        await AfterAsync(await commands.RecordAttendanceAsync(User, session, attended ?? []), "FollowUp.Sessions.Done.attendance");

    private async Task<IActionResult> AfterAsync(FollowUpResult result, string done)
    {
        switch (result.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = done;
                return Redirect($"/{UiStrings.CurrentLanguage}{FollowUpRoutes.Sessions}");
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        FollowUpForms.AddErrors(ModelState, nameof(Form), result.Errors ?? [], text);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Sessions = await views.SessionsAsync(UiStrings.CurrentLanguage);
        CanWrite = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
    }

    public sealed class SessionForm
    {
        public string? Title { get; set; }

        public string? Kind { get; set; } = "webinar";

        public string? HeldOn { get; set; }

        public string? States { get; set; }
    }
}
