using CooperaNet.Application.Priorities;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CooperaNet.Application.Tests.Matching.EntryBuilder;

namespace CooperaNet.Application.Tests.Priorities;

/// <summary>
/// The priority areas on 1 June 2026 (noon UTC) over a hand-built catalog, with the default settings
/// (unmet after 90 days, low score 0.25). Weights are 1 + days / 365.
/// <list type="bullet">
/// <item>Unmet: <b>D1</b> Argentina, 14020, SDG 6.1, in Spanish, 365 days, no pair (weight 2);
/// <b>D2</b> Chile, 14030, SDG 6, in Spanish, 146 days, a pair at 0.6 nobody agreed (weight 1.4);
/// <b>D3</b> Jamaica, 11220, SDG 4, working in English and French, 10 days, best pair 0.1 (weight 1 + 10/365);
/// <b>D9</b> Haiti, 14020, written in French with no working language given, 30 days, its 0.9 pair no longer
/// current and a current one at 0.2 (weight 1 + 30/365).</item>
/// <item>Not unmet: Mexico's 10-day demand with a 0.8 pair; Colombia's agreed one (200 days); Argentina's
/// expired yesterday, deleted one, one with an initiative recorded directly; a draft; an old offer.</item>
/// </list>
/// </summary>
public sealed class PriorityCalculatorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly double W1 = 2;
    private static readonly double W2 = 1.4;
    private static readonly double W3 = 1 + (10 / 365.0);
    private static readonly double W9 = 1 + (30 / 365.0);

    private DataHost host = null!;
    private CatalogEntry d1 = null!;
    private CatalogEntry d2 = null!;
    private CatalogEntry d3 = null!;
    private CatalogEntry d9 = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await DataHost.StartAsync(Now);
        d1 = ADemand().From("AR").In("es").InSector("14020").ForSdg("6.1").Build(Now.AddDays(-365));
        d2 = ADemand().From("CL").In("es").InSector("14030").ForSdg("6").Build(Now.AddDays(-146));
        d3 = ADemand().From("JM").In("en").WorkingIn("en,fr").InSector("11220").ForSdg("4").Build(Now.AddDays(-10));
        d9 = ADemand().From("HT").In("fr").WorkingIn(string.Empty).InSector("14020").Build(Now.AddDays(-30));
        var mexico = ADemand().From("MX").InSector("11220").Build(Now.AddDays(-10));
        var agreed = ADemand().From("CO").InSector("14020").Build(Now.AddDays(-200));
        var expired = ADemand().From("AR").InSector("11230").ExpiringOn(new DateOnly(2026, 5, 31)).Build(Now.AddDays(-400));
        var deleted = ADemand().From("AR").InSector("12220").Build(Now.AddDays(-100));
        Assert.Null(deleted.Delete(Now.AddDays(-1)));
        var initiated = ADemand().From("AR").InSector("11220").Build(Now.AddDays(-50));
        var draft = new CatalogEntry { Id = Guid.NewGuid(), Kind = EntryKind.Demand, StateCode = "PE", Language = "es", Title = "Borrador", Summary = "Sin publicar.", Institution = "APCI", CreatedAt = Now.AddDays(-300), UpdatedAt = Now.AddDays(-300) };
        var oldOffer = AnOffer().From("CO").InSector("14020").Build(Now.AddDays(-500));
        var offer = AnOffer().From("BR").InSector("14020").Build(Now.AddDays(-20));
        var otherOffer = AnOffer().From("UY").InSector("14020").Build(Now.AddDays(-20));

        await host.WithDbAsync(db =>
        {
            db.Entries.AddRange(d1, d2, d3, d9, mexico, agreed, expired, deleted, initiated, draft, oldOffer, offer, otherOffer);
            var retired = Pair.Propose(Guid.NewGuid(), offer.Id, "BR", d9.Id, "HT", 0.9, "[]", Now.AddDays(-20));
            retired.Retire();
            var agreement = Pair.Propose(Guid.NewGuid(), offer.Id, "BR", agreed.Id, "CO", 0.3, "[]", Now.AddDays(-20));
            Assert.Null(agreement.ExpressInterest(PairSide.Offer, Now.AddDays(-15)));
            Assert.Null(agreement.ExpressInterest(PairSide.Demand, Now.AddDays(-14)));
            db.Pairs.AddRange(
                Pair.Propose(Guid.NewGuid(), offer.Id, "BR", d2.Id, "CL", 0.6, "[]", Now.AddDays(-20)),
                Pair.Propose(Guid.NewGuid(), offer.Id, "BR", d3.Id, "JM", 0.1, "[]", Now.AddDays(-9)),
                Pair.Propose(Guid.NewGuid(), otherOffer.Id, "UY", d3.Id, "JM", 0.05, "[]", Now.AddDays(-9)),
                Pair.Propose(Guid.NewGuid(), otherOffer.Id, "UY", d9.Id, "HT", 0.2, "[]", Now.AddDays(-20)),
                Pair.Propose(Guid.NewGuid(), offer.Id, "BR", mexico.Id, "MX", 0.8, "[]", Now.AddDays(-9)),
                retired,
                agreement);
            db.Initiatives.Add(new Initiative
            {
                Id = Guid.NewGuid(),
                Title = "Escuelas rurales",
                Language = "es",
                DemandId = initiated.Id,
                CreatedAt = Now.AddDays(-5),
                Participants = [new InitiativeParticipant { StateCode = "CL", Role = ParticipantRole.Offerer }, new InitiativeParticipant { StateCode = "AR", Role = ParticipantRole.Receiver }],
            });
            return db.SaveChangesAsync(Ct);
        });
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Unmet_demands_are_the_old_ones_without_agreement_and_those_no_offer_fits_well()
    {
        var ranking = await RankAsync(PriorityDimension.Category, "es");

        Assert.Equal(new DateOnly(2026, 6, 1), ranking.AsOf);
        Assert.Equal(new[] { d1.Id, d2.Id, d3.Id, d9.Id }.Order(), ranking.Unmet.Keys.Order());
        Assert.Equal((365, UnmetReasons.Waiting | UnmetReasons.WeakOffer, (double?)null), Of(ranking.Unmet[d1.Id]));
        Assert.Equal((146, UnmetReasons.Waiting, (double?)0.6), Of(ranking.Unmet[d2.Id]));
        Assert.Equal((10, UnmetReasons.WeakOffer, (double?)0.1), Of(ranking.Unmet[d3.Id]));
        Assert.Equal((30, UnmetReasons.WeakOffer, (double?)0.2), Of(ranking.Unmet[d9.Id]));
        Assert.Equal(W1, ranking.Unmet[d1.Id].Weight, 9);
        Assert.Equal(W3, ranking.Unmet[d3.Id].Weight, 9);
    }

    [Fact]
    public async Task Categories_rank_by_weight_times_states_and_name_themselves_in_the_language_asked()
    {
        var ranking = await RankAsync(PriorityDimension.Category, "es");

        Assert.Equal(["140", "112"], ranking.Areas.Select(a => a.Code));
        var water = ranking.Areas[0];
        Assert.Equal((W1 + W2 + W9) * 3, water.Score, 9);
        Assert.Equal(W1 + W2 + W9, water.Weight, 9);
        Assert.Equal((3, 3, 365), (water.Demands, water.States, water.OldestDays));
        Assert.Equal([d1.Id, d2.Id, d9.Id], water.DemandIds);
        Assert.Equal("Abastecimiento de agua y saneamiento", water.Name);
        Assert.Equal(W3, ranking.Areas[1].Score, 9);
        Assert.Equal("Water Supply & Sanitation", (await RankAsync(PriorityDimension.Category, "en")).Areas[0].Name);
    }

    [Fact]
    public async Task Sectors_goals_subregions_and_working_languages_rank_as_computed_by_hand()
    {
        var sectors = await RankAsync(PriorityDimension.Sector, "en");
        var goals = await RankAsync(PriorityDimension.Sdg, "en");
        var subregions = await RankAsync(PriorityDimension.Subregion, "fr");
        var languages = await RankAsync(PriorityDimension.Language, "pt");

        AssertAreas(sectors, ("14020", (W1 + W9) * 2, 2, 2), ("14030", W2, 1, 1), ("11220", W3, 1, 1));
        AssertAreas(goals, ("6", (W1 + W2) * 2, 2, 2), ("4", W3, 1, 1));
        AssertAreas(subregions, ("South America", (W1 + W2) * 2, 2, 2), ("Caribbean", (W3 + W9) * 2, 2, 2));
        AssertAreas(languages, ("es", (W1 + W2) * 2, 2, 2), ("fr", (W3 + W9) * 2, 2, 2), ("en", W3, 1, 1));
        Assert.Equal("Clean water and sanitation", goals.Areas[0].Name, ignoreCase: true);
        Assert.Equal(["Amérique du Sud", "Caraïbes"], subregions.Areas.Select(a => a.Name));
        Assert.Equal(["Espanhol", "Francês", "Inglês"], languages.Areas.Select(a => a.Name));
    }

    [Fact]
    public async Task Settings_move_the_line_between_met_and_unmet()
    {
        var stricter = await host.InScopeAsync(sp => new PriorityCalculator(
                sp.GetRequiredService<Data.CooperaNetDbContext>(),
                Options.Create(new PriorityOptions { UnmetAfterDays = 150, LowScore = 0.15 }),
                host.Clock)
            .RankAsync(PriorityDimension.Sector, "en", Ct));

        // Chile's demand (146 days, best 0.6) is not old enough any more, and Haiti's best pair (0.2) now fits well enough.
        Assert.Equal(new[] { d1.Id, d3.Id }.Order(), stricter.Unmet.Keys.Order());
        AssertAreas(stricter, ("14020", W1, 1, 1), ("11220", W3, 1, 1));
    }

    [Theory]
    [InlineData("UnmetAfterDays", "0")]
    [InlineData("LowScore", "1.5")]
    public void Settings_out_of_range_are_refused_at_start(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new($"{PriorityOptions.Section}:{key}", value)]).Build();
        using var services = new ServiceCollection().AddPriorityAreas(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PriorityOptions>>().Value);
        Assert.Contains(key, error.Message);
    }

    private static (int, UnmetReasons, double?) Of(UnmetDemand demand) => (demand.AgeDays, demand.Reasons, demand.BestScore);

    private static void AssertAreas(PriorityRanking ranking, params (string Code, double Score, int Demands, int States)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Code), ranking.Areas.Select(a => a.Code));
        foreach (var (area, want) in ranking.Areas.Zip(expected))
        {
            Assert.Equal(want.Score, area.Score, 9);
            Assert.Equal((want.Demands, want.States), (area.Demands, area.States));
        }
    }

    private Task<PriorityRanking> RankAsync(PriorityDimension dimension, string language) =>
        host.InScopeAsync(sp => sp.GetRequiredService<PriorityCalculator>().RankAsync(dimension, language, Ct));
}
