using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Crossing;

public sealed record AnswerInput(string? Side, string? Reason);

public sealed record ParticipantView(string State, string StateName, string Role);

public sealed record InitiativeView(Guid Id, string Title, string Language, string Type, string Modality, string Status, Guid? PairId, Guid? OfferId, Guid? DemandId, DateOnly? StartsOn, DateOnly? EndsOn, IReadOnlyList<ParticipantView> Participants, string Link);

/// <summary>
/// The crossing on the API: an entry's pairs, a state's pairs, answering for a side, brokering an
/// agreed pair into an initiative and moving the initiative. Signed-in users only.
/// </summary>
public static class PairEndpoints
{
    public static IEndpointRouteBuilder MapPairEndpoints(this IEndpointRouteBuilder routes)
    {
        foreach (var kind in new[] { EntryKind.Offer, EntryKind.Demand })
        {
            routes.MapGet($"/api/v1/{EntryKinds.NameOf(kind)}s/{{id:guid}}/matches", (Guid id, HttpContext http, EntryCommands entries, IAuthorizationService auth, PairViews views, IStringLocalizer<Program> text) =>
                    EntryMatchesAsync(kind, id, http, entries, auth, views, text))
                .RequireAuthorization(Policies.SignedIn).AddEndpointFilter(ApiLanguage.Validate)
                .WithTags(kind == EntryKind.Offer ? "Offers" : "Demands")
                .WithName($"Get{(kind == EntryKind.Offer ? "Offer" : "Demand")}Matches")
                .WithSummary("The entry's suggested pairs, best first, with reasons (its state's focal points and the secretariat).")
                .Produces<IReadOnlyList<PairView>>().ProducesProblem(403).ProducesProblem(404);
        }

        var pairs = routes.MapGroup("/api/v1/pairs").WithTags("Crossing").RequireAuthorization(Policies.SignedIn).AddEndpointFilter(ApiLanguage.Validate);
        pairs.MapGet("/", async (string? state, string? status, HttpContext http, PairViews views, IStringLocalizer<Program> text) =>
            {
                var target = PairViews.StateFor(http.User, state);
                if (target is null)
                {
                    return http.User.IsSecretariat() ? Problems.Validation(text, [new FieldError("state", "required")]) : Problems.Forbidden(text);
                }

                return TypedResults.Ok(await views.ForStateAsync(target, ApiLanguage.Of(http), status));
            })
            .WithName("ListPairs").WithSummary("A state's pairs: a focal point's own state, any ?state= for the secretariat; ?status=open|agreed|declined|brokered.")
            .Produces<IReadOnlyList<PairView>>().ProducesValidationProblem().ProducesProblem(403);

        pairs.MapGet("/{id:guid}", async (Guid id, HttpContext http, PairCommands commands, PairViews views, IStringLocalizer<Program> text) =>
                await commands.ReadAsync(http.User, id) is { } pair ? TypedResults.Ok(await views.ViewAsync(pair, ApiLanguage.Of(http))) : Problems.NotFound(text))
            .WithName("GetPair").WithSummary("One pair with its reasons and answers.").Produces<PairView>().ProducesProblem(404);

        pairs.MapPost("/{id:guid}/interest", async (Guid id, AnswerInput? input, HttpContext http, PairCommands commands, PairViews views, IStringLocalizer<Program> text) =>
                await Result(await commands.InterestAsync(http.User, id, input?.Side), http, views, text))
            .WithName("ExpressInterest").WithSummary("Say the side is interested ({\"side\":\"offer\"|\"demand\"} needed only for the secretariat, acting on a state's behalf).")
            .Produces<PairView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        pairs.MapPost("/{id:guid}/decline", async (Guid id, AnswerInput? input, HttpContext http, PairCommands commands, PairViews views, IStringLocalizer<Program> text) =>
                await Result(await commands.DeclineAsync(http.User, id, input?.Side, input?.Reason), http, views, text))
            .WithName("DeclinePair").WithSummary("Decline for the side, with a reason: {\"reason\": \"...\"}.")
            .Produces<PairView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        pairs.MapPost("/{id:guid}/initiative", async (Guid id, BrokerInput? input, HttpContext http, PairCommands commands, CooperaNetDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, IStringLocalizer<Program> text) =>
            {
                var outcome = await commands.BrokerAsync(http.User, id, input);
                if (outcome.Refusal != EntryRefusal.None)
                {
                    return Refused(outcome, text);
                }

                var view = await InitiativeViewAsync((Initiative)outcome.Initiative!, http, db, cache, text);
                return TypedResults.Created(view.Link, view);
            })
            .WithName("BrokerPair").WithSummary("The secretariat makes an agreed pair an initiative: {title, type: programme|project|action, modality: bilateral|triangular, secondOfferer (triangular), startsOn, endsOn}.")
            .Produces<InitiativeView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var initiatives = routes.MapGroup("/api/v1/initiatives").WithTags("Crossing").RequireAuthorization(Policies.SignedIn).AddEndpointFilter(ApiLanguage.Validate);
        initiatives.MapGet("/{id:guid}", async (Guid id, HttpContext http, PairCommands commands, CooperaNetDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, IStringLocalizer<Program> text) =>
                await commands.ReadInitiativeAsync(http.User, id) is { } initiative ? TypedResults.Ok(await InitiativeViewAsync(initiative, http, db, cache, text)) : Problems.NotFound(text))
            .WithName("GetInitiative").WithSummary("An initiative: SEGIB type, modality, the states' roles, status.").Produces<InitiativeView>().ProducesProblem(404);
        foreach (var move in new[] { "start", "complete" })
        {
            initiatives.MapPost($"/{{id:guid}}/{move}", async (Guid id, HttpContext http, PairCommands commands, CooperaNetDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, IStringLocalizer<Program> text) =>
                {
                    var outcome = await commands.MoveInitiativeAsync(http.User, id, move);
                    return outcome.Refusal == EntryRefusal.None ? TypedResults.Ok(await InitiativeViewAsync((Initiative)outcome.Initiative!, http, db, cache, text)) : Refused(outcome, text);
                })
                .WithName(move == "start" ? "StartInitiative" : "CompleteInitiative")
                .WithSummary(move == "start" ? "Planned → in execution (secretariat)." : "In execution → completed (secretariat).")
                .Produces<InitiativeView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        }

        routes.MapGet("/api/v1/crossing/overview", async (HttpContext http, PairViews views, IStringLocalizer<Program> text) =>
                http.User.IsSecretariat() ? TypedResults.Ok(await views.OverviewAsync()) : Problems.Forbidden(text))
            .RequireAuthorization(Policies.SignedIn).WithTags("Crossing")
            .WithName("CrossingOverview").WithSummary("Open suggestions, pairs waiting on someone, median days to first interest and to agreement (secretariat).")
            .Produces<CrossingOverview>().ProducesProblem(403);
        return routes;
    }

