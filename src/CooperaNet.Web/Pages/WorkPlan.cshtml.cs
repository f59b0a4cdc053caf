using CooperaNet.Application.Data;
using CooperaNet.Application.WorkPlans;
using CooperaNet.Web.Features.WorkPlan;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages;

/// <summary>
/// A work plan, live: the document (objective, working group, mandates, actions) and, per action, its
/// status, indicators and semester milestones. Without a code, the current plan.
/// </summary>
public sealed class WorkPlanModel(CooperaNetDbContext db, WorkPlanTracker tracker, WorkPlanCommands commands) : PageModel
{
    public WorkPlanView Plan { get; private set; } = null!;

    public TrackedPlan Tracking { get; private set; } = null!;

    /// <summary>The user may open the actions' comments and proposals.</summary>
    public bool SeesDiscussion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code)
    {
        var lang = UiStrings.CurrentLanguage;
        code ??= await tracker.CurrentCodeAsync(HttpContext.RequestAborted);
        var plan = code is null ? null : await WorkPlanQueries.GetAsync(db, code, lang);
        var tracking = code is null ? null : await tracker.TrackAsync(code, lang, HttpContext.RequestAborted);
        if (plan is null || tracking is null)
        {
            return NotFound();
        }

        Plan = plan;
        Tracking = tracking;
        SeesDiscussion = await commands.MayAsync(User, WorkPlanOperations.ReadDiscussion);
        return Page();
    }
}
