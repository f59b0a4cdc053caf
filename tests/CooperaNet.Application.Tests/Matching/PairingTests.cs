using CooperaNet.Application.Matching;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Matching;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Application.Tests.Matching.Pairing;

namespace CooperaNet.Application.Tests.Matching;

public sealed class PairingTests : IAsyncLifetime
{
    private DataHost host = null!;
    private IServiceProvider app = null!;

    public async ValueTask InitializeAsync()
    {
        host = await DataHost.StartAsync();
        app = host.StartInstance();
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Publishing_an_entry_queues_a_matching_request_in_the_same_save()
    {
        var ids = await app.PublishAsync(WaterDemand().From("PE"), WaterOffer().From("MX"));

        var requests = await app.RequestsAsync();

        Assert.Equal(ids, requests.OrderBy(r => r.Id).Select(r => r.EntryId));
        Assert.All(requests, r =>
        {
            Assert.Equal(host.Clock.GetUtcNow(), r.RequestedAt);
            Assert.Null(r.LeasedBy);
            Assert.Null(r.LeasedUntil);
        });
        Assert.Empty(await app.PairsAsync());
    }

    [Fact]
    public async Task Only_changes_the_public_sees_or_stops_seeing_ask_for_pairs_saving_a_draft_asks_for_none()
    {
        var demand = (await app.PublishAsync(WaterDemand().From("PE"))).Single();
        await app.DrainAsync();

        // Returned to its state: it leaves the catalog, so it is paired again (to lose its pairs).
        await app.EditAsync(demand, (e, now) => Assert.Null(e.Return("Add the municipalities.", now)));
        Assert.Equal([demand], (await app.RequestsAsync()).Select(r => r.EntryId));
        await app.DrainAsync();

        // A draft saved again and again, then sent to the secretariat: nobody outside its state sees it.
        for (var n = 0; n < 3; n++)
        {
            await app.EditAsync(demand, (e, _) => e.Title = $"Agua potable para comunidades rurales ({n})");
        }

        await app.EditAsync(demand, (e, now) => Assert.Null(e.Submit(now)));
        Assert.Empty(await app.RequestsAsync());

        await app.EditAsync(demand, (e, now) => Assert.Null(e.Publish(now)));
        Assert.Equal([demand], (await app.RequestsAsync()).Select(r => r.EntryId));
    }

    [Fact]
    public async Task A_round_pairs_a_Spanish_demand_with_an_English_offer_of_the_same_DAC_sector_with_its_score_and_reasons()
    {
        var ids = await app.PublishAsync(WaterDemand().From("PE"), WaterOffer().From("MX"));

        var paired = await app.RoundAsync();

        Assert.Equal(2, paired);
        Assert.Empty(await app.RequestsAsync());
        var pair = Assert.Single(await app.PairsAsync());
        Assert.Equal((ids[1], "MX", ids[0], "PE"), (pair.OfferId, pair.OfferState, pair.DemandId, pair.DemandState));
        Assert.InRange(pair.Score, 0.3, 1.0);
        Assert.Equal(PairStatus.Suggested, pair.Status);
        Assert.True(pair.IsCurrent);
        Assert.Equal(host.Clock.GetUtcNow(), pair.CreatedAt);
        var reasons = CatalogMatcher.Deserialize(pair.Reasons);
        Assert.Contains(reasons, r => r.Kind == ReasonKind.SameSector && r.Values.SequenceEqual(["14030"]) && !r.Inferred);
        Assert.Contains(reasons, r => r.Kind == ReasonKind.SimilarText && r.Values.Contains("water"));
    }

    [Fact]
    public async Task A_round_does_not_pair_entries_on_different_subjects()
    {
        await app.PublishAsync(WaterDemand().From("PE"), TourismOffer().From("CL"));

        await app.DrainAsync();

        Assert.Empty(await app.PairsAsync());
        Assert.Empty(await app.RequestsAsync());
    }

    [Fact]
    public async Task An_offer_and_a_demand_of_the_same_state_are_never_paired()
    {
        var ids = await app.PublishAsync(WaterDemand().From("PE"), WaterOffer().From("PE"), WaterOffer().From("MX"));

        await app.DrainAsync();

        var pair = Assert.Single(await app.PairsAsync());
        Assert.Equal((ids[2], ids[0]), (pair.OfferId, pair.DemandId));
    }

    [Fact]
    public async Task Editing_an_offer_to_another_subject_pairs_it_anew_and_drops_its_unanswered_pair()
    {
        var ids = await app.PublishAsync(WaterOffer().From("MX"), WaterDemand().From("PE"), TourismDemand().From("BR"));
        var (offer, water, tourism) = (ids[0], ids[1], ids[2]);
        await app.DrainAsync();
        Assert.Equal([(offer, water)], (await app.PairsAsync()).Select(p => (p.OfferId, p.DemandId)));

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.EditAsync(offer, (e, _) =>
        {
            e.Language = "fr";
            e.Title = "Tourisme durable et hôtellerie";
            e.Summary = "Formation des guides touristiques et des petites entreprises d'hôtellerie au tourisme durable.";
            e.Sectors.Clear();
            e.Sectors.Add(new EntrySector { EntryId = offer, SectorCode = "33210" });
        });
        Assert.Equal([offer], (await app.RequestsAsync()).Select(r => r.EntryId));
        await app.DrainAsync();

        var pair = Assert.Single(await app.PairsAsync());
        Assert.Equal((offer, tourism), (pair.OfferId, pair.DemandId));
        Assert.Equal(host.Clock.GetUtcNow(), pair.CreatedAt);
    }

    [Fact]
    public async Task A_pair_keeps_the_same_score_and_reasons_whichever_of_its_entries_was_paired_last()
    {
        var ids = await app.PublishAsync(WaterDemand().From("PE"), WaterOffer().From("MX"));
        await app.DrainAsync();
        var scored = new List<(double, string)>();
        foreach (var id in new[] { ids[1], ids[0], ids[1] })
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.EditAsync(id, (_, _) => { });
            await app.DrainAsync();
            var pair = Assert.Single(await app.PairsAsync());
            scored.Add((pair.Score, pair.Reasons));
        }

        Assert.Single(scored.Distinct());
    }

