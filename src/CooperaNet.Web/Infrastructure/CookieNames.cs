namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// The names of the session, second-step and antiforgery cookies. With the <c>__Host-</c> prefix the
/// browser accepts a cookie only when it is Secure, has Path=/ and no Domain: no subdomain and no plain
/// HTTP page can set or overwrite it. Browsers refuse such cookies over plain HTTP, so the prefix is a
/// setting ("CooperaNet:Security:HostPrefixCookies"): on by default in Production (served over HTTPS),
/// off elsewhere; a production site served over plain HTTP (a local try-out) turns it off.
/// </summary>
public static class CookieNames
{
    public const string Session = "cooperanet";
    public const string Antiforgery = "cooperanet-af";
    public const string HostPrefix = "__Host-";
    public const string Setting = SecurityOptions.Section + ":HostPrefixCookies";

    public static bool UseHostPrefix(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Setting) ?? environment.IsProduction();

    /// <summary>
    /// Names the cookie, with the prefix and the Path and Domain it demands when <paramref name="hostPrefix"/> is on.
    /// The Secure attribute comes from the cookie policy (<see cref="SecurityHeaders.UseSecurityHeaders"/>), which
    /// marks every cookie Secure when the prefix is on; the builders keep <c>SameAsRequest</c>, because the
    /// antiforgery system throws on a plain-HTTP request when its cookie says <c>Always</c> (a page would answer 500
    /// instead of showing, and a form post be refused, on a site wrongly served over HTTP).
    /// </summary>
    public static void Apply(CookieBuilder cookie, string name, bool hostPrefix)
    {
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        if (!hostPrefix)
        {
            cookie.Name = name;
            return;
        }

        cookie.Name = HostPrefix + name;
        cookie.Path = "/";
        cookie.Domain = null;
    }
}
