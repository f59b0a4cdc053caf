using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using CooperaNet.Domain.Catalog;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>Section "CooperaNet:Catalog".</summary>
public sealed class CatalogOptions
{
    public const string Section = "CooperaNet:Catalog";

    /// <summary>How long a list of published entries is served from memory before it is rebuilt; 0 turns the cache off.</summary>
    [Range(0, 300)]
    public int ListCacheSeconds { get; set; } = 5;

    /// <summary>Memory the cached lists may take, in megabytes.</summary>
    [Range(1, 1024)]
    public int ListCacheMegabytes { get; set; } = 32;
}

/// <summary>
/// Readers repeat the same searches (the first page, a popular word with a filter), and a list of
/// published entries depends only on its query and language, never on who asks. Its JSON is
/// therefore built once and served from memory. Concurrent misses for one key share one build;
/// a list older than the lifetime is still served while a single background build replaces it,
/// so popular searches never wait for the database, and one unused for twice the lifetime is
/// dropped. A change to an entry made through this instance empties the cache at once; one made
/// by another instance shows within twice the lifetime.
/// </summary>
public sealed partial class CatalogListCache : IDisposable
{
    private readonly MemoryCache cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> building = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> refreshing = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<CatalogListCache> logger;
    private readonly TimeSpan lifetime;
    private long generation;

    /// <summary>The output-cache policy of the public catalog pages, and the tag every catalog write evicts.</summary>
    public const string PagePolicy = "catalog-page";

    public const string Tag = "catalog";

    private readonly IOutputCacheStore pages;

    public CatalogListCache(IOptions<CatalogOptions> options, IServiceScopeFactory scopes, TimeProvider clock, ILogger<CatalogListCache> logger, IOutputCacheStore pages)
    {
        this.pages = pages;
        this.scopes = scopes;
        this.clock = clock;
        this.logger = logger;
        lifetime = TimeSpan.FromSeconds(options.Value.ListCacheSeconds);
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ListCacheMegabytes * 1024L * 1024L });
    }

    public bool Enabled => lifetime > TimeSpan.Zero;

    /// <summary>
    /// The body cached for <paramref name="key"/>, or the one <paramref name="build"/> makes in a
    /// service scope of its own (a background rebuild outlives the request that started it).
    /// </summary>
    public async Task<byte[]> GetAsync(string key, Func<IServiceProvider, Task<byte[]>> build)
    {
        // Keys of an older generation are never asked for again and age out.
        key = $"{Interlocked.Read(ref generation)}|{key}";
        if (cache.TryGetValue(key, out Built? hit) && hit is not null)
        {
            if (clock.GetElapsedTime(hit.At) > lifetime && refreshing.TryAdd(key, true))
            {
                _ = Task.Run(() => RefreshAsync(key, build));
            }

            return hit.Body;
        }

        var shared = building.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(() => BuildAsync(key, build)));
        try
        {
            return await shared.Value;
        }
        finally
        {
            building.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, shared));
        }
    }

    /// <summary>Forgets every cached list: an entry was created, changed or moved.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);

        // The in-memory store evicts at once; waiting keeps "write, then read the page" consistent.
        pages.EvictByTagAsync(Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Forgets every cached list when the public could see <paramref name="entry"/> before the change
    /// (<paramref name="wasPublic"/>) or can see it now. Drafts and entries waiting for the secretariat
    /// are in no public list: saving them keeps the lists (the participation figures, which count them,
    /// follow within the lifetime).
    /// </summary>
    public void ClearIfPublic(CatalogEntry entry, bool wasPublic)
    {
        if (wasPublic || IsPublic(entry))
        {
            Clear();
        }
    }

    /// <summary>Whether the public sees the entry: published and not deleted.</summary>
    public static bool IsPublic(CatalogEntry entry) => entry.Status == EntryStatus.Published && entry.DeletedAt is null;

    public void Dispose() => cache.Dispose();

    private async Task<byte[]> BuildAsync(string key, Func<IServiceProvider, Task<byte[]>> build)
    {
        await using var scope = scopes.CreateAsyncScope();
        var body = await build(scope.ServiceProvider);
        cache.Set(key, new Built(body, clock.GetTimestamp()), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = lifetime * 2,

            // Never nothing: an empty answer (an entry that is not public) still counts against the limit.
            Size = Math.Max(body.Length, 256),
        });
        return body;
    }

    private async Task RefreshAsync(string key, Func<IServiceProvider, Task<byte[]>> build)
    {
        try
        {
            await BuildAsync(key, build);
        }
        catch (Exception exception)
        {
            // Readers keep the older list until it expires; the next miss builds it in the request.
            LogRefreshFailed(exception);
        }
        finally
        {
            refreshing.TryRemove(key, out _);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Rebuilding a cached catalog list failed")]
    private partial void LogRefreshFailed(Exception exception);

    private sealed record Built(byte[] Body, long At);
}
