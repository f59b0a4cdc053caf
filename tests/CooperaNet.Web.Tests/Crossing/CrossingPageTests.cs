using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Matching;
using CooperaNet.Domain.Crossing;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Crossing;

/// <summary>The crossing's pages: who sees them, answering and brokering through forms, the secretariat's overview.</summary>
public sealed class CrossingPageTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_states_say_yes_through_the_pages_and_the_secretariat_brokers_a_triangular_initiative()
    {
        var (pairId, _) = await PairAsync("HN", "MX", "31120");
        var honduras = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "HN", lang: "es");
        var mexico = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "MX");
        var path = $"/matches/{pairId}";

        var list = await honduras.PageAsync("/es/matches");
        Assert.Contains($"href=\"/es/matches/{pairId}\"", list);
        Assert.Contains("Espera su respuesta", list);
        using var yes = await honduras.PostFormAsync($"/es{path}?handler=Interest", new Dictionary<string, string> { ["side"] = "demand" }, $"/es{path}");
        Assert.Equal($"/es{path}", yes.Headers.Location?.OriginalString);
        using var yesToo = await mexico.PostFormAsync($"/en{path}?handler=Interest", new Dictionary<string, string> { ["side"] = "offer" }, $"/en{path}");
        Assert.Equal(HttpStatusCode.Redirect, yesToo.StatusCode);

        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var overview = await secretariat.PageAsync("/en/matches");
        Assert.Contains("Agreed pairs to broker", overview);
        Assert.Contains($"href=\"/en/matches/{pairId}\"", overview);
        using var missingSecond = await secretariat.PostFormAsync($"/en{path}?handler=Broker", Broker("triangular", second: string.Empty), $"/en{path}");
        Assert.Equal(HttpStatusCode.BadRequest, missingSecond.StatusCode);
        Assert.Contains("id=\"Broker_SecondOfferer-error\"", await AccountClient.TextAsync(missingSecond));

        using var brokered = await secretariat.PostFormAsync($"/en{path}?handler=Broker", Broker("triangular", second: "CL"), $"/en{path}");

        Assert.StartsWith("/en/initiatives/", brokered.Headers.Location?.OriginalString);
        var initiative = await honduras.PageAsync("/es" + brokered.Headers.Location!.OriginalString[3..]);
        Assert.Contains("Triangular", initiative);
        Assert.Contains("Chile: segundo oferente", initiative);
        Assert.Contains("Honduras: receptor", initiative);
        await using var db = factory.NewDbContext();
        Assert.Equal(PairStatus.Brokered, (await db.Pairs.AsNoTracking().SingleAsync(p => p.Id == pairId, Ct)).Status);
    }

    [Fact]
    public async Task Only_the_states_concerned_and_the_secretariat_see_a_pair()
    {
        var (pairId, _) = await PairAsync("DO", "CR", "32161");
        var other = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "PA");
        var expert = await Sessions.SignedInAsync(factory, Roles.Expert);
        var anonymous = AccountClient.For(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/en/matches/{pairId}")).StatusCode);
        Assert.DoesNotContain($"/en/matches/{pairId}", await other.PageAsync("/en/matches"));
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync("/en/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/en/matches/{pairId}")).StatusCode);
        Assert.StartsWith("/en/account/sign-in", (await anonymous.GetAsync("/en/matches")).Headers.Location?.OriginalString);
        using var meddling = await other.PostFormAsync($"/en/matches/{pairId}?handler=Interest", new Dictionary<string, string> { ["side"] = "offer" }, "/en/matches");
        Assert.Equal(HttpStatusCode.NotFound, meddling.StatusCode);
    }

    [Fact]
    public async Task Declining_without_a_reason_shows_the_error_in_the_page_language()
    {
        var (pairId, _) = await PairAsync("BO", "EC", "31161");
        var bolivia = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "BO", lang: "pt");

        using var refused = await bolivia.PostFormAsync($"/pt/matches/{pairId}?handler=Decline", new Dictionary<string, string> { ["side"] = "demand", ["reason"] = string.Empty }, $"/pt/matches/{pairId}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await AccountClient.TextAsync(refused);
        Assert.Contains("id=\"reason-demand-error\"", page);
        Assert.Contains("aria-invalid=\"true\"", page);
    }

    private static Dictionary<string, string> Broker(string modality, string second) => new()
    {
        ["Broker.Title"] = "Cooperación técnica",
        ["Broker.Type"] = "project",
        ["Broker.Modality"] = modality,
        ["Broker.SecondOfferer"] = second,
    };

    /// <summary>A published demand of <paramref name="demander"/> and offer of <paramref name="offerer"/> in one sector, paired.</summary>
    private async Task<(Guid Pair, Guid Demand)> PairAsync(string demander, string offerer, string sector)
    {
        var demand = await AnEntry().Demand().From(demander).InSector(sector).Titled($"Necesidad {sector} de {demander}").Published().SaveAsync(factory);
        var offer = await AnEntry().Offer().From(offerer).InSector(sector).Titled($"Oferta {sector} de {offerer}").Published().SaveAsync(factory);
        var job = factory.Services.GetRequiredService<MatchingJob>();
        while (await job.RunOnceAsync(Ct) > 0)
        {
        }

        await using var db = factory.NewDbContext();
        var pair = await db.Pairs.AsNoTracking().SingleAsync(p => p.DemandId == demand.Id && p.OfferId == offer.Id, Ct);
        return (pair.Id, demand.Id);
    }
}
