using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.WorkPlan;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.WorkPlans;

/// <summary>Every work plan, each at its own address; the secretariat makes the next one by copying one.</summary>
public sealed class PlansModel(CooperaNetDbContext db, WorkPlanCommands commands, IStringLocalizer<Program> text) : PageModel
{
    public IReadOnlyList<WorkPlanSummary> Plans { get; private set; } = [];

    public bool MayCopy { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public CopyForm Copy { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        Notice = Notices.Take(this);
        await ShowAsync();
        if (Plans.Count > 0)
        {
            Copy.Source = Plans[0].Code;
            Copy.FirstYear = Plans[0].EndDate.Year + 1;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCopyAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        ModelState.Clear();
        var outcome = await commands.CopyAsync(User, Copy.Source ?? string.Empty, new CopyInput(Copy.Code, Copy.FirstYear));
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = "Plan.Done.copy";
                return Redirect($"/{UiStrings.CurrentLanguage}{Routes.Plan(outcome.Code!)}");
            case EntryRefusal.NotFound:
                ModelState.AddModelError("Copy.Source", text["Error.required"]);
                break;
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                foreach (var error in outcome.Errors!)
                {
                    ModelState.AddModelError(error.Field == "code" ? "Copy.Code" : "Copy.FirstYear", Problems.Message(text, error));
                }

                break;
        }

        await ShowAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task ShowAsync()
    {
        Plans = await WorkPlanViews.ListAsync(db, UiStrings.CurrentLanguage);
        MayCopy = await commands.MayAsync(User, WorkPlanOperations.Manage);
    }

    public sealed class CopyForm
    {
        public string? Source { get; set; }

        public string? Code { get; set; }

        public int? FirstYear { get; set; }
    }
}
