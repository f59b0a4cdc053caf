using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.CatalogApi;

/// <summary>
/// Every write endpoint of the catalog, tried by every kind of user on a fresh draft of Colombia's
/// (Argentina's focal point plays "another state"):
/// the endpoints are read from the application's routing, so a new one is covered the day it appears.
/// </summary>
public sealed class AuthorizationMatrixTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static readonly string[] Moderation = ["/publish", "/return", "/restore"];

    public enum Who
    {
        Anonymous,
        Expert,
        Partner,
        WorkingGroupMember,
        AnotherStatesFocalPoint,
        OwnFocalPoint,
        Secretariat,
    }

    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.Expert)]
    [InlineData(Who.Partner)]
    [InlineData(Who.WorkingGroupMember)]
    [InlineData(Who.AnotherStatesFocalPoint)]
    [InlineData(Who.OwnFocalPoint)]
    [InlineData(Who.Secretariat)]
    public async Task Each_write_endpoint_admits_exactly_the_right_users(Who who)
    {
        var author = await ForAsync(factory, Roles.FocalPoint, "CO");
        var client = await ClientAsync(who);
        var endpoints = WriteEndpoints();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} write endpoints found");

        var wrong = new List<string>();
        foreach (var (method, template) in endpoints)
        {
            var kind = template.Split('/')[3];
            var id = await DraftAsync(author, kind);
            var path = template.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
                .Replace("{attachmentId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(method, template) };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var expected = Expected(who, template);
            var ok = expected switch
            {
                HttpStatusCode.OK => response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                _ => response.StatusCode == expected,
            };
            if (!ok)
            {
                wrong.Add($"{method} {template}: {(int)response.StatusCode}, expected {(expected == HttpStatusCode.OK ? "allowed" : ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            }
        }

        Assert.Empty(wrong);
    }

    private static HttpStatusCode Expected(Who who, string template) => who switch
    {
        Who.Anonymous => HttpStatusCode.Unauthorized,
        Who.Secretariat => HttpStatusCode.OK,
        Who.OwnFocalPoint when !Moderation.Any(template.EndsWith) => HttpStatusCode.OK,

        // Creating writes for the focal point's own state, whichever it is.
        Who.AnotherStatesFocalPoint when !template.Contains("{id", StringComparison.Ordinal) => HttpStatusCode.OK,
        _ => HttpStatusCode.Forbidden,
    };

    private List<(string Method, string Template)> WriteEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1/offers", StringComparison.Ordinal) || raw.StartsWith("/api/v1/demands", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Template: e.RoutePattern.RawText!.TrimEnd('/'))))
            .Where(e => e.Method != "GET")
            .Distinct()
            .ToList();

    private static HttpContent? Body(string method, string template)
    {
        if (template.EndsWith("/attachments", StringComparison.Ordinal))
        {
            var file = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            return new MultipartFormDataContent { { file, "file", "note.pdf" } };
        }

        return method is "POST" or "PUT"
            ? JsonContent.Create(template.EndsWith("/return", StringComparison.Ordinal) ? new { comment = "Revisar" } : AnOffer())
            : null;
    }

    private static async Task<Guid> DraftAsync(HttpClient author, string kind)
    {
        using var response = await author.PostAsJsonAsync($"/api/v1/{kind}", AnOffer(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> ClientAsync(Who who) => who switch
    {
        Who.Anonymous => factory.CreateClient(),
        Who.Expert => await ForAsync(factory, Roles.Expert),
        Who.Partner => await ForAsync(factory, Roles.Partner),
        Who.WorkingGroupMember => await ForAsync(factory, Roles.WorkingGroupMember),
        Who.AnotherStatesFocalPoint => await ForAsync(factory, Roles.FocalPoint, "AR"),
        Who.OwnFocalPoint => await ForAsync(factory, Roles.FocalPoint, "CO"),
        _ => await ForAsync(factory, Roles.Secretariat),
    };
}
