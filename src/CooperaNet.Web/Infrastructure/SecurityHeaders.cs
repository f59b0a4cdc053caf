using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Infrastructure;

/// <summary>Section "CooperaNet:Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "CooperaNet:Security";

    /// <summary>
    /// SHA-256 hashes ("sha256-...") of the only inline scripts a page may run: accessibility audit
    /// tools that inject themselves (axe-core 4.11.0 by default). Each allows one exact script and
    /// nothing else; empty it to allow none.
    /// </summary>
    public List<string> AuditScriptHashes { get; init; } = [];

    public bool HashesAreWellFormed() => AuditScriptHashes.All(hash => System.Text.RegularExpressions.Regex.IsMatch(hash, "^sha256-[A-Za-z0-9+/]{43}=$"));
}

/// <summary>
/// A strict Content-Security-Policy on every response: scripts, styles, images and fonts only from
/// this site, no inline style, no inline script but the configured audit-tool hashes, no framing.
/// Assets never come from a CDN.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(SecurityOptions options)
    {
        var scripts = string.Join(' ', ["'self'", .. options.AuditScriptHashes.Select(hash => $"'{hash}'")]);
        return $"default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>HSTS for a year, subdomains included; sent on HTTPS responses outside Development.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>
    /// Sets the headers when the response starts, so that responses whose headers were cleared on the way
    /// (the exception handler, re-executed status pages) carry them too; and makes every cookie HttpOnly,
    /// SameSite=Lax at least, and Secure on HTTPS requests (on every request with the <c>__Host-</c> prefix, see <see cref="CookieNames"/>).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value);
        var hsts = !app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment();
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always,
            MinimumSameSitePolicy = SameSiteMode.Lax,
            Secure = CookieNames.UseHostPrefix(app.ApplicationServices.GetRequiredService<IConfiguration>(), app.ApplicationServices.GetRequiredService<IWebHostEnvironment>())
                ? CookieSecurePolicy.Always
                : CookieSecurePolicy.SameAsRequest,
        });
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (hsts && context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
