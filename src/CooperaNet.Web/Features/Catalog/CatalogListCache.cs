using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>Section "CooperaNet:Catalog".</summary>
public sealed class CatalogOptions
{
    public const string Section = "CooperaNet:Catalog";

    /// <summary>How long a list of published entries is served from memory; 0 turns the cache off.</summary>
    [Range(0, 300)]
    public int ListCacheSeconds { get; set; } = 5;

    /// <summary>Memory the cached lists may take, in megabytes.</summary>
    [Range(1, 1024)]
    public int ListCacheMegabytes { get; set; } = 32;
}

/// <summary>
/// Readers repeat the same searches (the first page, a popular word with a filter), and a list of
/// published entries depends only on its query and language, never on who asks. Its JSON is
/// therefore built once and served from memory for a few seconds; concurrent misses for one key
/// share a single database query. A change to an entry made through this instance empties the
/// cache at once; one made by another instance shows within the lifetime.
/// </summary>
public sealed class CatalogListCache : IDisposable
{
    private readonly MemoryCache cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> building = new(StringComparer.Ordinal);
    private readonly TimeSpan lifetime;
    private long generation;

    public CatalogListCache(IOptions<CatalogOptions> options)
    {
        lifetime = TimeSpan.FromSeconds(options.Value.ListCacheSeconds);
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ListCacheMegabytes * 1024L * 1024L });
    }

    public bool Enabled => lifetime > TimeSpan.Zero;

    /// <summary>The cached body for <paramref name="key"/>, or the one <paramref name="build"/> makes.</summary>
    public async Task<byte[]> GetOrBuildAsync(string key, Func<Task<byte[]>> build)
    {
        // Keys of an older generation are never asked for again and age out.
        key = $"{Interlocked.Read(ref generation)}|{key}";
        if (cache.TryGetValue(key, out byte[]? body) && body is not null)
        {
            return body;
        }

        var shared = building.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(build));
        try
        {
            body = await shared.Value;
            cache.Set(key, body, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = body.Length });
            return body;
        }
        finally
        {
            building.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, shared));
        }
    }

    /// <summary>Forgets every cached list: an entry was created, changed or moved.</summary>
    public void Clear() => Interlocked.Increment(ref generation);

    public void Dispose() => cache.Dispose();
}
