using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace CooperaNet.Web.Infrastructure;

/// <summary>A JSON body serialized once, with its entity tag.</summary>
public sealed class CachedJson
{
    private CachedJson(byte[] body)
    {
        Body = body;
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"");
    }

    public byte[] Body { get; }

    public EntityTagHeaderValue ETag { get; }

    public static CachedJson From<T>(T value, JsonSerializerOptions options) => new(JsonSerializer.SerializeToUtf8Bytes(value, options));
}

/// <summary>
/// Reference data changes only when a new version is imported, so its API answers are built once
/// per language and kept in memory for a few minutes; requests then cost no database work.
/// Answers carry an ETag and a public Cache-Control, so clients and proxies revalidate cheaply.
/// </summary>
public sealed class ReferenceResponseCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<CachedJson> GetAsync<T>(string key, Func<IServiceProvider, Task<T>> build)
    {
        if (cache.TryGetValue(key, out CachedJson? hit) && hit is not null)
        {
            return hit;
        }

        await using var scope = scopes.CreateAsyncScope();
        var value = await build(scope.ServiceProvider);
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var json = CachedJson.From(value, options);
        return cache.Set(key, json, Lifetime);
    }

    /// <summary>Writes the cached body, or 304 when the client already has it.</summary>
    public static IResult Respond(HttpContext context, CachedJson json)
    {
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = json.ETag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
        context.Response.Headers.Vary = "Accept-Language";
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Compare(json.ETag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(json.Body, "application/json; charset=utf-8");
    }
}
