using CooperaNet.Application.Catalog;
using CooperaNet.Application.Priorities;
using CooperaNet.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Priorities;

/// <summary>One area of the ranking; <c>demandIds</c> are its oldest unmet demands first.</summary>
public sealed record PriorityAreaContract(int Rank, string Code, string Name, double Score, double Weight, int Demands, int States, int OldestDays, IReadOnlyList<Guid> DemandIds);

/// <summary>GET /api/v1/priorities: the areas of one dimension, highest score first, and the rule's settings.</summary>
public sealed record PrioritiesContract(
    string Language,
    string Dimension,
    DateOnly AsOf,
    int UnmetAfterDays,
    double LowScore,
    int UnmetDemands,
    int TotalAreas,
    IReadOnlyList<PriorityAreaContract> Areas);

/// <summary>The priority areas in the API, public like the demands they come from.</summary>
public static class PriorityEndpoints
{
    public const int DefaultTop = 20;
    public const int MaxTop = 500;
    public const int DefaultDemands = 10;
    public const int MaxDemands = 1000;

    public static IEndpointRouteBuilder MapPriorityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(PriorityRoutes.Api).WithTags("Priorities").AddEndpointFilter(ApiLanguage.Validate);
        group.MapGet("/", async (HttpContext http, PriorityCalculator calculator, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var (dimension, top, demands, errors) = Parse(http.Request.Query);
                if (errors.Count > 0)
                {
                    return Problems.Validation(text, errors);
                }

                var ranking = await calculator.RankAsync(dimension, ApiLanguage.Of(http), ct);
                return TypedResults.Ok(new PrioritiesContract(
                    ranking.Language,
                    PriorityDimensions.NameOf(ranking.Dimension),
                    ranking.AsOf,
                    ranking.UnmetAfterDays,
                    ranking.LowScore,
                    ranking.Unmet.Count,
                    ranking.Areas.Count,
                    [.. ranking.Areas.Take(top).Select((a, i) => new PriorityAreaContract(
                        i + 1, a.Code, a.Name, Math.Round(a.Score, 3), Math.Round(a.Weight, 3), a.Demands, a.States, a.OldestDays, [.. a.DemandIds.Take(demands)]))]));
            })
            .AllowAnonymous().WithName("GetPriorities")
            .WithSummary("Priority areas: where published demand goes unmet, ranked by the age-weighted unmet demands times the states asking.")
            .Produces<PrioritiesContract>().ProducesValidationProblem();
        return routes;
    }

    /// <summary>dimension (category by default), top (areas) and demands (ids per area), each checked.</summary>
    private static (PriorityDimension Dimension, int Top, int Demands, List<FieldError> Errors) Parse(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var name = query["dimension"].ToString();
        var dimension = name.Length == 0 ? PriorityDimension.Category : PriorityDimensions.Parse(name);
        if (dimension is null)
        {
            errors.Add(new FieldError("dimension", "priorities.dimension", PriorityDimensions.Names));
        }

        int Number(string key, int fallback, int min, int max)
        {
            var raw = query[key].ToString();
            if (raw.Length == 0)
            {
                return fallback;
            }

            if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                errors.Add(new FieldError(key, "range", min, max));
                return fallback;
            }

            return value;
        }

        return (dimension ?? PriorityDimension.Category, Number("top", DefaultTop, 1, MaxTop), Number("demands", DefaultDemands, 0, MaxDemands), errors);
    }
}
