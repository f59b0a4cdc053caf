namespace CooperaNet.Web.Infrastructure;

public static class StaticFiles
{
    /// <summary>
    /// Serves wwwroot. Pages link assets with a content hash (?v=..., asp-append-version), so a
    /// versioned URL never changes content and browsers may keep it for a year.
    /// </summary>
    public static IApplicationBuilder UseVersionedStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = context =>
        {
            var versioned = context.Context.Request.Query.ContainsKey("v");
            context.Context.Response.Headers.CacheControl = versioned
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600";
        },
    });
}
