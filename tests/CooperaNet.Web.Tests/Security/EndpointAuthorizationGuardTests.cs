using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Security;

/// <summary>
/// Every endpoint the application maps (Razor pages and minimal APIs alike) states who may call it: an
/// authorization policy / [Authorize], or an explicit anonymous marker. Read from the metadata the
/// framework applies to each endpoint, so page conventions and group settings count as they run.
/// </summary>
public sealed class EndpointAuthorizationGuardTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    [Fact]
    public void Every_endpoint_is_authorized_or_explicitly_anonymous()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0
                && e.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(endpoints.Count > 150, $"Only {endpoints.Count} endpoints found: the enumeration is not seeing the application.");
        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
            || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is not null);
        Assert.True(unmarked.Count == 0, "Neither authorized nor explicitly anonymous:\n" + string.Join('\n', unmarked));
    }

    [Fact]
    public void Pages_and_endpoints_that_need_an_account_are_not_marked_anonymous()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        foreach (var route in new[] { "{culture:lang}/admin/users", "{culture:lang}/account/profile", "{culture:lang}/catalog/new", "api/v1/me" })
        {
            var endpoint = Assert.Single(endpoints, e => e.RoutePattern.RawText?.Trim('/') == route && IsGetOrPage(e));
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.NotEmpty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
        }
    }

    private static bool IsGetOrPage(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET");

    private static string Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
        return $"{string.Join(',', methods)} /{endpoint.RoutePattern.RawText?.TrimStart('/')} ({endpoint.DisplayName})";
    }
}
