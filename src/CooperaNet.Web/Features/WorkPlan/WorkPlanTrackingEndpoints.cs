using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.WorkPlans;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.WorkPlan;

/// <summary>Text of a comment, a proposal or a decision's reason.</summary>
public sealed record TextBody(string? Text);

/// <summary>Reason of the secretariat's decision on a proposal.</summary>
public sealed record ReasonBody(string? Reason);

/// <summary>
/// The work plans on the API: the list, one plan tracked (indicators, statuses, milestones) for anyone;
/// an action's discussion for working-group members, focal points and the secretariat; comments,
/// proposals, decisions, evidence, copies and edits as <see cref="WorkPlanOperations"/> allow.
/// </summary>
public static class WorkPlanTrackingEndpoints
{
    public static IEndpointRouteBuilder MapWorkPlanTrackingEndpoints(this IEndpointRouteBuilder routes)
    {
        var plans = routes.MapGroup("/api/v1/work-plans").WithTags("Work plan").AddEndpointFilter(ApiLanguage.Validate);
        plans.MapGet("/", async (HttpContext http, CooperaNetDbContext db) => TypedResults.Ok(await WorkPlanViews.ListAsync(db, ApiLanguage.Of(http))))
            .AllowAnonymous().WithName("ListWorkPlans").WithSummary("Every work plan, latest first; past plans stay readable.")
            .Produces<IReadOnlyList<WorkPlanSummary>>();

        plans.MapGet("/{code}", async (string code, HttpContext http, WorkPlanTracker tracker, IStringLocalizer<Program> text) =>
                await tracker.TrackAsync(code, ApiLanguage.Of(http), http.RequestAborted) is { } plan ? TypedResults.Ok(plan) : Problems.NotFound(text))
            .AllowAnonymous().WithName("GetWorkPlanTracking")
            .WithSummary("A plan as it stands today: per action its status (not-started, on-track, at-risk, done), indicators with baseline, target, current value and evidence, and semester milestones.")
            .Produces<TrackedPlan>().ProducesProblem(404);

        var write = plans.MapGroup("/").RequireAuthorization(Policies.SignedIn);
        write.MapGet("/{code}/actions/{number:int}/discussion", async (string code, int number, HttpContext http, CooperaNetDbContext db, WorkPlanCommands commands, IStringLocalizer<Program> text) =>
            {
                var action = await db.WorkPlanActions.AsNoTracking().Where(a => a.WorkPlanCode == code && a.Number == number).Select(a => (int?)a.Id).FirstOrDefaultAsync();
                if (action is null)
                {
                    return Problems.NotFound(text);
                }

                return await commands.MayAsync(http.User, WorkPlanOperations.ReadDiscussion)
                    ? TypedResults.Ok(await WorkPlanViews.DiscussionAsync(db, action.Value))
                    : Problems.Forbidden(text);
            })
            .WithName("GetWorkPlanDiscussion").WithSummary("An action's comments and proposals (working-group members, focal points, the secretariat).")
            .Produces<DiscussionView>().ProducesProblem(403).ProducesProblem(404);

        write.MapPost("/{code}/actions/{number:int}/comments", async (string code, int number, TextBody? body, HttpContext http, WorkPlanCommands commands, IStringLocalizer<Program> text) =>
                Result(await commands.CommentAsync(http.User, code, number, body?.Text), text))
            .WithName("CommentOnAction").WithSummary("Comment on an action: {\"text\": \"...\"} (working-group members, the secretariat).")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        write.MapPost("/{code}/actions/{number:int}/proposals", async (string code, int number, TextBody? body, HttpContext http, WorkPlanCommands commands, IStringLocalizer<Program> text) =>
                Result(await commands.ProposeAsync(http.User, code, number, body?.Text), text))
            .WithName("ProposeForAction").WithSummary("Record a proposal for an action: {\"text\": \"...\"} (working-group members).")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        foreach (var decision in new[] { "accept", "decline" })
        {
            write.MapPost($"/proposals/{{id:guid}}/{decision}", async (Guid id, ReasonBody? body, HttpContext http, WorkPlanCommands commands, IStringLocalizer<Program> text) =>
                    Result(await commands.DecideAsync(http.User, id, decision == "accept", body?.Reason), text))
                .WithName(decision == "accept" ? "AcceptProposal" : "DeclineProposal")
                .WithSummary($"The secretariat {decision}s a proposal with a reason: {{\"reason\": \"...\"}}.")
                .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        }

        write.MapPost("/indicators/{id:int}/evidence", async (int id, EvidenceInput? body, HttpContext http, WorkPlanCommands commands, IStringLocalizer<Program> text) =>
                Result(await commands.RecordAsync(http.User, id, body), text))
            .WithName("RecordIndicatorEvidence").WithSummary("The secretariat records a value of a recorded indicator: {value, asOf, link (http or https), note}.")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        write.MapPost("/{code}/copy", async (string code, CopyInput? body, HttpContext http, WorkPlanCommands commands, IStringLocalizer<Program> text) =>
            {
                var outcome = await commands.CopyAsync(http.User, code, body);
                return outcome.Refusal == EntryRefusal.None ? TypedResults.Created($"/api/v1/work-plans/{outcome.Code}", new { code = outcome.Code }) : Result(outcome, text);
            })
            .WithName("CopyWorkPlan").WithSummary("The secretariat makes a new plan from this one: {code, firstYear}; every date and year moves to the new period.")
            .Produces(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        write.MapPut("/{code}/actions/{number:int}", async (string code, int number, ActionEdit? body, HttpContext http, WorkPlanCommands commands, IStringLocalizer<Program> text) =>
                Result(await commands.EditActionAsync(http.User, code, number, body), text))
            .WithName("EditWorkPlanAction").WithSummary("The secretariat edits an action of a copied plan: {title, expectedResult (es, en, pt, fr), startDate, endDate, targets {position: value}}.")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return routes;
    }

    private static IResult Result(WorkPlanOutcome outcome, IStringLocalizer<Program> text) => outcome.Refusal switch
    {
        EntryRefusal.None => TypedResults.NoContent(),
        EntryRefusal.NotFound => Problems.NotFound(text),
        EntryRefusal.Forbidden => Problems.Forbidden(text),
        EntryRefusal.Invalid => Problems.Validation(text, outcome.Errors!),
        _ => Problems.Conflict(text, outcome.Conflict!),
    };
}
