using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.WorkPlans;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.WorkPlan;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.WorkPlans;

/// <summary>
/// One action of a plan: its status, indicators with their evidence and milestones for anyone; its
/// comments and proposals for working-group members, focal points and the secretariat; the forms each
/// of them may use (comment, propose, accept or decline, record a value).
/// </summary>
public sealed class ActionModel(CooperaNetDbContext db, WorkPlanTracker tracker, WorkPlanCommands commands, IStringLocalizer<Program> text) : PageModel
{
    public TrackedPlan Plan { get; private set; } = null!;

    public TrackedAction Action { get; private set; } = null!;

    public DiscussionView? Discussion { get; private set; }

    public bool MayComment { get; private set; }

    public bool MayPropose { get; private set; }

    public bool MayManage { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>What the user typed, shown again with its error.</summary>
    public string? Typed { get; private set; }

    /// <summary>The form an error belongs to: "comment", "proposal", a proposal's or an indicator's id.</summary>
    public string? FailedForm { get; private set; }

    public EvidenceForm Evidence { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, int number)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(code, number) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostCommentAsync(string code, int number, string? text) =>
        ActAsync(code, number, "comment", text, () => commands.CommentAsync(User, code, number, text));

    public Task<IActionResult> OnPostProposeAsync(string code, int number, string? text) =>
        ActAsync(code, number, "proposal", text, () => commands.ProposeAsync(User, code, number, text));

    public Task<IActionResult> OnPostDecideAsync(string code, int number, Guid proposal, string? decision, string? reason) =>
        ActAsync(code, number, proposal.ToString(), reason, () => commands.DecideAsync(User, proposal, decision == "accept", reason));

    public Task<IActionResult> OnPostRecordAsync(string code, int number, EvidenceForm evidence)
    {
        Evidence = evidence;
        return ActAsync(code, number, "indicator-" + evidence.Indicator, null, () => commands.RecordAsync(User, evidence.Indicator, new EvidenceInput(evidence.Value, evidence.AsOf, evidence.Link, evidence.Note)));
    }

    private async Task<IActionResult> ActAsync(string code, int number, string form, string? typed, Func<Task<WorkPlanOutcome>> act)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        // Only the fields of the form that was sent are bound; a wrong value type is the form's own error.
        ModelState.Clear();
        var outcome = await act();
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = "Plan.Done." + (form.StartsWith("indicator-", StringComparison.Ordinal) ? "evidence" : form is "comment" or "proposal" ? form : "decision");
                return Redirect($"/{UiStrings.CurrentLanguage}{Routes.PlanAction(code, number)}");
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!await ShowAsync(code, number))
        {
            return NotFound();
        }

        Typed = typed;
        FailedForm = form;
        if (outcome.Refusal == EntryRefusal.Invalid)
        {
            foreach (var error in outcome.Errors!)
            {
                ModelState.AddModelError(FieldKey(form, error.Field), Problems.Message(text, error));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict]);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    /// <summary>The id of the field an error points to, as the page names its inputs.</summary>
    public static string FieldKey(string form, string field) => form switch
    {
        "comment" => "comment-text",
        "proposal" => "proposal-text",
        _ when form.StartsWith("indicator-", StringComparison.Ordinal) => $"{form}-{field}",
        _ => $"reason-{form}",
    };

    private async Task<bool> ShowAsync(string code, int number)
    {
        var lang = UiStrings.CurrentLanguage;
        var plan = await tracker.TrackAsync(code, lang, HttpContext.RequestAborted);
        var action = plan?.Actions.FirstOrDefault(a => a.Number == number);
        if (plan is null || action is null)
        {
            return false;
        }

        Plan = plan;
        Action = action;
        MayComment = await commands.MayAsync(User, WorkPlanOperations.Comment);
        MayPropose = await commands.MayAsync(User, WorkPlanOperations.Propose);
        MayManage = await commands.MayAsync(User, WorkPlanOperations.Manage);
        if (await commands.MayAsync(User, WorkPlanOperations.ReadDiscussion))
        {
            Discussion = await WorkPlanViews.DiscussionAsync(db, action.Id);
        }

        return true;
    }

    /// <summary>The fields of the evidence form.</summary>
    public sealed class EvidenceForm
    {
        public int Indicator { get; set; }

        public int? Value { get; set; }

        public DateOnly? AsOf { get; set; }

        public string? Link { get; set; }

        public string? Note { get; set; }
    }
}
