using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Communications;

/// <summary>
/// The communication plan: the audiences' key messages read by anyone; channels and semester plans read by
/// the secretariat, working-group members and focal points; every write by the secretariat.
/// </summary>
public static class CommunicationEndpoints
{
    public static IEndpointRouteBuilder MapCommunicationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(CommunicationRoutes.ApiGroup).WithTags("Communications").AddEndpointFilter(ApiLanguage.Validate);
        group.MapGet("/audiences", async (CommunicationsPlanner planner, CancellationToken ct) =>
                TypedResults.Ok((await planner.MessagesAsync(ct)).Select(AudienceMessageView.Of).ToList()))
            .AllowAnonymous().WithName("ListAudienceMessages").WithSummary("Each audience, who they are and its key message in es, en, pt and fr.");

        var readers = group.MapGroup("/").RequireAuthorization(Policies.ReadsCommunicationPlan);
        readers.MapGet("/channels", async (CommunicationsPlanner planner, CancellationToken ct) =>
                TypedResults.Ok((await planner.ChannelsAsync(ct)).Select(ChannelView.Of).ToList()))
            .WithName("ListCommunicationChannels").WithSummary("The channels, active first (secretariat, working-group members, focal points).")
            .ProducesProblem(401).ProducesProblem(403);
        readers.MapGet("/plans", async (CommunicationsPlanner planner, CancellationToken ct) =>
                TypedResults.Ok((await planner.PlansAsync(ct)).Select(p => new PlanSummaryView(p.Year, p.Half, p.Start, p.End)).ToList()))
            .WithName("ListCommunicationPlans").WithSummary("The semesters that have a plan, latest first.").ProducesProblem(401).ProducesProblem(403);
        readers.MapGet("/plans/{year:int}/{half:int}", async (int year, int half, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                await planner.PlanAsync(year, half, ct) is { } plan ? TypedResults.Ok(PlanView.Of(plan)) : Problems.NotFound(text))
            .WithName("GetCommunicationPlan").WithSummary("A semester's plan (half 1: January-June, 2: July-December) with its items and content pieces.")
            .Produces<PlanView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        var secretariat = group.MapGroup("/").RequireAuthorization(Policies.Secretariat);
        secretariat.MapPut("/audiences/{audience}", async (string audience, AudienceMessageInput? input, HttpContext http, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                AudienceNames.Parse(audience) is { } parsed
                    ? Result(await planner.SaveMessageAsync(parsed, input ?? new AudienceMessageInput(null, null), http.User.UserId()!.Value, ct), AudienceMessageView.Of, text)
                    : Problems.NotFound(text))
            .WithName("UpdateAudienceMessage").WithSummary("Change an audience's description and key message (secretariat); all four languages are required.")
            .Produces<AudienceMessageView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPost("/channels", async (ChannelInput? input, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await planner.SaveChannelAsync(null, input ?? EmptyChannel, ct), ChannelView.Of, text, c => $"{CommunicationRoutes.ApiGroup}/channels/{c.Id}"))
            .WithName("CreateCommunicationChannel").WithSummary("Add a channel (secretariat): kind website, newsletter, social-media, media or events; address a web address, a handle (@name) or a page of the platform.")
            .Produces<ChannelView>(201).ProducesValidationProblem().ProducesProblem(403);
        secretariat.MapPut("/channels/{id:guid}", async (Guid id, ChannelInput? input, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await planner.SaveChannelAsync(id, input ?? EmptyChannel, ct), ChannelView.Of, text))
            .WithName("UpdateCommunicationChannel").WithSummary("Change a channel, or set it inactive (secretariat).")
            .Produces<ChannelView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPost("/plans", async (PlanInput? input, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await planner.CreatePlanAsync(input?.Year, input?.Half, ct), p => PlanView.Of(p), text, p => $"{CommunicationRoutes.ApiGroup}/plans/{p.Year}/{p.Half}"))
            .WithName("CreateCommunicationPlan").WithSummary("Open the plan of a semester (secretariat); 409 when that semester has one.")
            .Produces<PlanView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        secretariat.MapPost("/plans/{year:int}/{half:int}/items", async (int year, int half, PlanItemInput? input, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await planner.SaveItemAsync(year, half, null, input ?? EmptyItem, ct), PlanItemView.Of, text, i => $"{CommunicationRoutes.ApiGroup}/plans/{year}/{half}"))
            .WithName("CreateCommunicationPlanItem").WithSummary("Add an item to a semester's plan (secretariat); without a message it carries the audience's key message.")
            .Produces<PlanItemView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPut("/plans/{year:int}/{half:int}/items/{id:guid}", async (int year, int half, Guid id, PlanItemInput? input, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await planner.SaveItemAsync(year, half, id, input ?? EmptyItem, ct), PlanItemView.Of, text))
            .WithName("UpdateCommunicationPlanItem").WithSummary("Change a plan item, its status included (planned, done, cancelled) (secretariat).")
            .Produces<PlanItemView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPost("/plans/{year:int}/{half:int}/pieces", async (int year, int half, ContentPieceInput? input, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await planner.SavePieceAsync(year, half, null, input ?? EmptyPiece, ct), ContentPieceView.Of, text, p => $"{CommunicationRoutes.ApiGroup}/plans/{year}/{half}"))
            .WithName("CreateContentPiece").WithSummary("Add a content piece (news, experience, report, event, other) to a semester's plan (secretariat).")
            .Produces<ContentPieceView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPut("/plans/{year:int}/{half:int}/pieces/{id:guid}", async (int year, int half, Guid id, ContentPieceInput? input, CommunicationsPlanner planner, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await planner.SavePieceAsync(year, half, id, input ?? EmptyPiece, ct), ContentPieceView.Of, text))
            .WithName("UpdateContentPiece").WithSummary("Change a content piece (secretariat).")
            .Produces<ContentPieceView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return routes;
    }

    private static readonly ChannelInput EmptyChannel = new(null, null, null, null, null);

    private static readonly PlanItemInput EmptyItem = new(null, null, null, null, null, null);

    private static readonly ContentPieceInput EmptyPiece = new(null, null, null, null, null, null, null, null, null);

    private static IResult Result<T, TView>(CommunicationOutcome<T> outcome, Func<T, TView> view, IStringLocalizer text, Func<T, string>? created = null)
        where T : class => outcome switch
        {
            { Value: { } value } when created is not null => TypedResults.Created(created(value), view(value)),
            { Value: { } value } => TypedResults.Ok(view(value)),
            { NotFound: true } => Problems.NotFound(text),
            { Conflict: { } code } => Problems.Conflict(text, code),
            _ => Problems.Validation(text, outcome.Errors),
        };
}
