using CooperaNet.Application.Participation;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Participation;

/// <summary>A member state's public figures in the API; <c>level</c> is the map's class (none, few, some, many).</summary>
public sealed record StateActivityContract(string Code, string Name, int Offers, int Demands, DateTimeOffset? LastPublishedAt, string Level);

/// <summary>GET /api/v1/participation.</summary>
public sealed record ParticipationContract(string Language, int Active, int Total, IReadOnlyList<StateActivityContract> States);

/// <summary>A month of the trend: entries first published, and how many of them by the state's own focal points.</summary>
public sealed record MonthContract(string Month, int Published, int ByOwnFocalPoints);

/// <summary>GET /api/v1/participation/states/{code}: the secretariat's view of one state.</summary>
public sealed record StateParticipationContract(
    string Code,
    string Name,
    IReadOnlyDictionary<string, int> Entries,
    int Deleted,
    DateTimeOffset? LastActivityAt,
    IReadOnlyList<FocalPointAccount> FocalPoints,
    int MatchesProposed,
    int MatchesAnswered,
    double? MedianResponseDays,
    int PublishedEntries,
    int PublishedByOwnFocalPoints,
    double? Autonomy,
    IReadOnlyList<MonthContract> Months);

/// <summary>Participation of the member states: public figures, and each state's detail for the secretariat.</summary>
public static class ParticipationEndpoints
{
    public static IEndpointRouteBuilder MapParticipationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/participation").WithTags("Participation").AddEndpointFilter(ApiLanguage.Validate);
        group.MapGet("/", async (HttpContext http, ParticipationViews views, CancellationToken ct) =>
            {
                var view = await views.SummaryAsync(ApiLanguage.Of(http), ct);
                return TypedResults.Ok(new ParticipationContract(view.Language, view.Active, view.Total, [.. view.States.Select(s =>
                    new StateActivityContract(s.Code, s.Name, s.Offers, s.Demands, s.LastPublishedAt, s.Level.ToString().ToLowerInvariant()))]));
            })
            .AllowAnonymous().WithName("GetParticipation").WithSummary("How many member states have published at least one offer or demand, and each state's published entries.");

        group.MapGet("/states/{code}", async (string code, HttpContext http, ParticipationViews views, CooperaNet.Application.Data.CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                // API tokens carry no second factor: the secretariat's role is checked here, as for the pairs' overview.
                if (!http.User.IsSecretariat())
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Problem.Forbidden"], detail: text["Participation.Api.Forbidden"]);
                }

                code = code.Trim().ToUpperInvariant();
                if (await views.ReportAsync(code, ct) is not { } report)
                {
                    return Problems.NotFound(text);
                }

                var lookups = await CatalogLookups.LoadAsync(db, cache, ApiLanguage.Of(http));
                return TypedResults.Ok(new StateParticipationContract(
                    report.Code,
                    lookups.StateName(report.Code),
                    report.ByStatus.ToDictionary(s => s.Status.ToString().ToLowerInvariant(), s => s.Count),
                    report.Deleted,
                    report.LastActivityAt,
                    report.FocalPoints,
                    report.MatchesProposed,
                    report.MatchesAnswered,
                    report.MedianResponseDays,
                    report.Autonomy.Published,
                    report.Autonomy.ByOwnFocalPoints,
                    report.Autonomy.Share,
                    [.. report.Months.Select(m => new MonthContract($"{m.Year:D4}-{m.Month:D2}", m.Autonomy.Published, m.Autonomy.ByOwnFocalPoints))]));
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetStateParticipation").WithSummary("One member state's participation (secretariat): entries by status, focal points, matches answered, autonomy and its trend.")
            .Produces<StateParticipationContract>().ProducesProblem(403).ProducesProblem(404);
        return routes;
    }
}
