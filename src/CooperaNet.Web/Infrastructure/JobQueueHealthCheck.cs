using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CooperaNet.Application.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Infrastructure;

/// <summary>When the readiness check calls the background work late. Section "CooperaNet:Health".</summary>
public sealed class HealthOptions
{
    public const string Section = "CooperaNet:Health";

    /// <summary>A changed entry waiting longer than this to be paired makes the instance degraded (rounds run every few seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MatchingQueueMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An e-mail waiting longer than this to leave makes the instance degraded (the relay is down or refuses it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OutboxMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Each check's own time limit: a check that has not answered by then is unhealthy with "timeout" (a hung database does not hang the probe).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>
/// The background work keeps up: degraded (still ready, HTTP 200) when the oldest matching request
/// or unsent e-mail has waited longer than allowed; unhealthy only through the database check.
/// </summary>
public sealed class JobQueueHealthCheck(WorkQueues queues, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "job-queue";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await queues.ReadAsync(cancellationToken);
        var limits = options.Value;
        var data = new Dictionary<string, object>
        {
            ["matchingQueue"] = snapshot.MatchingRequests,
            ["matchingOldestSeconds"] = (long)snapshot.MatchingWait.TotalSeconds,
            ["outboxBacklog"] = snapshot.OutboxMessages,
            ["outboxOldestSeconds"] = (long)snapshot.OutboxWait.TotalSeconds,
        };
        var late = new List<string>();
        if (snapshot.MatchingWait > limits.MatchingQueueMaxAge)
        {
            late.Add(string.Create(CultureInfo.InvariantCulture, $"the oldest matching request has waited {Minutes(snapshot.MatchingWait)} (limit {Minutes(limits.MatchingQueueMaxAge)})"));
        }

        if (snapshot.OutboxWait > limits.OutboxMaxAge)
        {
            late.Add(string.Create(CultureInfo.InvariantCulture, $"the oldest unsent e-mail has waited {Minutes(snapshot.OutboxWait)} (limit {Minutes(limits.OutboxMaxAge)})"));
        }

        return late.Count == 0
            ? HealthCheckResult.Healthy("The background jobs keep up.", data)
            : HealthCheckResult.Degraded(string.Join("; ", late) + ".", data: data);
    }

    /// <summary>Whole minutes (whole seconds under a minute): enough to act on, and stable from one probe to the next.</summary>
    private static string Minutes(TimeSpan span) => span < TimeSpan.FromMinutes(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min");
}
