using System.Net;
using System.Text.Json;
using CooperaNet.Application.Email;
using CooperaNet.Application.Matching;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Observability;

/// <summary>/health/ready for the load balancer and the operators: the database and the job queue, one entry each.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class ReadinessTests(ObservabilityFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Ready_lists_each_check_and_is_healthy_when_the_database_answers_and_the_queues_keep_up()
    {
        var (status, body) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = Checks(body);
        Assert.Equal("Healthy", checks["database"].GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["reference-data"].GetProperty("status").GetString());
        var queue = checks["job-queue"];
        Assert.Equal("Healthy", queue.GetProperty("status").GetString());
        Assert.Equal(0, queue.GetProperty("data").GetProperty("outboxBacklog").GetInt32());
        Assert.Equal(0, queue.GetProperty("data").GetProperty("matchingQueue").GetInt32());
    }

    [Fact]
    public async Task An_email_waiting_longer_than_allowed_makes_ready_degraded_but_still_200()
    {
        var now = factory.Now;
        var id = Guid.NewGuid();
        await using (var db = factory.NewDbContext())
        {
            // Failed an hour ago and waiting for its next try: the relay is down.
            db.Outbox.Add(new OutboxMessage
            {
                Id = id,
                CreatedAt = now.AddMinutes(-40),
                To = "someone@example.org",
                Subject = "Waiting",
                TextBody = "Body",
                Attempts = 3,
                LockedUntil = now.AddHours(1),
            });
            await db.SaveChangesAsync(Ct);
        }

        try
        {
            var (status, body) = await ReadyAsync();

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            var queue = Checks(body)["job-queue"];
            Assert.Equal("Degraded", queue.GetProperty("status").GetString());
            Assert.Contains("unsent e-mail has waited 40 min (limit 15 min)", queue.GetProperty("description").GetString());
            Assert.Equal(1, queue.GetProperty("data").GetProperty("outboxBacklog").GetInt32());
            Assert.InRange(queue.GetProperty("data").GetProperty("outboxOldestSeconds").GetInt64(), 40 * 60, 41 * 60);
            Assert.Equal("Healthy", Checks(body)["database"].GetProperty("status").GetString());
            Assert.DoesNotContain("someone@example.org", body.GetRawText());
        }
        finally
        {
            await using var db = factory.NewDbContext();
            await db.Outbox.Where(m => m.Id == id).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task An_email_given_up_after_its_last_attempt_no_longer_counts_as_waiting()
    {
        var id = Guid.NewGuid();
        await using (var db = factory.NewDbContext())
        {
            db.Outbox.Add(new OutboxMessage { Id = id, CreatedAt = factory.Now.AddDays(-2), To = "someone@example.org", Subject = "Lost", TextBody = "Body", Attempts = OutboxDispatcher.MaxAttempts });
            await db.SaveChangesAsync(Ct);
        }

        try
        {
            var (status, body) = await ReadyAsync();

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", Checks(body)["job-queue"].GetProperty("status").GetString());
            Assert.Equal(0, Checks(body)["job-queue"].GetProperty("data").GetProperty("outboxBacklog").GetInt32());
        }
        finally
        {
            await using var db = factory.NewDbContext();
            await db.Outbox.Where(m => m.Id == id).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task A_matching_request_waiting_longer_than_allowed_makes_ready_degraded()
    {
        var now = factory.Now;
        var request = new MatchingRequest { EntryId = Guid.NewGuid(), RequestedAt = now.AddMinutes(-12), LeasedBy = Guid.NewGuid(), LeasedUntil = now.AddMinutes(2) };
        await using (var db = factory.NewDbContext())
        {
            // Held by an instance that stopped answering; another takes it when the lease ends.
            db.MatchingRequests.Add(request);
            await db.SaveChangesAsync(Ct);
        }

        try
        {
            var (status, body) = await ReadyAsync();

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            var queue = Checks(body)["job-queue"];
            Assert.Contains("matching request has waited 12 min (limit 5 min)", queue.GetProperty("description").GetString());
            Assert.Equal(1, queue.GetProperty("data").GetProperty("matchingQueue").GetInt32());
        }
        finally
        {
            await using var db = factory.NewDbContext();
            await db.MatchingRequests.Where(r => r.Id == request.Id).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task An_unreachable_database_makes_ready_unhealthy_with_503_and_the_failure_stays_out_of_the_answer()
    {
        factory.Outage.Down = true;
        (HttpStatusCode Status, JsonElement Body) answer;
        try
        {
            answer = await ReadyAsync();
        }
        finally
        {
            factory.Outage.Down = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("Unhealthy", answer.Body.GetProperty("status").GetString());
        var database = Checks(answer.Body)["database"];
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Equal("The check failed (InvalidOperationException).", database.GetProperty("description").GetString());
        Assert.DoesNotContain("db.internal", answer.Body.GetRawText());
        Assert.DoesNotContain("Password", answer.Body.GetRawText());

        var (status, body) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", Checks(body)["database"].GetProperty("status").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await client.GetAsync("/health/ready", Ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static Dictionary<string, JsonElement> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
}
