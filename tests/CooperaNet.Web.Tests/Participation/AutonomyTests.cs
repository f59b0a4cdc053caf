using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Crossing;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Participation;

/// <summary>
/// A state's detail for the secretariat, computed from what was done through the API (so the audit
/// trail names each actor): who created and who submitted each of Uruguay's entries.
/// </summary>
public sealed class AutonomyTests(ParticipationHost factory) : IClassFixture<ParticipationHost>
{
    [Fact]
    public async Task Autonomy_counts_entries_created_and_submitted_by_the_states_own_focal_point()
    {
        using var focalPoint = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "UY");
        using var secretariat = await CatalogApiClient.ForAsync(factory, Roles.Secretariat);

        // Uruguay's focal point writes and submits; the secretariat publishes (its moderation).
        var own = await CreateAsync(focalPoint, state: null);
        await MoveAsync(focalPoint, own, "submit");
        await MoveAsync(secretariat, own, "publish");

        // The secretariat writes for Uruguay, submits and publishes.
        var onBehalf = await CreateAsync(secretariat, state: "UY");
        await MoveAsync(secretariat, onBehalf, "submit");
        await MoveAsync(secretariat, onBehalf, "publish");

        // The focal point writes, but the secretariat submits it.
        var helped = await CreateAsync(focalPoint, state: null);
        await MoveAsync(secretariat, helped, "submit");
        await MoveAsync(secretariat, helped, "publish");

        // A draft of the focal point's is not published and does not count.
        await CreateAsync(focalPoint, state: null);

        var report = await ReportAsync(secretariat, "UY");

        Assert.Equal(3, report.GetProperty("publishedEntries").GetInt32());
        Assert.Equal(1, report.GetProperty("publishedByOwnFocalPoints").GetInt32());
        Assert.Equal(1.0 / 3, report.GetProperty("autonomy").GetDouble(), 6);
        Assert.Equal(3, report.GetProperty("entries").GetProperty("published").GetInt32());
        Assert.Equal(1, report.GetProperty("entries").GetProperty("draft").GetInt32());
        var month = report.GetProperty("months").EnumerateArray().Last();
        Assert.Equal(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), month.GetProperty("month").GetString());
        Assert.Equal(3, month.GetProperty("published").GetInt32());
        Assert.Equal(1, month.GetProperty("byOwnFocalPoints").GetInt32());
        var focal = Assert.Single(report.GetProperty("focalPoints").EnumerateArray());
        Assert.StartsWith("focal-point-UY-", focal.GetProperty("email").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_answered_and_median_response_come_from_the_states_side_of_its_pairs()
    {
        var offer = await AnEntry().Offer().From("PY").Published().SaveAsync(factory);
        var demands = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            demands.Add((await AnEntry().Demand().From("BO").Published().SaveAsync(factory)).Id);
        }

        var proposed = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CooperaNetDbContext>();
            var pairs = demands.Select(d => Pair.Propose(Guid.NewGuid(), offer.Id, "PY", d, "BO", 0.8, "[]", proposed)).ToList();
            Assert.Null(pairs[0].ExpressInterest(PairSide.Offer, proposed.AddDays(2)));
            Assert.Null(pairs[1].ExpressInterest(PairSide.Demand, proposed.AddDays(1)));
            Assert.Null(pairs[1].Decline(PairSide.Offer, "Sin capacidad este año", proposed.AddDays(5)));
            db.Pairs.AddRange(pairs);
            return await db.SaveChangesAsync();
        });
        using var secretariat = await CatalogApiClient.ForAsync(factory, Roles.Secretariat);

        var paraguay = await ReportAsync(secretariat, "PY");
        var bolivia = await ReportAsync(secretariat, "BO");

        Assert.Equal((3, 2, 3.5), Matches(paraguay));
        Assert.Equal((3, 1, 1.0), Matches(bolivia));
    }

    [Fact]
    public async Task Focal_points_last_sign_in_is_recorded_when_they_sign_in()
    {
        var email = $"focal-{Guid.NewGuid():N}@example.org";
        await factory.CreateUserAsync(email, Roles.FocalPoint, "EC");
        using var secretariat = await CatalogApiClient.ForAsync(factory, Roles.Secretariat);
        var before = Assert.Single((await ReportAsync(secretariat, "EC")).GetProperty("focalPoints").EnumerateArray());

        using var signIn = await AccountClient.For(factory).SignInAsync(email);

        var after = Assert.Single((await ReportAsync(secretariat, "EC")).GetProperty("focalPoints").EnumerateArray());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("lastSignInAt").ValueKind);
        Assert.Equal(JsonValueKind.String, after.GetProperty("lastSignInAt").ValueKind);
    }

    [Fact]
    public async Task Unknown_state_is_a_localized_not_found_problem()
    {
        using var secretariat = await CatalogApiClient.ForAsync(factory, Roles.Secretariat, language: "es");

        using var response = await secretariat.GetAsync("/api/v1/participation/states/ES", TestContext.Current.CancellationToken);
        var problem = await CatalogApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    private static (int Proposed, int Answered, double Median) Matches(JsonElement report) =>
        (report.GetProperty("matchesProposed").GetInt32(), report.GetProperty("matchesAnswered").GetInt32(), report.GetProperty("medianResponseDays").GetDouble());

    private static async Task<Guid> CreateAsync(HttpClient client, string? state)
    {
        var body = JsonSerializer.SerializeToElement(CatalogApiClient.AnOffer());
        var fields = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        if (state is not null)
        {
            fields["state"] = state;
        }

        using var response = await client.PostAsJsonAsync("/api/v1/offers", fields, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await CatalogApiClient.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task MoveAsync(HttpClient client, Guid id, string action)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/offers/{id}/{action}", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, string code)
    {
        using var response = await client.GetAsync($"/api/v1/participation/states/{code}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CatalogApiClient.JsonAsync(response);
    }
}
