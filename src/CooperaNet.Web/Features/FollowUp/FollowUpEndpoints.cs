using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.FollowUp;

/// <summary>
/// Campaigns, sessions, invitations and follow-up logs on the API. The secretariat and the working
/// group read them; a focal point reads its own state's log; only the secretariat writes.
/// </summary>
public static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/v1/campaigns").WithTags("Follow-up").RequireAuthorization(Policies.SignedIn).AddEndpointFilter(ApiLanguage.Validate);
        campaigns.MapGet("/", async (FollowUpViews views) => TypedResults.Ok(await views.CampaignsAsync()))
            .RequireAuthorization(FollowUpPolicies.Readers)
            .WithName("ListCampaigns").WithSummary("Every socialisation campaign (secretariat and working group).").Produces<IReadOnlyList<CampaignRow>>();
        campaigns.MapGet("/{id:guid}", async (Guid id, HttpContext http, FollowUpViews views, IStringLocalizer<Program> text) =>
                await views.CampaignAsync(id, ApiLanguage.Of(http)) is { } view ? TypedResults.Ok(view) : Problems.NotFound(text))
            .RequireAuthorization(FollowUpPolicies.Readers)
            .WithName("GetCampaign").WithSummary("A campaign, its steps and, per targeted state, the steps sent.").Produces<CampaignView>().ProducesProblem(404);
        campaigns.MapPost("/", async (CampaignInput? input, HttpContext http, FollowUpCommands commands, FollowUpViews views, IStringLocalizer<Program> text) =>
                await Created(await commands.CreateCampaignAsync(http.User, input), http, views, text))
            .WithName("CreateCampaign").WithSummary("A draft campaign (secretariat): name, startsOn, endsOn, target (all|inactive|subregion|states), subregion, states, messageEs/En/Pt/Fr, reminderDays, finalReminderDays.")
            .Produces<CampaignView>(201).ProducesValidationProblem().ProducesProblem(403);
        campaigns.MapPut("/{id:guid}", EditCampaignAsync)
            .WithName("EditCampaign").WithSummary("Change a draft campaign (secretariat), with the fields and rules of CreateCampaign; a running or ended one is refused (409).")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        foreach (var move in new[] { "start", "end" })
        {
            campaigns.MapPost($"/{{id:guid}}/{move}", async (Guid id, HttpContext http, FollowUpCommands commands, FollowUpViews views, IStringLocalizer<Program> text) =>
                {
                    var result = await commands.MoveCampaignAsync(http.User, id, move);
                    return result.Refusal == EntryRefusal.None ? TypedResults.Ok(await views.CampaignAsync(id, ApiLanguage.Of(http))) : Refused(result, text);
                })
                .WithName(move == "start" ? "StartCampaign" : "EndCampaign")
                .WithSummary(move == "start" ? "Draft → running: its steps are sent as they fall due (secretariat)." : "Running → ended (secretariat).")
                .Produces<CampaignView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        }

        campaigns.MapGet("/sessions", async (HttpContext http, FollowUpViews views) => TypedResults.Ok(await views.SessionsAsync(ApiLanguage.Of(http))))
            .RequireAuthorization(FollowUpPolicies.Readers)
            .WithName("ListSessions").WithSummary("Webinars and trainings with the states invited and their attendance.").Produces<IReadOnlyList<SessionView>>();
        campaigns.MapPost("/sessions", async (SessionInput? input, HttpContext http, FollowUpCommands commands, FollowUpViews views, IStringLocalizer<Program> text) =>
            {
                var result = await commands.PlanSessionAsync(http.User, input);
                return result.Refusal == EntryRefusal.None
                    ? TypedResults.Created("/api/v1/campaigns/sessions", (await views.SessionsAsync(ApiLanguage.Of(http))).Single(s => s.Id == result.Id))
                    : Refused(result, text);
            })
            .WithName("PlanSession").WithSummary("Plan a webinar or training (secretariat): {title, kind: webinar|training, heldOn, states}.")
            .Produces<SessionView>(201).ProducesValidationProblem().ProducesProblem(403);
        campaigns.MapPost("/sessions/{id:guid}/attendance", async (Guid id, AttendanceInput? input, HttpContext http, FollowUpCommands commands, IStringLocalizer<Program> text) =>
            {
                var result = await commands.RecordAttendanceAsync(http.User, id, input?.Attended);
                return result.Refusal == EntryRefusal.None ? TypedResults.NoContent() : Refused(result, text);
            })
            .WithName("RecordAttendance").WithSummary("The invited states that attended (secretariat): {attended: [\"CO\", ...]}.")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        campaigns.MapGet("/invitations", async (FollowUpViews views) => TypedResults.Ok(await views.InvitationsAsync()))
            .RequireAuthorization(Policies.Secretariat)
            .WithName("ListInvitations").WithSummary("Every focal-point invitation, newest first (secretariat): e-mail, state, language, sent and expiry times, and status pending|used|expired. The link's token is never shown.")
            .ProducesProblem(403);
        campaigns.MapGet("/invitations/{id:guid}", GetInvitationAsync)
            .RequireAuthorization(Policies.Secretariat)
            .WithName("GetInvitation").WithSummary("One focal-point invitation (secretariat), as listed.")
            .ProducesProblem(403).ProducesProblem(404);
        campaigns.MapPost("/invitations", async (InvitationInput? input, HttpContext http, FollowUpCommands commands, AccountEmails account, IStringLocalizer<Program> text) =>
            {
                var result = await commands.InviteAsync(http.User, input, account.BaseUrl(http.Request));
                return result.Refusal == EntryRefusal.None ? TypedResults.Created($"/api/v1/campaigns/invitations/{result.Id}", new { id = result.Id }) : Refused(result, text);
            })
            .WithName("InviteFocalPoint").WithSummary("Invite a focal point for a state by e-mail (secretariat): {email, state, language}. The link is single-use and expires.")
            .ProducesValidationProblem().ProducesProblem(403);

        var logs = routes.MapGroup("/api/v1/follow-up").WithTags("Follow-up").RequireAuthorization(Policies.SignedIn).AddEndpointFilter(ApiLanguage.Validate);
        logs.MapGet("/overdue", async (HttpContext http, FollowUpViews views) => TypedResults.Ok(await views.OverdueAsync(ApiLanguage.Of(http))))
            .RequireAuthorization(FollowUpPolicies.Readers)
            .WithName("OverdueNextSteps").WithSummary("Next steps still open after their day, oldest first.").Produces<IReadOnlyList<FollowUpEntryView>>();
        logs.MapGet("/{state:length(2)}", async (string state, HttpContext http, IAuthorizationService auth, FollowUpViews views, IStringLocalizer<Program> text) =>
            {
                var code = state.ToUpperInvariant();
                if (!(await auth.AuthorizeAsync(http.User, new StateFollowUp(code), FollowUpOperations.Read)).Succeeded)
                {
                    return Problems.Forbidden(text);
                }

                return await views.StateLogAsync(code, ApiLanguage.Of(http)) is { } log ? TypedResults.Ok(log) : Problems.NotFound(text);
            })
            .WithName("GetFollowUpLog").WithSummary("A state's follow-up log (its own focal points, the working group, the secretariat).")
            .Produces<StateLogView>().ProducesProblem(403).ProducesProblem(404);
        logs.MapPost("/{state:length(2)}", async (string state, FollowUpEntryInput? input, HttpContext http, FollowUpCommands commands, FollowUpViews views, IStringLocalizer<Program> text) =>
            {
                var result = await commands.AddEntryAsync(http.User, state, input);
                return result.Refusal == EntryRefusal.None
                    ? TypedResults.Created($"/api/v1/follow-up/{state.ToUpperInvariant()}", (await views.StateLogAsync(state, ApiLanguage.Of(http)))!.Entries.Single(e => e.Id == result.Id))
                    : Refused(result, text);
            })
            .WithName("AddFollowUpEntry").WithSummary("Add a contact, meeting, training or commitment with its next step (secretariat): {kind, occurredOn, note, nextStep, nextStepDue}.")
            .Produces<FollowUpEntryView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        logs.MapPost("/{state:length(2)}/{id:guid}/done", async (string state, Guid id, HttpContext http, FollowUpCommands commands, IStringLocalizer<Program> text) =>
            {
                var result = await commands.MarkDoneAsync(http.User, state, id);
                return result.Refusal == EntryRefusal.None ? TypedResults.NoContent() : Refused(result, text);
            })
            .WithName("MarkNextStepDone").WithSummary("Mark an entry's next step done (secretariat).")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return routes;
    }

    /// <summary>The edit page's command: the page and the API refuse the same input with the same messages.</summary>
    private static async Task<Results<Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> EditCampaignAsync(
        Guid id, CampaignInput? input, HttpContext http, FollowUpCommands commands, FollowUpViews views, IStringLocalizer<Program> text)
    {
        var result = await commands.EditCampaignAsync(http.User, id, input);
        if (result.Refusal == EntryRefusal.None)
        {
            return TypedResults.Ok((await views.CampaignAsync(id, ApiLanguage.Of(http)))!);
        }

        // Problems.Refused makes a validation problem (400) or a plain one (403, 404, 409).
        var problem = Refused(result, text);
        return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem;
    }

    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> GetInvitationAsync(Guid id, FollowUpViews views, IStringLocalizer<Program> text) =>
        await views.InvitationAsync(id) is { } invitation ? TypedResults.Ok(invitation) : (ProblemHttpResult)Problems.NotFound(text);

    private static async Task<IResult> Created(FollowUpResult result, HttpContext http, FollowUpViews views, IStringLocalizer<Program> text) =>
        result.Refusal == EntryRefusal.None
            ? TypedResults.Created($"/api/v1/campaigns/{result.Id}", await views.CampaignAsync(result.Id!.Value, ApiLanguage.Of(http)))
            : Refused(result, text);

    private static IResult Refused(FollowUpResult result, IStringLocalizer<Program> text) =>
        Problems.Refused(text, result.Refusal, result.Errors, result.Conflict);
}
