using CooperaNet.Application.Data;
using CooperaNet.Application.Matching;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Application.Tests.Matching.Pairing;

namespace CooperaNet.Application.Tests.Matching;

/// <summary>Two app instances on one database, each with its own indexes and matching job.</summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> SmallBatches = new() { ["BatchSize"] = "3" };

    private DataHost host = null!;
    private ServiceProvider first = null!;
    private ServiceProvider second = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await DataHost.StartAsync();
        first = host.StartInstance(SmallBatches);
        second = host.StartInstance(SmallBatches);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Two_instances_pairing_at_the_same_time_pair_each_request_exactly_once()
    {
        var ids = await first.PublishAsync(
            WaterDemand().From("PE"), WaterDemand().From("BO"), WaterDemand().From("HN"), TourismDemand().From("BR"), TourismDemand().From("JM"),
            WaterOffer().From("MX"), WaterOffer().From("CL"), WaterOffer().From("CO"), TourismOffer().From("CA"), TourismOffer().From("CR"));
        await second.PublishAsync(WaterDemand().From("GT"), TourismOffer().From("UY"));
        Assert.Equal(12, (await first.RequestsAsync()).Count);

        var paired = 0;
        while (await Task.WhenAll(first.RoundAsync(), second.RoundAsync()) is var rounds && rounds.Sum() > 0)
        {
            paired += rounds.Sum();
        }

        Assert.Equal(12, paired);
        Assert.Empty(await first.RequestsAsync());
        var pairs = await first.PairsAsync();
        Assert.Equal(pairs.Count, pairs.Select(p => (p.OfferId, p.DemandId)).Distinct().Count());
        Assert.Contains(pairs, p => p.OfferId == ids[5] && p.DemandId == ids[0]);

        // What was stored is what one instance pairing every entry alone would store.
        var check = host.StartInstance();
        var again = await check.WithDbAsync(async db =>
        {
            await check.GetRequiredService<CatalogMatcher>().SyncAsync(db, Ct);
            return await db.Entries.Select(e => e.Id).ToListAsync(Ct);
        });
        var changes = default(PairChanges);
        foreach (var id in again)
        {
            await using var scope = check.CreateAsyncScope();
            changes += await scope.ServiceProvider.GetRequiredService<PairMaker>().PairAsync(id, Ct);
        }

        Assert.Equal(default, changes);
        Assert.Equal(pairs.Count, (await first.PairsAsync()).Count);
    }

    [Fact]
    public async Task A_request_leased_by_an_instance_that_stopped_is_taken_by_another_when_the_lease_ends()
    {
        var ids = await first.PublishAsync(WaterDemand().From("PE"), WaterOffer().From("MX"));
        var stopped = first.GetRequiredService<MatchingJob>().InstanceId;
        var leasedUntil = host.Clock.GetUtcNow() + MatchingJob.LeaseDuration;
        await first.WithDbAsync(db => db.MatchingRequests.ExecuteUpdateAsync(
            s => s.SetProperty(r => r.LeasedBy, stopped).SetProperty(r => r.LeasedUntil, leasedUntil), Ct));

        Assert.Equal(0, await second.RoundAsync());
        Assert.Equal(2, (await second.RequestsAsync()).Count);
        host.Clock.Advance(MatchingJob.LeaseDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await second.RoundAsync());

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await second.RoundAsync());

        Assert.Empty(await second.RequestsAsync());
        var pair = Assert.Single(await second.PairsAsync());
        Assert.Equal((ids[1], ids[0]), (pair.OfferId, pair.DemandId));
    }

    [Fact]
    public async Task An_instance_sees_entries_published_and_withdrawn_through_another()
    {
        Assert.Equal(0, await second.RoundAsync());
        var demand = WaterDemand().From("PE").Build(host.Clock.GetUtcNow());
        Assert.Empty(second.GetRequiredService<CatalogMatcher>().Find(demand, 10));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var offer = (await first.PublishAsync(WaterOffer().From("MX"))).Single();
        await SyncAsync(second);
        var found = second.GetRequiredService<CatalogMatcher>().Find(demand, 10);

        Assert.Equal([offer.ToString()], found.Select(m => m.Id));
        Assert.Equal("MX", second.GetRequiredService<CatalogMatcher>().StateOf(offer));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await first.EditAsync(offer, (e, now) => e.Withdraw(now));
        await SyncAsync(second);

        Assert.Empty(second.GetRequiredService<CatalogMatcher>().Find(demand, 10));
    }

    [Fact]
    public async Task A_demand_published_through_one_instance_is_paired_by_the_other_with_an_offer_it_never_saw_published()
    {
        await second.RoundAsync();
        var offer = (await first.PublishAsync(WaterOffer().From("MX"))).Single();
        await first.WithDbAsync(db => db.MatchingRequests.ExecuteDeleteAsync(Ct));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var demand = (await first.PublishAsync(WaterDemand().From("PE"))).Single();
        Assert.Equal(1, await second.RoundAsync());

        var pair = Assert.Single(await first.PairsAsync());
        Assert.Equal((offer, demand), (pair.OfferId, pair.DemandId));
    }

    [Fact]
    public async Task A_change_saved_by_an_instance_whose_clock_is_a_little_behind_is_still_read()
    {
        await first.PublishAsync(TourismOffer().From("CL"));
        await SyncAsync(second);
        var demand = WaterDemand().From("PE").Build(host.Clock.GetUtcNow());

        var late = WaterOffer().From("MX").Build(host.Clock.GetUtcNow() - TimeSpan.FromSeconds(3));
        await first.WithDbAsync(db =>
        {
            db.Entries.Add(late);
            return db.SaveChangesAsync(Ct);
        });
        await SyncAsync(second);

        Assert.Contains(second.GetRequiredService<CatalogMatcher>().Find(demand, 10), m => m.Id == late.Id.ToString());
    }

    private static Task<int> SyncAsync(IServiceProvider instance) => instance.WithDbAsync(async db =>
    {
        await instance.GetRequiredService<CatalogMatcher>().SyncAsync(db, Ct);
        return instance.GetRequiredService<CatalogMatcher>().Count;
    });
}
