using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Communications;

public sealed class CommunicationApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_reads_the_seven_key_messages_in_four_languages()
    {
        var anonymous = factory.CreateClient();

        var list = await CatalogApiClient.JsonAsync(await anonymous.GetAsync("/api/v1/communications/audiences", Ct));

        Assert.Equal(["focal-points", "cooperation-authorities", "experts", "partners", "public", "media", "donors"], list.EnumerateArray().Select(a => a.GetProperty("audience").GetString()));
        var donors = list.EnumerateArray().Last().GetProperty("message");
        Assert.All(new[] { "es", "en", "pt", "fr" }, lang => Assert.False(string.IsNullOrWhiteSpace(donors.GetProperty(lang).GetString())));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/communications/plans", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_plans_a_semester_that_a_focal_point_reads_with_errors_in_the_callers_language()
    {
        var secretariat = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;
        var focalPoint = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO", language: "pt");

        using var channel = await secretariat.PostAsJsonAsync("/api/v1/communications/channels", CommunicationData.ChannelJson("zqapi"), Ct);
        Assert.Equal(HttpStatusCode.Created, channel.StatusCode);
        var created = await CatalogApiClient.JsonAsync(channel);
        var channelId = created.GetProperty("id").GetGuid();
        Assert.Equal(("social-media", "@zqapi"), (created.GetProperty("kind").GetString(), created.GetProperty("address").GetString()));

        using var plan = await secretariat.PostAsJsonAsync("/api/v1/communications/plans", new { year = 2032, half = 2 }, Ct);
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        Assert.Equal("/api/v1/communications/plans/2032/2", plan.Headers.Location?.OriginalString);
        using var twice = await secretariat.PostAsJsonAsync("/api/v1/communications/plans", new { year = 2032, half = 2 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        using var item = await secretariat.PostAsJsonAsync("/api/v1/communications/plans/2032/2/items",
            new { audience = "partners", channelId, plannedOn = "2032-09-15", owner = "Secretaría técnica" }, Ct);
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        using var piece = await secretariat.PostAsJsonAsync("/api/v1/communications/plans/2032/2/pieces",
            new { kind = "report", title = "Informe semestral", externalUrl = "https://example.org/informe", audiences = new[] { "donors" }, channelId, plannedOn = "2032-12-01", status = "done", publishedOn = "2032-12-03" }, Ct);
        Assert.Equal(HttpStatusCode.Created, piece.StatusCode);

        var read = await CatalogApiClient.JsonAsync(await focalPoint.GetAsync("/api/v1/communications/plans/2032/2", Ct));
        Assert.Equal(("2032-07-01", "2032-12-31"), (read.GetProperty("start").GetString(), read.GetProperty("end").GetString()));
        var line = Assert.Single(read.GetProperty("items").EnumerateArray());
        Assert.Equal(("partners", "planned"), (line.GetProperty("audience").GetString(), line.GetProperty("status").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("message").ValueKind);
        Assert.Equal("2032-12-03", Assert.Single(read.GetProperty("pieces").EnumerateArray()).GetProperty("publishedOn").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await focalPoint.PostAsJsonAsync("/api/v1/communications/plans", new { year = 2033, half = 1 }, Ct)).StatusCode);

        using var late = await secretariat.PostAsJsonAsync("/api/v1/communications/plans/2032/2/items?lang=es",
            new { audience = "partners", channelId, plannedOn = "2033-01-02", owner = "Secretaría técnica" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var problem = await CatalogApiClient.JsonAsync(late);
        Assert.Contains("dentro del semestre", problem.GetProperty("errors").GetProperty("plannedOn")[0].GetString(), StringComparison.Ordinal);

        await using var db = factory.NewDbContext();
        Assert.Equal(1, await db.CommunicationPlanItems.CountAsync(i => i.ChannelId == channelId, Ct));
    }
}
