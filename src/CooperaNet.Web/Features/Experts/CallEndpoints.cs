using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Experts;

/// <summary>
/// Calls for experts and their vetting on the API. Anyone reads the published calls still open and a
/// published call; an expert with a profile applies and follows their own applications (never the
/// reviews); the secretariat (with its second factor) writes calls, moves applications and reviews them.
/// </summary>
public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(CallRoutes.Api).WithTags("Expert calls").AddEndpointFilter(ApiLanguage.Validate);

        group.MapGet("/", async (CallCommands commands, CancellationToken ct) => TypedResults.Ok((await commands.OpenAsync(ct)).Select(CallView.Of).ToList()))
            .AllowAnonymous()
            .WithName("ListOpenExpertCalls").WithSummary("The published calls for experts still taking applications, the nearest deadline first.")
            .Produces<List<CallView>>();
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await commands.ReadableAsync(http.User, id, ct) is { } call ? TypedResults.Ok(CallView.Of(call)) : Problems.NotFound(text))
            .AllowAnonymous()
            .WithName("GetExpertCall").WithSummary("One published call (the secretariat reads drafts and closed calls too).")
            .Produces<CallView>().ProducesProblem(404);

        var expert = group.MapGroup("/").RequireAuthorization(ExpertPolicies.Expert);
        expert.MapPost("/{id:guid}/applications", async (Guid id, ApplyInput? input, HttpContext http, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var outcome = await commands.ApplyAsync(http.User, id, input?.Motivation, ct);
                if (outcome.Refusal != EntryRefusal.None)
                {
                    return Refused(outcome, text);
                }

                var mine = await commands.ApplicationsOfAsync((await commands.ExpertIdAsync(http.User, ct))!.Value, ct);
                return TypedResults.Created($"{CallRoutes.Api}/my-applications", mine.Single(a => a.Id == outcome.Id));
            })
            .WithName("ApplyToExpertCall").WithSummary("The signed-in expert applies to a published call before its deadline: {motivation}. Once per call.")
            .Produces<MyApplicationView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        expert.MapGet("/my-applications", async (HttpContext http, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await commands.ExpertIdAsync(http.User, ct) is { } expertId ? TypedResults.Ok(await commands.ApplicationsOfAsync(expertId, ct)) : Problems.NotFound(text))
            .WithName("MyExpertApplications").WithSummary("The signed-in expert's applications and where each is: received, shortlisted, interviewed, approved or rejected (with the reason).")
            .Produces<IReadOnlyList<MyApplicationView>>().ProducesProblem(403).ProducesProblem(404);

        var secretariat = group.MapGroup("/").RequireAuthorization(Policies.Secretariat);
        secretariat.MapGet("/all", async (string? status, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                CallStatus? chosen = null;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    if (!CallNames.Statuses.TryGetValue(status.Trim(), out var parsed))
                    {
                        return Problems.Validation(text, [new("status", "status", string.Join(", ", CallNames.Statuses.Keys))]);
                    }

                    chosen = parsed;
                }

                return TypedResults.Ok((await commands.AllAsync(chosen, ct)).Select(CallView.Of).ToList());
            })
            .WithName("ListExpertCalls").WithSummary("Every call (secretariat), or those with status=draft|published|closed.")
            .Produces<List<CallView>>().ProducesValidationProblem().ProducesProblem(403);
        secretariat.MapPost("/", async (CallInput? input, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var outcome = await commands.CreateAsync(input ?? Empty, ct);
                return outcome.Refusal == EntryRefusal.None
                    ? TypedResults.Created($"{CallRoutes.Api}/{outcome.Id}", await ViewAsync(commands, outcome, ct))
                    : Refused(outcome, text);
            })
            .WithName("CreateExpertCall").WithSummary("Open a draft call: {title, description, language: es|en|pt|fr, sectors: [DAC codes], languages: [ISO 639-1], countries: [ISO alpha-2], priorityArea, deadline}.")
            .Produces<CallView>(201).ProducesValidationProblem().ProducesProblem(403);
        secretariat.MapPut("/{id:guid}", async (Guid id, CallInput? input, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await AfterAsync(await commands.EditAsync(id, input ?? Empty, ct), commands, text, ct))
            .WithName("EditExpertCall").WithSummary("Change a draft or published call, with the fields of a new one; a published call keeps a deadline ahead.")
            .Produces<CallView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{id:guid}/publish", async (Guid id, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await AfterAsync(await commands.PublishAsync(id, ct), commands, text, ct))
            .WithName("PublishExpertCall").WithSummary("Publish a draft; it needs a deadline ahead.")
            .Produces<CallView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{id:guid}/close", async (Guid id, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await AfterAsync(await commands.CloseAsync(id, ct), commands, text, ct))
            .WithName("CloseExpertCall").WithSummary("Stop taking applications to a published call; vetting goes on.")
            .Produces<CallView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapGet("/{id:guid}/applications", async (Guid id, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await commands.ApplicationsAsync(id, ct) is { } applications ? TypedResults.Ok(applications) : Problems.NotFound(text))
            .WithName("ListExpertCallApplications").WithSummary("A call's applications, best mean score first (conflicts of interest left out of the mean), then the oldest.")
            .Produces<List<ApplicationView>>().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPost("/applications/{id:guid}/move", async (Guid id, MoveInput? input, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                Done(await commands.MoveAsync(id, input ?? new MoveInput(null, null), ct), text))
            .WithName("MoveExpertApplication").WithSummary("Move an application: {move: shortlist|interview|approve|reject, reason}. Rejecting needs a reason; approving puts the expert in the roster.")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/applications/{id:guid}/reviews", async (Guid id, ReviewInput? input, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                Done(await commands.ReviewAsync(id, input ?? new ReviewInput(null, null, null, null, null), ct), text))
            .WithName("ReviewExpertApplication").WithSummary("The signed-in evaluator's review: {expertiseFit, experience, languages, availability: 1-5, comment}, or {conflictOfInterest: true, note}. Once per evaluator, before the decision.")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return routes;
    }

    private static readonly CallInput Empty = new(null, null, null, null, null, null, null, null);

    private static async Task<CallView> ViewAsync(CallCommands commands, CallOutcome outcome, CancellationToken ct) =>
        CallView.Of((await commands.FindAsync(outcome.Id!.Value, ct))!);

    private static async Task<IResult> AfterAsync(CallOutcome outcome, CallCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
        outcome.Refusal == EntryRefusal.None ? TypedResults.Ok(await ViewAsync(commands, outcome, ct)) : Refused(outcome, text);

    private static IResult Done(CallOutcome outcome, IStringLocalizer<Program> text) =>
        outcome.Refusal == EntryRefusal.None ? TypedResults.NoContent() : Refused(outcome, text);

    private static IResult Refused(CallOutcome outcome, IStringLocalizer<Program> text) =>
        Problems.Refused(text, outcome.Refusal, outcome.Errors, outcome.Conflict);
}
