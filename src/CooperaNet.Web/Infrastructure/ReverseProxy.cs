using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed (section
/// <c>CooperaNet:Proxy</c>). Behind nginx on the same machine the defaults are right: the loopback
/// addresses. A request from any other address keeps its own address and scheme, whatever it sends.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "CooperaNet:Proxy";

    /// <summary>Addresses of the proxies (e.g. <c>10.0.0.5</c>); when both lists are empty, 127.0.0.1 and ::1.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation (e.g. <c>10.0.0.0/24</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsWellFormed() =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}

public static class ReverseProxy
{
    /// <summary>Reads the client's address and scheme from the trusted proxies' X-Forwarded-For and X-Forwarded-Proto.</summary>
    public static WebApplicationBuilder AddCooperaNetReverseProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.IsWellFormed(), "CooperaNet:Proxy: KnownProxies are IP addresses (10.0.0.5) and KnownNetworks CIDR networks (10.0.0.0/24).")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((options, proxy) =>
        {
            var settings = proxy.Value;
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (settings.KnownProxies.Length == 0 && settings.KnownNetworks.Length == 0)
            {
                options.KnownProxies.Add(IPAddress.Loopback);
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
                return;
            }

            foreach (var address in settings.KnownProxies.Where(p => IPAddress.TryParse(p, out _)))
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in settings.KnownNetworks.Where(n => System.Net.IPNetwork.TryParse(n, out _)))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
