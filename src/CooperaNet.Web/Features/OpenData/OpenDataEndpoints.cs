using CooperaNet.Application.Interop.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CooperaNet.Web.Features.OpenData;

/// <summary>The open-data addresses: stable, anonymous and the same in every language.</summary>
public static class OpenDataRoutes
{
    public const string Page = "/open-data";
    public const string Package = "/open-data/" + OpenDataPackage.ZipName;
    public const string Iati = "/open-data/" + OpenDataPackage.IatiName;
}

public static class OpenDataEndpoints
{
    /// <summary>
    /// The package and the IATI file, with their SHA-256 as ETag and their generation time as
    /// Last-Modified: PhysicalFile answers If-None-Match and If-Modified-Since with 304 and serves ranges.
    /// </summary>
    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup(string.Empty).WithTags("Open data").AllowAnonymous();
        files.MapGet(OpenDataRoutes.Package, (HttpContext http, OpenDataFiles data, CancellationToken ct) =>
            ServeAsync(http, data, s => s.Package, "application/zip", ct))
            .WithName("OpenDataPackage").WithSummary("The open-data package: CSV, JSON, IATI XML, data dictionary and licence in one ZIP.");
        files.MapGet(OpenDataRoutes.Iati, (HttpContext http, OpenDataFiles data, CancellationToken ct) =>
            ServeAsync(http, data, s => s.Iati, "application/xml", ct))
            .WithName("OpenDataIati").WithSummary("Offers, demands and initiatives as IATI 2.03 activities.");
        return routes;
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> ServeAsync(HttpContext http, OpenDataFiles data, Func<OpenDataSnapshot, OpenDataFile?> pick, string contentType, CancellationToken ct)
    {
        if (pick(await data.CurrentAsync(ct)) is not { } file)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.PhysicalFile(file.Path, contentType, Path.GetFileName(file.Path), file.LastModified, new EntityTagHeaderValue(file.ETag), enableRangeProcessing: true);
    }
}
