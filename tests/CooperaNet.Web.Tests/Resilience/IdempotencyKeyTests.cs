using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Idempotency;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Resilience;

/// <summary>API writes with an Idempotency-Key header: applied once, replayed to retries.</summary>
public sealed class IdempotencyKeyTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_create_retried_with_its_key_makes_one_row_and_answers_the_same_body_a_different_body_gets_422()
    {
        var client = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");
        var key = Guid.NewGuid().ToString();
        var before = await CountEntriesAsync();

        using var first = await PostAsync(client, key, CatalogApiClient.AnOffer());
        using var retry = await PostAsync(client, key, CatalogApiClient.AnOffer());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before + 1, await CountEntriesAsync());

        using var different = await PostAsync(client, key, CatalogApiClient.AnOffer(title: "Otra oferta distinta de cooperación técnica"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal("application/problem+json", different.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before + 1, await CountEntriesAsync());

        // Keys are the user's own: another user's same key is a new request.
        var other = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");
        using var another = await PostAsync(other, key, CatalogApiClient.AnOffer());
        Assert.Equal(HttpStatusCode.Created, another.StatusCode);
        Assert.False(another.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 2, await CountEntriesAsync());
    }

    [Fact]
    public async Task A_retry_while_the_first_runs_gets_409_and_a_claim_left_by_a_dead_instance_is_taken_over()
    {
        var client = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO", language: "fr");
        var key = Guid.NewGuid().ToString();
        var owner = await OwnerOfLastTokenAsync();
        var now = TimeProvider.System.GetUtcNow();
        await using (var db = factory.NewDbContext())
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord { Owner = owner, Key = key, RequestHash = "running", CreatedAt = now, ExpiresAt = now + IdempotencyStore.Lifetime });
            await db.SaveChangesAsync(Ct);
        }

        var before = await CountEntriesAsync();
        using var running = await PostAsync(client, key, CatalogApiClient.AnOffer());
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.NotNull(running.Headers.RetryAfter);
        Assert.Contains("en cours", await running.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await CountEntriesAsync());

        // The first request died with its instance: after IdempotencyStore.Abandoned a retry runs the write.
        await using (var db = factory.NewDbContext())
        {
            var old = now - IdempotencyStore.Abandoned - TimeSpan.FromSeconds(1);
            await db.IdempotencyRecords.Where(r => r.Owner == owner && r.Key == key).ExecuteDeleteAsync(Ct);
            db.IdempotencyRecords.Add(new IdempotencyRecord { Owner = owner, Key = key, RequestHash = "running", CreatedAt = old, ExpiresAt = old + IdempotencyStore.Lifetime });
            await db.SaveChangesAsync(Ct);
        }

        using var taken = await PostAsync(client, key, CatalogApiClient.AnOffer());
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(before + 1, await CountEntriesAsync());
    }

    [Fact]
    public async Task A_write_saved_by_an_instance_that_stopped_before_storing_its_response_is_not_applied_again()
    {
        var client = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO", language: "pt");
        var key = Guid.NewGuid().ToString();
        var before = await CountEntriesAsync();

        using (var first = await PostAsync(client, key, CatalogApiClient.AnOffer()))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        // The change and the mark were committed together.
        var owner = await OwnerOfLastTokenAsync();
        await using (var db = factory.NewDbContext())
        {
            var record = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Owner == owner && r.Key == key, Ct);
            Assert.NotNull(record.AppliedAt);
            Assert.Equal(201, record.StatusCode);

            // What an instance killed between the commit and storing the response leaves: the claim and the change.
            await db.IdempotencyRecords.Where(r => r.Owner == owner && r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, (int?)null).SetProperty(r => r.Headers, (string?)null).SetProperty(r => r.Body, (byte[]?)null), Ct);
        }

        // Soon after, the first request may still be running somewhere: retry later.
        using (var soon = await PostAsync(client, key, CatalogApiClient.AnOffer()))
        {
            Assert.Equal(HttpStatusCode.Conflict, soon.StatusCode);
            Assert.Contains("ainda está sendo processada", await soon.Content.ReadAsStringAsync(Ct));
        }

        await using (var db = factory.NewDbContext())
        {
            var old = TimeProvider.System.GetUtcNow() - IdempotencyStore.Abandoned - TimeSpan.FromSeconds(1);
            await db.IdempotencyRecords.Where(r => r.Owner == owner && r.Key == key).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, old), Ct);
        }

        // Past the time a running request could take, the claim is not taken over as a dead one: it was applied.
        using var late = await PostAsync(client, key, CatalogApiClient.AnOffer());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
        Assert.Contains("já foi aplicada", await late.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before + 1, await CountEntriesAsync());

        // A different request with that key is still told the key is taken.
        using var different = await PostAsync(client, key, CatalogApiClient.AnOffer(title: "Outra oferta diferente de cooperação técnica"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal(before + 1, await CountEntriesAsync());
    }

    [Fact]
    public async Task A_refused_write_saves_nothing_so_its_key_is_not_marked_applied()
    {
        var client = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");
        var key = Guid.NewGuid().ToString();

        using var invalid = await PostAsync(client, key, new { title = "" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var owner = await OwnerOfLastTokenAsync();
        await using var db = factory.NewDbContext();
        var record = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Owner == owner && r.Key == key, Ct);
        Assert.Null(record.AppliedAt);
        Assert.Equal(400, record.StatusCode);
    }

    [Fact]
    public async Task Refused_writes_are_replayed_too_and_expired_keys_are_deleted()
    {
        var client = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");
        var key = Guid.NewGuid().ToString();

        using var invalid = await PostAsync(client, key, new { title = "" });
        using var again = await PostAsync(client, key, new { title = "" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));

        var owner = await OwnerOfLastTokenAsync();
        await using (var db = factory.NewDbContext())
        {
            await db.IdempotencyRecords.Where(r => r.Owner == owner && r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, TimeProvider.System.GetUtcNow().AddMinutes(-1)), Ct);
        }

        var deleted = await factory.WithScopeAsync(sp => sp.GetRequiredService<IdempotencyStore>().DeleteExpiredAsync(Ct));

        Assert.True(deleted >= 1);
        await using var check = factory.NewDbContext();
        Assert.False(await check.IdempotencyRecords.AnyAsync(r => r.Owner == owner && r.Key == key, Ct));
    }

    [Fact]
    public async Task A_key_that_is_not_one_printable_token_is_refused_and_reads_ignore_keys()
    {
        var client = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");

        using var tooLong = await PostAsync(client, new string('k', 201), CatalogApiClient.AnOffer());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/offers");
        read.Headers.Add("Idempotency-Key", "same-key-for-reads");
        using var first = await client.SendAsync(read, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.IdempotencyRecords.AnyAsync(r => r.Key == "same-key-for-reads", Ct));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/offers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    private async Task<int> CountEntriesAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Entries.CountAsync(Ct);
    }

    private async Task<string> OwnerOfLastTokenAsync()
    {
        await using var db = factory.NewDbContext();
        return (await db.ApiTokens.OrderByDescending(t => t.CreatedAt).Select(t => t.UserId).FirstAsync(Ct)).ToString();
    }
}
