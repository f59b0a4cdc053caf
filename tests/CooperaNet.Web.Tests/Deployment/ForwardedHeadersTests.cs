using System.Net;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace CooperaNet.Web.Tests.Deployment;

/// <summary>Behind nginx the app takes the client's address and scheme from X-Forwarded-For/Proto, from its proxies only.</summary>
public sealed class ForwardedHeadersTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_scheme_and_client_address_a_proxy_on_the_loopback_forwards_are_believed()
    {
        var context = await SendAsync(factory.Server, IPAddress.Loopback);

        Assert.Equal("https", context.Request.Scheme);
        Assert.Equal(Client, context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        var stranger = IPAddress.Parse("198.51.100.9");

        var context = await SendAsync(factory.Server, stranger);

        Assert.Equal("http", context.Request.Scheme);
        Assert.Equal(stranger, context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task Proxies_on_a_configured_network_are_believed_and_the_loopback_then_is_not()
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("CooperaNet:Proxy:KnownNetworks:0", "10.0.0.0/8"));

        var proxy = await SendAsync(configured.Server, IPAddress.Parse("10.1.2.3"));
        var loopback = await SendAsync(configured.Server, IPAddress.Loopback);

        Assert.Equal(("https", Client), (proxy.Request.Scheme, proxy.Connection.RemoteIpAddress));
        Assert.Equal(("http", IPAddress.Loopback), (loopback.Request.Scheme, loopback.Connection.RemoteIpAddress));
    }

    private static Task<HttpContext> SendAsync(TestServer server, IPAddress from) => server.SendAsync(
        context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/health/live";
            context.Connection.RemoteIpAddress = from;
            context.Request.Headers["X-Forwarded-For"] = Client.ToString();
            context.Request.Headers["X-Forwarded-Proto"] = "https";
        },
        Ct);
}