    public static async Task<InitiativeView> InitiativeViewAsync(Initiative initiative, HttpContext http, CooperaNetDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, IStringLocalizer<Program> text)
    {
        var lookups = await CatalogLookups.LoadAsync(db, cache, ApiLanguage.Of(http));
        return new InitiativeView(
            initiative.Id, initiative.Title, initiative.Language, Name(initiative.Type.ToString()), Name(initiative.Modality.ToString()), Name(initiative.Status.ToString()),
            initiative.PairId, initiative.OfferId, initiative.DemandId, initiative.StartsOn, initiative.EndsOn,
            [.. initiative.Participants.OrderBy(p => p.Role).Select(p => new ParticipantView(p.StateCode, lookups.StateName(p.StateCode), Name(p.Role.ToString())))],
            $"/api/v1/initiatives/{initiative.Id}");
    }

    /// <summary>An enum value as the API names it: "InExecution" → "in-execution".</summary>
    public static string Name(string value) =>
        string.Concat(value.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private static async Task<IResult> EntryMatchesAsync(EntryKind kind, Guid id, HttpContext http, EntryCommands entries, IAuthorizationService auth, PairViews views, IStringLocalizer<Program> text)
    {
        var entry = await entries.ReadAsync(http.User, id, kind);
        if (entry is null)
        {
            return Problems.NotFound(text);
        }

        // An entry's suggestions are its state's business (and the secretariat's).
        if (!(await auth.AuthorizeAsync(http.User, entry, CatalogOperations.Edit)).Succeeded)
        {
            return Problems.Forbidden(text);
        }

        return TypedResults.Ok(await views.ForEntryAsync(id, ApiLanguage.Of(http)));
    }

    private static async Task<IResult> Result(CrossingOutcome outcome, HttpContext http, PairViews views, IStringLocalizer<Program> text) =>
        outcome.Refusal == EntryRefusal.None ? TypedResults.Ok(await views.ViewAsync((Pair)outcome.Pair!, ApiLanguage.Of(http))) : Refused(outcome, text);

    private static IResult Refused(CrossingOutcome outcome, IStringLocalizer<Program> text) =>
        Problems.Refused(text, outcome.Refusal, outcome.Errors, outcome.Conflict);
}
