using CooperaNet.Application.Catalog;
using CooperaNet.Application.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Experts;

/// <summary>
/// Experts' assignments on the API: the secretariat ranks experts for a demand, proposes one and
/// completes the mission; the expert accepts or declines with a reason; a focal point of the
/// receiving state evaluates the completed work once. Each sees only the assignments they are part of.
/// </summary>
public static class AssignmentEndpoints
{
    public static IEndpointRouteBuilder MapAssignmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ExpertRoutes.AssignmentsApi).WithTags("Expert assignments")
            .RequireAuthorization(Policies.SignedIn).AddEndpointFilter(ApiLanguage.Validate);

        group.MapGet("/candidates", CandidatesAsync)
            .RequireAuthorization(Policies.Secretariat)
            .WithName("RankExpertsForDemand").WithSummary($"The roster's available experts ranked for a demand (secretariat): ?demand={{id}}&top=N (1 to {ExpertRanking.MaxTop}, default {AssignmentCommands.DefaultTop}), each with a score and the reasons in the caller's language.")
            .Produces<IReadOnlyList<CandidateView>>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        group.MapPost("/", async (AssignmentRequest? request, HttpContext http, AssignmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var outcome = await commands.ProposeAsync(http.User, request, ct);
                return outcome.Refusal == EntryRefusal.None
                    ? TypedResults.Created($"{ExpertRoutes.AssignmentsApi}/{outcome.Assignment!.Id}", outcome.Assignment)
                    : Refused(outcome, text);
            })
            .RequireAuthorization(Policies.Secretariat)
            .WithName("ProposeExpert").WithSummary("Propose an expert of the roster (secretariat): {expertId, demandId or initiativeId, role, startsOn, endsOn (yyyy-mm-dd)}. The receiving state is the demand's state or the initiative's receiver.")
            .Produces<AssignmentView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        group.MapGet("/", ListAsync)
            .WithName("ListExpertAssignments").WithSummary("Assignments, latest first: all for the secretariat (?expert={id}, ?demand={id}), the expert's own, a focal point's state's.")
            .Produces<IReadOnlyList<AssignmentView>>().ProducesValidationProblem().ProducesProblem(403);

        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, AssignmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var (view, refusal) = await commands.ReadAsync(http.User, id, ct);
                return view is not null ? TypedResults.Ok(view) : Refused(new AssignmentOutcome(refusal, Conflict: "assignment.not-found"), text);
            })
            .WithName("GetExpertAssignment").WithSummary("One assignment (the expert concerned, the receiving state's focal points, the secretariat).")
            .Produces<AssignmentView>().ProducesProblem(403).ProducesProblem(404);

        group.MapPost("/{id:guid}/accept", async (Guid id, HttpContext http, AssignmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                Answer(await commands.AcceptAsync(http.User, id, ct), text))
            .WithName("AcceptExpertAssignment").WithSummary("The expert concerned takes the mission.")
            .Produces<AssignmentView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/{id:guid}/decline", async (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeclineRequest? request, HttpContext http, AssignmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                Answer(await commands.DeclineAsync(http.User, id, request?.Reason, ct), text))
            .WithName("DeclineExpertAssignment").WithSummary("The expert concerned declines: {reason} is required.")
            .Produces<AssignmentView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/{id:guid}/complete", async (Guid id, HttpContext http, AssignmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                Answer(await commands.CompleteAsync(http.User, id, ct), text))
            .WithName("CompleteExpertAssignment").WithSummary("The secretariat marks an accepted mission over (not before its first day).")
            .Produces<AssignmentView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/{id:guid}/evaluation", async (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] EvaluationRequest? request, HttpContext http, AssignmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                Answer(await commands.EvaluateAsync(http.User, id, request, ct), text))
            .WithName("EvaluateExpertAssignment").WithSummary("A focal point of the receiving state evaluates the completed work, once: {score: 1 to 5, comment}.")
            .Produces<AssignmentView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return routes;
    }

    private static async Task<IResult> CandidatesAsync(string? demand, string? top, HttpContext http, AssignmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var demandId = Id(demand, "demand", required: true, errors);
        var count = AssignmentCommands.DefaultTop;
        if (!string.IsNullOrWhiteSpace(top) && !(int.TryParse(top, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) && count is >= 1 and <= ExpertRanking.MaxTop))
        {
            errors.Add(new FieldError("top", "range", 1, ExpertRanking.MaxTop));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }

        return await commands.CandidatesAsync(demandId!.Value, count, ApiLanguage.Of(http), ct) is { } candidates
            ? TypedResults.Ok(candidates)
            : Problems.NotFound(text, "assignment.no-demand");
    }

    private static async Task<IResult> ListAsync(string? expert, string? demand, HttpContext http, AssignmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var expertId = Id(expert, "expert", required: false, errors);
        var demandId = Id(demand, "demand", required: false, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }

        return await commands.ListAsync(http.User, expertId, demandId, ct) is { } list ? TypedResults.Ok(list) : Forbidden(text);
    }

    private static Guid? Id(string? value, string field, bool required, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new FieldError(field, "required"));
            }

            return null;
        }

        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(new FieldError(field, "assignment.id"));
        return null;
    }

    private static IResult Answer(AssignmentOutcome outcome, IStringLocalizer<Program> text) =>
        outcome.Refusal == EntryRefusal.None ? TypedResults.Ok(outcome.Assignment) : Refused(outcome, text);

    private static IResult Refused(AssignmentOutcome outcome, IStringLocalizer<Program> text) =>
        outcome.Refusal == EntryRefusal.Forbidden ? Forbidden(text) : Problems.Refused(text, outcome.Refusal, outcome.Errors, outcome.Conflict);

    private static IResult Forbidden(IStringLocalizer<Program> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Problem.Forbidden"], detail: text["Error.assignment.forbidden"]);
}
