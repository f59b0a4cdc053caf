using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Matching;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.Crossing;

/// <summary>A demand and an offer written in different languages are paired, both states say yes, the secretariat brokers an initiative.</summary>
public sealed class PairFlowTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_spanish_demand_and_an_english_offer_are_paired_agreed_and_brokered_with_notices_in_each_language()
    {
        var guatemala = await ForAsync(factory, Roles.FocalPoint, "GT", language: "es");
        var jamaica = await ForAsync(factory, Roles.FocalPoint, "JM", language: "en");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        await PreferAsync("JM", "en");
        var demand = await PublishAsync(guatemala, secretariat, "demands", Entry("es", "Sistemas de alerta temprana ante inundaciones", "Necesitamos fortalecer la alerta temprana de inundaciones en cuencas rurales y la preparación de las comunidades.", "74020"));
        var offer = await PublishAsync(jamaica, secretariat, "offers", Entry("en", "Flood early warning systems", "Jamaica's meteorological service shares its experience with community flood early warning and preparedness.", "74020"));

        await PairAllAsync();

        var matches = await JsonAsync(await guatemala.GetAsync($"/api/v1/demands/{demand}/matches?lang=es", Ct));
        var pair = matches.EnumerateArray().Single(m => m.GetProperty("offer").GetProperty("id").GetGuid() == offer);
        Assert.Equal("Suggested", pair.GetProperty("status").GetString());
        Assert.Contains(pair.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("Mismo sector: 74020", StringComparison.Ordinal));
        var pairId = pair.GetProperty("id").GetGuid();

        using var first = await guatemala.PostAsJsonAsync($"/api/v1/pairs/{pairId}/interest", new { }, Ct);
        Assert.Equal("Waiting", (await JsonAsync(first)).GetProperty("status").GetString());
        using var again = await guatemala.PostAsJsonAsync($"/api/v1/pairs/{pairId}/interest", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var early = await secretariat.PostAsJsonAsync($"/api/v1/pairs/{pairId}/initiative", Broker(), Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        using var second = await jamaica.PostAsJsonAsync($"/api/v1/pairs/{pairId}/interest", new { }, Ct);
        Assert.Equal("Agreed", (await JsonAsync(second)).GetProperty("status").GetString());

        using var brokered = await secretariat.PostAsJsonAsync($"/api/v1/pairs/{pairId}/initiative", Broker(), Ct);
        Assert.Equal(HttpStatusCode.Created, brokered.StatusCode);
        var initiative = await JsonAsync(brokered);
        Assert.Equal("planned", initiative.GetProperty("status").GetString());
        Assert.Equal(["JM:offerer", "GT:receiver"], initiative.GetProperty("participants").EnumerateArray().Select(p => $"{p.GetProperty("state").GetString()}:{p.GetProperty("role").GetString()}"));
        var link = initiative.GetProperty("link").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsync($"{link}/complete", null, Ct)).StatusCode);
        Assert.Equal("in-execution", (await JsonAsync(await secretariat.PostAsync($"{link}/start", null, Ct))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsync($"{link}/complete", null, Ct)).StatusCode);
        Assert.Equal("completed", (await JsonAsync(await secretariat.PostAsync($"{link}/complete", null, Ct))).GetProperty("status").GetString());

        await using var db = factory.NewDbContext();
        var focalPoints = await db.Users.Where(u => u.MemberStateCode == "GT" || u.MemberStateCode == "JM").Select(u => u.Id).ToListAsync(Ct);
        var kinds = await db.Notifications.Where(n => focalPoints.Contains(n.UserId)).Select(n => n.Kind).ToListAsync(Ct);
        Assert.Contains("pair.interest", kinds);
        Assert.Contains("pair.agreed", kinds);
        Assert.Contains("initiative.created", kinds);
        Assert.Contains("initiative.complete", kinds);
        var mail = await db.Outbox.Where(m => m.Subject.StartsWith("CooperaNet")).Select(m => m.Subject).ToListAsync(Ct);
        Assert.Contains("CooperaNet: una nueva iniciativa", mail);
        Assert.Contains("CooperaNet: a new initiative", mail);
    }

    [Fact]
    public async Task Another_states_focal_point_cannot_see_or_answer_a_pair_and_the_secretariat_answers_only_for_a_named_side()
    {
        var peru = await ForAsync(factory, Roles.FocalPoint, "PE", language: "es");
        var canada = await ForAsync(factory, Roles.FocalPoint, "CA", language: "fr");
        var chile = await ForAsync(factory, Roles.FocalPoint, "CL");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        var demand = await PublishAsync(peru, secretariat, "demands", Entry("es", "Vigilancia de la calidad del aire urbano", "Redes de monitoreo de la contaminación del aire en ciudades.", "41020"));
        var offer = await PublishAsync(canada, secretariat, "offers", Entry("fr", "Surveillance de la qualité de l’air urbain", "Réseaux de mesure de la pollution de l’air dans les villes.", "41020"));
        await PairAllAsync();
        var pairId = (await JsonAsync(await peru.GetAsync($"/api/v1/demands/{demand}/matches", Ct))).EnumerateArray()
            .Single(m => m.GetProperty("offer").GetProperty("id").GetGuid() == offer).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await chile.GetAsync($"/api/v1/pairs/{pairId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chile.PostAsJsonAsync($"/api/v1/pairs/{pairId}/interest", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chile.GetAsync($"/api/v1/demands/{demand}/matches", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await peru.PostAsJsonAsync($"/api/v1/pairs/{pairId}/interest", new { side = "offer" }, Ct)).StatusCode);
        using var unnamed = await secretariat.PostAsJsonAsync($"/api/v1/pairs/{pairId}/interest", new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        using var noReason = await canada.PostAsJsonAsync($"/api/v1/pairs/{pairId}/decline", new { reason = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Cette information est obligatoire.", (await JsonAsync(noReason)).GetProperty("errors").GetProperty("reason")[0].GetString());

        using var onBehalf = await secretariat.PostAsJsonAsync($"/api/v1/pairs/{pairId}/decline", new { side = "offer", reason = "Sin capacidad este año." }, Ct);
        Assert.Equal("Declined", (await JsonAsync(onBehalf)).GetProperty("status").GetString());
        await using var db = factory.NewDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "Pair" && a.EntityKey.Contains(pairId.ToString()) && a.Action == "modified" && a.ActorId != null, Ct));
    }

    [Fact]
    public async Task Only_the_secretariat_reads_the_overview()
    {
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        var focal = await ForAsync(factory, Roles.FocalPoint, "UY");

        using var overview = await secretariat.GetAsync("/api/v1/crossing/overview", Ct);
        using var refused = await focal.GetAsync("/api/v1/crossing/overview", Ct);

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.True((await JsonAsync(overview)).TryGetProperty("openSuggestions", out _));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static object Broker() => new { title = "Alerta temprana de inundaciones en Guatemala", type = "project", modality = "bilateral", startsOn = "2027-03-01", endsOn = "2027-12-15" };

    private static object Entry(string language, string title, string summary, string sector) => new
    {
        language,
        title,
        summary,
        description = summary,
        sectors = new[] { sector },
        modality = "technical-assistance",
        workingLanguages = new[] { language },
        institution = "Institución nacional",
        contactName = "Contact",
        contactEmail = "contact@example.org",
        expiresOn = "2030-12-31",
    };

    private static async Task<Guid> PublishAsync(HttpClient author, HttpClient secretariat, string kind, object entry)
    {
        using var created = await author.PostAsJsonAsync($"/api/v1/{kind}", entry, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await author.PostAsync($"/api/v1/{kind}/{id}/submit", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/{kind}/{id}/publish", null, Ct)).StatusCode);
        return id;
    }

    /// <summary>The focal points of <paramref name="state"/> read their mail in <paramref name="language"/>.</summary>
    private async Task PreferAsync(string state, string language)
    {
        await using var db = factory.NewDbContext();
        foreach (var user in await db.Users.Where(u => u.MemberStateCode == state).ToListAsync(Ct))
        {
            user.PreferredLanguage = language;
        }

        await db.SaveChangesAsync(Ct);
    }

    private async Task PairAllAsync()
    {
        var job = factory.Services.GetRequiredService<MatchingJob>();
        while (await job.RunOnceAsync(Ct) > 0)
        {
        }
    }
}
