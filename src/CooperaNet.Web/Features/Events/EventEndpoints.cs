using CooperaNet.Application.Events;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Events;

/// <summary>
/// The events calendar: published and cancelled events read by anyone (JSON and iCalendar), drafts and
/// every write by the secretariat, registration by signed-in users.
/// </summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(EventRoutes.Feed, FeedAsync).WithTags("Events").AllowAnonymous().WithName("EventsCalendarFeed")
            .WithSummary("iCalendar (RFC 5545) of every published or cancelled event.").Produces(200, contentType: "text/calendar");
        routes.MapGet("/events/{id:guid}.ics", FileAsync).WithTags("Events").AllowAnonymous().WithName("EventCalendarFile")
            .WithSummary("iCalendar file of one event.").Produces(200, contentType: "text/calendar").ProducesProblem(404);

        var group = routes.MapGroup(EventRoutes.ApiGroup).WithTags("Events").AddEndpointFilter(ApiLanguage.Validate);
        group.MapGet("/", async (HttpContext http, EventCalendar calendar, IAuthorizationService auth, CancellationToken ct) =>
            {
                var (upcoming, past) = await calendar.ListAsync(await IsSecretariatAsync(auth, http), ct);
                return TypedResults.Ok(new EventListView(upcoming.Select(EventView.Of).ToList(), past.Select(EventView.Of).ToList()));
            })
            .AllowAnonymous().WithName("ListEvents").WithSummary("Upcoming events by start, then past ones latest first (drafts only for the secretariat).");
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, EventCalendar calendar, IAuthorizationService auth, IStringLocalizer<Program> text, CancellationToken ct) =>
                await calendar.FindAsync(id, await IsSecretariatAsync(auth, http), http.User.UserId(), ct) is { } item ? TypedResults.Ok(EventView.Of(item)) : Problems.NotFound(text))
            .AllowAnonymous().WithName("GetEvent").WithSummary("One event (a proposal only for the secretariat and its author).").Produces<EventView>().ProducesProblem(404);

        var proposers = group.MapGroup("/proposals").RequireAuthorization(Policies.ProposesEvents);
        proposers.MapPost("/", async (EventInput? input, HttpContext http, EventCalendar calendar, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await calendar.ProposeAsync(input ?? Empty, http.User.UserId()!.Value, ct), text, created: true))
            .WithName("ProposeEvent").WithSummary("Propose an event (focal points and partners); the secretariat publishes or declines it. Same body as creating one.")
            .Produces<EventView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        proposers.MapGet("/mine", async (HttpContext http, EventCalendar calendar, CancellationToken ct) =>
                TypedResults.Ok((await calendar.ProposedByAsync(http.User.UserId()!.Value, ct)).Select(EventView.Of).ToList()))
            .WithName("ListMyEventProposals").WithSummary("The events the caller proposed, latest first, with what became of them (proposed, published, declined, cancelled).")
            .Produces<List<EventView>>().ProducesProblem(401).ProducesProblem(403);

        var secretariat = group.MapGroup("/").RequireAuthorization(Policies.Secretariat);
        secretariat.MapPost("/", async (EventInput? input, EventCalendar calendar, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await calendar.CreateAsync(input ?? Empty, ct), text, created: true))
            .WithName("CreateEvent").WithSummary("Write a draft event (secretariat). Start and end are local date-times in timeZone (IANA).")
            .Produces<EventView>(201).ProducesValidationProblem().ProducesProblem(403);
        secretariat.MapPut("/{id:guid}", async (Guid id, EventInput? input, EventCalendar calendar, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await calendar.UpdateAsync(id, input ?? Empty, ct), text))
            .WithName("UpdateEvent").WithSummary("Change an event (secretariat).")
            .Produces<EventView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPost("/{id:guid}/publish", async (Guid id, EventCalendar calendar, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await calendar.MoveAsync(id, publish: true, ct), text))
            .WithName("PublishEvent").WithSummary("Publish a draft (secretariat).").Produces<EventView>().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{id:guid}/cancel", async (Guid id, EventCalendar calendar, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await calendar.MoveAsync(id, publish: false, ct), text))
            .WithName("CancelEvent").WithSummary("Cancel an event; it stays listed as cancelled (secretariat).").Produces<EventView>().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{id:guid}/decline", async (Guid id, EventCalendar calendar, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await calendar.DeclineAsync(id, ct), text))
            .WithName("DeclineEvent").WithSummary("Decline a proposed event (secretariat); its author still sees it.").Produces<EventView>().ProducesProblem(404).ProducesProblem(409);

        var signedIn = group.MapGroup("/").RequireAuthorization(Policies.SignedIn);
        signedIn.MapPost("/{id:guid}/registration", async (Guid id, HttpContext http, EventCalendar calendar, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var outcome = await calendar.RegisterAsync(id, http.User.UserId()!.Value, ct);
                return outcome.Event is { } item ? TypedResults.Ok(new EventRegistrationView(EventView.Of(item), outcome.Waiting, outcome.Position)) : Result(outcome, text);
            })
            .WithName("RegisterForEvent").WithSummary("Take a place, or a place on the waiting list when the event is full (waiting, position); 409 when registration is not open or the caller is already registered.")
            .Produces<EventRegistrationView>().ProducesProblem(404).ProducesProblem(409);
        signedIn.MapDelete("/{id:guid}/registration", async (Guid id, HttpContext http, EventCalendar calendar, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await calendar.UnregisterAsync(id, http.User.UserId()!.Value, ct), text))
            .WithName("CancelEventRegistration").WithSummary("Give one's place back.").Produces<EventView>().ProducesProblem(404);
        return routes;
    }

    private static readonly EventInput Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static async Task<bool> IsSecretariatAsync(IAuthorizationService auth, HttpContext http) =>
        (await auth.AuthorizeAsync(http.User, Policies.Secretariat)).Succeeded;

    private static IResult Result(EventOutcome outcome, IStringLocalizer text, bool created = false) => outcome switch
    {
        { Event: { } item } when created => TypedResults.Created(EventRoutes.ApiGroup + "/" + item.Id, EventView.Of(item)),
        { Event: { } item } => TypedResults.Ok(EventView.Of(item)),
        { NotFound: true } => Problems.NotFound(text),
        { Refused: { } refused } => Problems.Conflict(text, refused.Code),
        _ => Problems.Validation(text, outcome.Errors),
    };

    private static async Task<IResult> FeedAsync(HttpContext http, EventCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        Calendar(http, await calendar.FeedAsync(ct), clock, "events.ics");

    private static async Task<IResult> FileAsync(Guid id, HttpContext http, EventCalendar calendar, TimeProvider clock, IStringLocalizer<Program> text, CancellationToken ct) =>
        await calendar.FindAsync(id, withDrafts: false, ct) is { } item ? Calendar(http, [item], clock, $"event-{id}.ics") : Problems.NotFound(text);

    private static IResult Calendar(HttpContext http, IEnumerable<Domain.Events.Event> events, TimeProvider clock, string name)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var body = EventCalendarFile.Write(events, clock.GetUtcNow(), http.Request.Host.Host, e => $"{origin}/en{EventRoutes.Page(e.Id)}");
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{name}\"";
        return TypedResults.Text(body, EventCalendarFile.ContentType);
    }
}
