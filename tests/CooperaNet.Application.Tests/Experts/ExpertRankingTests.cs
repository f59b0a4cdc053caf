using CooperaNet.Application.Experts;
using CooperaNet.Application.Tests.Matching;
using CooperaNet.Domain.Experts;
using CooperaNet.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Experts;

public sealed class ExpertRankingTests : IAsyncLifetime
{
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private async Task<IReadOnlyList<RankedExpert>> RankAsync(Guid demand) =>
        (await host.InScopeAsync(sp => sp.GetRequiredService<ExpertRanking>().RankAsync(demand, 10, Ct)))!;

    [Fact]
    public async Task The_water_engineer_comes_first_for_a_water_demand_with_a_reason_naming_the_shared_sector()
    {
        await host.InRosterAsync("turismo@example.org", ExpertFixtures.Tourism("Ana Turismo"));
        var water = await host.InRosterAsync("agua@example.org", ExpertFixtures.Water("Lucía Agua"));
        await host.InRosterAsync("docente@example.org", ExpertFixtures.Teaching("Marta Docente"));
        var demand = (await host.Services.PublishAsync(Pairing.WaterDemand().From("PE")))[0];

        var ranked = await RankAsync(demand);

        var best = ranked[0];
        Assert.Equal((water.Id, "Lucía Agua"), (best.ExpertId, best.FullName));
        Assert.True(ranked.Skip(1).All(r => r.Score < best.Score));
        Assert.Equal(ReasonKind.SameSector, best.Reasons[0].Kind);
        var sector = Assert.Single(best.Reasons, r => r.Kind == ReasonKind.SameSector && !r.Inferred);
        Assert.Equal(["14030"], sector.Values);
        Assert.Equal("Same sector: 14030", sector.Describe("en"));
        Assert.Contains(best.Reasons, r => r.Kind == ReasonKind.CommonLanguage && r.Values.Contains("es"));
    }

    [Fact]
    public async Task Only_roster_experts_who_are_available_are_ranked_and_the_index_follows_their_changes()
    {
        var applicant = await host.ApplicantAsync("nuevo@example.org", ExpertFixtures.Water("Aún No Aprobado"));
        var away = await host.InRosterAsync("ausente@example.org", ExpertFixtures.Water("Ausente") with { Availability = "unavailable" });
        var lucia = await host.InRosterAsync("agua@example.org", ExpertFixtures.Water("Lucía Agua"));
        var demand = (await host.Services.PublishAsync(Pairing.WaterDemand().From("PE")))[0];

        Assert.Equal([lucia.Id], (await RankAsync(demand)).Select(r => r.ExpertId));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ChangeProfileAsync(applicant.Id, (p, now) => p.JoinRoster(now));
        await host.ChangeProfileAsync(lucia.Id, (p, now) => p.LeaveRoster(now));
        await host.ChangeProfileAsync(away.Id, (p, now) =>
        {
            p.Availability = Availability.Available;
            p.UpdatedAt = now;
        });

        Assert.Equal(new[] { applicant.Id, away.Id }.Order(), (await RankAsync(demand)).Select(r => r.ExpertId).Order());
    }

    [Fact]
    public async Task An_unknown_demand_or_an_offer_ranks_nobody()
    {
        await host.InRosterAsync("agua@example.org", ExpertFixtures.Water("Lucía Agua"));
        var offer = (await host.Services.PublishAsync(Pairing.WaterOffer().From("MX")))[0];

        var ranking = host.Services.CreateScope().ServiceProvider.GetRequiredService<ExpertRanking>();
        Assert.Null(await ranking.RankAsync(offer, 10, Ct));
        Assert.Null(await ranking.RankAsync(Guid.NewGuid(), 10, Ct));
    }
}
