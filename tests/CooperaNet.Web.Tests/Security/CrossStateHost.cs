using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Security;

/// <summary>
/// Shared pieces of the cross-state and mass-assignment tests: every mutating endpoint and page handler
/// under a stable key, signed-in focal points of a state (a browser with its form token and an API
/// token), and a snapshot of one row.
/// </summary>
public static class CrossState
{
    private static readonly JsonSerializerOptions RowJson = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    /// <summary>A focal point of one state, as a browser (cookie and form token) and as an API client (bearer token).</summary>
    public sealed record FocalPoint(string State, Guid UserId, AccountClient Browser, string FormToken, HttpClient Api);

    /// <summary>One mutating API endpoint or page handler: "PUT /api/v1/offers/{id:guid}", "POST /{culture:lang}/catalog/{id:guid}?handler=Attach".</summary>
    public sealed record Target(string Key, RoutePattern Pattern, bool IsPage, string Method, string? Handler);

    /// <summary>Every API endpoint that is not a plain read, and every page handler that is not a GET.</summary>
    public static async Task<List<Target>> MutatingTargetsAsync(IServiceProvider services)
    {
        var targets = new List<Target>();
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
                targets.AddRange(compiled.HandlerMethods
                    .Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
                    .Select(h => new Target(
                        $"{h.HttpMethod.ToUpperInvariant()} {raw}{(string.IsNullOrEmpty(h.Name) ? string.Empty : "?handler=" + h.Name)}",
                        endpoint.RoutePattern,
                        IsPage: true,
                        h.HttpMethod.ToUpperInvariant(),
                        h.Name)));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            targets.AddRange(methods
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                .Select(m => new Target($"{m} {raw}", endpoint.RoutePattern, IsPage: false, m, null)));
        }

        return [.. targets.DistinctBy(t => t.Key).OrderBy(t => t.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every page whose handlers include no unnamed POST handler (a plain form post to it has nothing to run).</summary>
    public static async Task<List<RoutePattern>> PagesWithoutPlainPostAsync(IServiceProvider services)
    {
        var pages = new List<RoutePattern>();
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page
                && !(await loader.LoadAsync(page, EndpointMetadataCollection.Empty)).HandlerMethods.Any(h => string.IsNullOrEmpty(h.Name) && h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)))
            {
                pages.Add(endpoint.RoutePattern);
            }
        }

        return pages;
    }

    /// <summary>The route with every parameter given a plausible value: a new GUID, 1 for numbers, "CO" for a state, "en" for the language.</summary>
    public static string Fill(RoutePattern pattern)
    {
        var parts = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Value(parameter),
            _ => string.Empty,
        })));
        return "/" + string.Join('/', parts);
    }

    private static string Value(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty).ToList();
        return parameter.Name switch
        {
            "culture" => "en",
            "state" => "CO",
            "semester" => "2026-2",
            _ when constraints.Contains("guid") => Guid.NewGuid().ToString(),
            _ when constraints.Contains("int") => "1",
            _ => "x",
        };
    }

    /// <summary>A focal point of <paramref name="state"/>, signed in through the sign-in page and holding an API token.</summary>
    public static async Task<FocalPoint> FocalPointAsync(CooperaNetFactory host, string state)
    {
        var email = $"focal-{state}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        var browser = await Sessions.SignedInAsync(host, Roles.FocalPoint, state, email: email);
        var token = AccountClient.FormToken(await browser.PageAsync("/en/account/profile"));
        await using var db = host.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        var issued = await host.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateTokenAsync(user.Id, "tests"));
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        return new FocalPoint(state, user.Id, browser, token, api);
    }

    /// <summary>Every column of one row (read past the soft-delete filters) as JSON, so two snapshots compare as strings.</summary>
    public static async Task<string> RowAsync<T>(CooperaNetFactory host, Guid id)
        where T : class
    {
        await using var db = host.NewDbContext();
        var row = await db.Set<T>().IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, TestContext.Current.CancellationToken);
        Assert.True(row is not null, $"No {typeof(T).Name} {id}");
        return JsonSerializer.Serialize(row, RowJson);
    }

    /// <summary>A one-page PDF as the upload forms and endpoints take it.</summary>
    public static ByteArrayContent Pdf(string note = "informe")
    {
        var file = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n%{note}\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return file;
    }

}