    public static TheoryData<string> Removals => ["withdraw", "close", "delete"];

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task An_entry_taken_out_of_the_catalog_loses_its_unanswered_pairs_and_keeps_answered_ones_as_not_current(string removal)
    {
        var ids = await app.PublishAsync(WaterDemand().From("PE"), WaterOffer().From("MX"), WaterOffer().From("CL"));
        var (demand, mexico, chile) = (ids[0], ids[1], ids[2]);
        await app.DrainAsync();
        Assert.Equal(2, (await app.PairsAsync()).Count);
        await AnswerAsync(chile, demand, p => p.ExpressInterest(PairSide.Demand, host.Clock.GetUtcNow()));

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.EditAsync(demand, (e, now) => Assert.Null(removal switch
        {
            "withdraw" => e.Withdraw(now),
            "close" => e.Close(now),
            _ => e.Delete(now),
        }));
        await app.DrainAsync();

        var pair = Assert.Single(await app.PairsAsync());
        Assert.Equal((chile, demand), (pair.OfferId, pair.DemandId));
        Assert.False(pair.IsCurrent);
        Assert.Equal(PairStatus.Waiting, pair.Status);
        Assert.DoesNotContain(await app.PairsAsync(), p => p.OfferId == mexico);
    }

    [Fact]
    public async Task Restoring_a_deleted_offer_makes_its_answered_pair_current_again()
    {
        var ids = await app.PublishAsync(WaterDemand().From("PE"), WaterOffer().From("MX"));
        await app.DrainAsync();
        await AnswerAsync(ids[1], ids[0], p => p.ExpressInterest(PairSide.Offer, host.Clock.GetUtcNow()));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.EditAsync(ids[1], (e, now) => e.Delete(now));
        await app.DrainAsync();
        Assert.False(Assert.Single(await app.PairsAsync()).IsCurrent);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.EditAsync(ids[1], (e, now) => e.Restore(now));
        await app.DrainAsync();

        var pair = Assert.Single(await app.PairsAsync());
        Assert.True(pair.IsCurrent);
        Assert.Equal(Interest.Interested, pair.OfferInterest);
        Assert.Equal(host.Clock.GetUtcNow(), pair.ScoredAt);
    }

    [Fact]
    public async Task An_offer_past_its_expiry_date_is_not_paired_with_a_demand_published_afterwards()
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        await app.PublishAsync(WaterOffer().From("MX").ExpiringOn(today));
        await app.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await app.PublishAsync(TourismDemand().From("BR"));
        await app.DrainAsync();

        host.Clock.Advance(TimeSpan.FromDays(2));
        await app.PublishAsync(WaterDemand().From("PE"));
        await app.DrainAsync();

        Assert.Empty(await app.PairsAsync());
    }

    private Task<int> AnswerAsync(Guid offer, Guid demand, Func<Pair, PairError?> answer) => app.WithDbAsync(async db =>
    {
        var pair = await db.Pairs.SingleAsync(p => p.OfferId == offer && p.DemandId == demand, TestContext.Current.CancellationToken);
        Assert.Null(answer(pair));
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });
}
