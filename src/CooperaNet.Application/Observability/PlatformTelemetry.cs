using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CooperaNet.Application.Observability;

/// <summary>
/// The platform's own telemetry, all named "CooperaNet": the meter whose instruments operators watch
/// (matching rounds, the queues, e-mail sent and failed) and the activity source of the background
/// rounds. The host decides whether, and where, they are exported.
/// </summary>
public sealed class PlatformTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "CooperaNet";

    /// <summary>Spans of the background jobs' rounds (a matching round, an outbox round).</summary>
    public static readonly ActivitySource Activities = new(Name);

    private static readonly double[] RoundBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram<double> matchingRound;

    private readonly Counter<long> emailsSent;

    private readonly Counter<long> emailsFailed;

    public PlatformTelemetry(IMeterFactory meters, WorkQueues queues)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        matchingRound = meter.CreateHistogram(
            "cooperanet.matching.round.duration",
            "s",
            "Time a matching round took to pair the entries it claimed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RoundBuckets });
        emailsSent = meter.CreateCounter<long>("cooperanet.email.sent", "{message}", "E-mails handed to the SMTP relay or the pickup folder.");
        emailsFailed = meter.CreateCounter<long>("cooperanet.email.failed", "{message}", "Attempts to send an e-mail that failed; the message is tried again later.");
        meter.CreateObservableGauge("cooperanet.matching.queue.length", () => Observe(queues, s => (long)s.MatchingRequests), "{request}", "Changed entries waiting to be paired.");
        meter.CreateObservableGauge("cooperanet.matching.queue.oldest_age", () => Observe(queues, s => s.MatchingWait.TotalSeconds), "s", "How long the oldest entry waiting to be paired has waited.");
        meter.CreateObservableGauge("cooperanet.outbox.backlog", () => Observe(queues, s => (long)s.OutboxMessages), "{message}", "E-mails in the outbox not sent yet.");
        meter.CreateObservableGauge("cooperanet.outbox.oldest_age", () => Observe(queues, s => s.OutboxWait.TotalSeconds), "s", "How long the oldest unsent e-mail has waited.");
    }

    public void MatchingRoundTook(TimeSpan elapsed) => matchingRound.Record(elapsed.TotalSeconds);

    public void EmailSent() => emailsSent.Add(1);

    public void EmailFailed() => emailsFailed.Add(1);

    private static IEnumerable<Measurement<T>> Observe<T>(WorkQueues queues, Func<WorkQueueSnapshot, T> value)
        where T : struct =>
        queues.TryRead() is { } snapshot ? [new Measurement<T>(value(snapshot))] : [];
}
