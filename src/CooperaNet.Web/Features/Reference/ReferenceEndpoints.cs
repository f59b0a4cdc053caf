using CooperaNet.Application.Data;
using CooperaNet.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Reference;

/// <summary>Public, cacheable reference data: member states, sectors, SDGs.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Reference data").AddEndpointFilter(ApiLanguage.Validate).AllowAnonymous();

        api.MapGet("/member-states", (HttpContext http, ReferenceResponseCache cache) =>
                Cached(http, cache, "states", (db, lang) => ReferenceQueries.MemberStatesAsync(db, lang)))
            .WithName("ListMemberStates")
            .WithSummary("The 35 OAS member states, named in the requested language, with their group memberships.")
            .Produces<LocalizedList<MemberStateItem>>();

        api.MapGet("/member-states/{code}", GetMemberState)
            .WithName("GetMemberState")
            .WithSummary("One member state by its ISO alpha-2 code, with its name in the four languages.")
            .Produces<MemberStateDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/reference/sectors", (HttpContext http, ReferenceResponseCache cache) =>
                Cached(http, cache, "sectors", (db, lang) => ReferenceQueries.SectorsAsync(db, lang)))
            .WithName("ListSectors")
            .WithSummary("OECD-DAC sector categories (3 digits) and purpose codes (5 digits).")
            .Produces<SectorList>();

        api.MapGet("/reference/sdgs", (HttpContext http, ReferenceResponseCache cache) =>
                Cached(http, cache, "sdgs", (db, lang) => ReferenceQueries.SdgsAsync(db, lang)))
            .WithName("ListSdgs")
            .WithSummary("The 17 Sustainable Development Goals and their 169 targets.")
            .Produces<LocalizedList<SdgGoalItem>>();

        return routes;
    }

    internal static async Task<IResult> Cached<T>(HttpContext http, ReferenceResponseCache cache, string resource, Func<CooperaNetDbContext, string, Task<T>> build)
    {
        var lang = ApiLanguage.Of(http);
        var json = await cache.GetAsync($"{resource}:{lang}", sp => build(sp.GetRequiredService<CooperaNetDbContext>(), lang));
        return ReferenceResponseCache.Respond(http, json);
    }

    private static async Task<IResult> GetMemberState(string code, HttpContext http, ReferenceResponseCache cache, IStringLocalizer<Program> text)
    {
        var normalized = code.ToUpperInvariant();
        if (normalized.Length != 2 || !normalized.All(char.IsAsciiLetterUpper))
        {
            return NotFound(text, code);
        }

        var lang = ApiLanguage.Of(http);
        var json = await cache.GetAsync($"state:{normalized}:{lang}", sp =>
            ReferenceQueries.MemberStateAsync(sp.GetRequiredService<CooperaNetDbContext>(), normalized, lang));
        return json.Body.AsSpan().SequenceEqual("null"u8) ? NotFound(text, code) : ReferenceResponseCache.Respond(http, json);
    }

    private static IResult NotFound(IStringLocalizer text, string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Problem.NotFound"], detail: text["Api.Error.UnknownState", code]);
}
