using System.Text;
using CooperaNet.Web.Features.Catalog;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CooperaNet.Web.Tests.CatalogApi;

public sealed class CatalogListCacheTests : IDisposable
{
    private readonly FakeTimeProvider clock = new();
    private readonly ServiceProvider services = new ServiceCollection().AddOptions().AddLogging().AddOutputCache().BuildServiceProvider();
    private readonly CatalogListCache cache;
    private int builds;

    public CatalogListCacheTests() =>
        cache = new CatalogListCache(Options.Create(new CatalogOptions { ListCacheSeconds = 5 }), services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<CatalogListCache>.Instance, services.GetRequiredService<IOutputCacheStore>());

    [Fact]
    public async Task A_write_evicts_the_stored_catalog_pages()
    {
        var pages = services.GetRequiredService<IOutputCacheStore>();
        await pages.SetAsync("page", "<html>"u8.ToArray(), [CatalogListCache.Tag], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        await pages.SetAsync("other", "<html>"u8.ToArray(), ["other"], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        cache.Clear();

        Assert.Null(await pages.GetAsync("page", TestContext.Current.CancellationToken));
        Assert.NotNull(await pages.GetAsync("other", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_list_is_built_once_and_served_from_memory()
    {
        Assert.Equal("1", await GetAsync("q=agua"));
        Assert.Equal("1", await GetAsync("q=agua"));
        Assert.Equal("2", await GetAsync("q=water"));
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task An_old_list_is_served_while_one_rebuild_replaces_it()
    {
        await GetAsync("q=agua");
        clock.Advance(TimeSpan.FromSeconds(6));
        var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.Equal("1", Encoding.UTF8.GetString(await cache.GetAsync("q=agua", _ => BuildAsync(rebuilt))));
        await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await WaitForAsync(async () => await GetAsync("q=agua") == "2");
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task Clear_makes_the_next_reader_build_a_new_list()
    {
        await GetAsync("q=agua");
        cache.Clear();
        Assert.Equal("2", await GetAsync("q=agua"));
    }

    public static TheoryData<string, bool, bool> Changes => new()
    {
        // The entry after the change, whether the public saw it before, whether the lists are emptied.
        { "draft", false, false },
        { "submitted", false, false },
        { "published", false, true },
        { "published", true, true },
        { "draft", true, true },
        { "deleted", true, true },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Only_a_change_the_public_sees_or_stops_seeing_empties_the_lists(string after, bool wasPublic, bool emptied)
    {
        await GetAsync("q=agua");
        var now = clock.GetUtcNow();
        var entry = new CooperaNet.Domain.Catalog.CatalogEntry { Id = Guid.CreateVersion7(), StateCode = "CO", Language = "es", Title = "Agua", Summary = "Agua potable.", Institution = "APC-Colombia", CreatedAt = now, UpdatedAt = now };
        if (after != "draft")
        {
            Assert.Null(entry.Submit(now));
        }

        if (after is "published" or "deleted")
        {
            Assert.Null(entry.Publish(now));
        }

        if (after == "deleted")
        {
            Assert.Null(entry.Delete(now));
        }

        cache.ClearIfPublic(entry, wasPublic);

        Assert.Equal(emptied ? "2" : "1", await GetAsync("q=agua"));
    }

    public void Dispose()
    {
        cache.Dispose();
        services.Dispose();
    }

    private async Task<string> GetAsync(string key) => Encoding.UTF8.GetString(await cache.GetAsync(key, _ => BuildAsync(null)));

    private Task<byte[]> BuildAsync(TaskCompletionSource? done)
    {
        var body = Encoding.UTF8.GetBytes(Interlocked.Increment(ref builds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        done?.TrySetResult();
        return Task.FromResult(body);
    }

    /// <summary>The rebuild stores its list just after it finishes; poll briefly rather than sleep a fixed time.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Yield();
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.True(await condition());
    }
}
