using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Features.Communications;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>The semesters that have a plan; the secretariat opens the plan of a new semester here.</summary>
[Authorize(Policy = Policies.ReadsCommunicationPlan)]
public sealed class PlansModel(CommunicationsPlanner planner, IAuthorizationService auth, IStringLocalizer<Program> text, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CommunicationPlan> Plans { get; private set; } = [];

    public bool IsSecretariat { get; private set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public int? Half { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.GetUtcNow();
        Year = today.Year;
        Half = today.Month <= 6 ? 1 : 2;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded)
        {
            return Forbid();
        }

        var outcome = await planner.CreatePlanAsync(Year, Half, ct);
        if (outcome.Value is { } plan)
        {
            TempData[Notices.Key] = "Communications.Saved";
            return Redirect($"/{UiStrings.CurrentLanguage}{CommunicationRoutes.Plan(plan.Year, plan.Half)}");
        }

        if (outcome.Conflict is { } code)
        {
            ModelState.AddModelError(nameof(Year), text["Error." + code].Value);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            ModelState.AddModelError(nameof(Year), Problems.Message(text, outcome.Errors[0]));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plans = await planner.PlansAsync(ct);
        IsSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
    }
}
