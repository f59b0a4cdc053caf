using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Reference;
using CooperaNet.Web.Infrastructure;

namespace CooperaNet.Web.Features.WorkPlan;

public static class WorkPlanEndpoints
{
    public static IEndpointRouteBuilder MapWorkPlanEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Work plan").AddEndpointFilter(ApiLanguage.Validate).AllowAnonymous()
            .MapGet("/workplan", (HttpContext http, ReferenceResponseCache cache) =>
                ReferenceEndpoints.Cached(http, cache, "workplan", (db, lang) => WorkPlanQueries.GetAsync(db, WorkPlanQueries.CurrentCode, lang)))
            .WithName("GetWorkPlan")
            .WithSummary("The AICD work plan 2023-2024: objective, working group, mandates, actions, calendar and responsible parties.")
            .Produces<WorkPlanView>();
        return routes;
    }
}
