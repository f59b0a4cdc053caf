using CooperaNet.Application.Data;
using CooperaNet.Web.Features.WorkPlan;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages;

public sealed class WorkPlanModel(CooperaNetDbContext db) : PageModel
{
    public WorkPlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var plan = await WorkPlanQueries.GetAsync(db, WorkPlanQueries.CurrentCode, UiStrings.CurrentLanguage);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        return Page();
    }
}
