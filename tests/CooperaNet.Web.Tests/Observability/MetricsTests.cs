using System.Diagnostics.Metrics;
using CooperaNet.Application.Email;
using CooperaNet.Application.Matching;
using CooperaNet.Application.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Observability;

/// <summary>The "CooperaNet" meter, read the way a collector reads it: the gauges on demand, the histogram and counters as they record.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class MetricsTests(ObservabilityFactory factory) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly MeterListener listener = new();

    private readonly List<(string Instrument, double Value)> measurements = [];

    private readonly Lock measuring = new();

    [Fact]
    public async Task The_gauges_report_the_matching_queue_and_the_outbox_backlog()
    {
        Listen();
        var before = Observe();
        var entry = await AnEntry().Offer().Published().SaveAsync(factory);
        var ids = await QueueEmailsAsync(2, waitingSince: factory.Now.AddMinutes(-3));
        try
        {
            var after = Observe();

            Assert.Equal(before["cooperanet.matching.queue.length"] + 1, after["cooperanet.matching.queue.length"]);
            Assert.InRange(after["cooperanet.matching.queue.oldest_age"], 0, 60);
            Assert.Equal(before["cooperanet.outbox.backlog"] + 2, after["cooperanet.outbox.backlog"]);
            Assert.InRange(after["cooperanet.outbox.oldest_age"], 180, 240);
        }
        finally
        {
            await using var db = factory.NewDbContext();
            await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(Ct);
            await db.MatchingRequests.Where(r => r.EntryId == entry.Id).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task A_matching_round_reports_its_time_and_empties_the_queue_gauge()
    {
        Listen();
        await AnEntry().Offer().Published().SaveAsync(factory);
        await AnEntry().Demand().From("PE").Published().SaveAsync(factory);
        Assert.True(Observe()["cooperanet.matching.queue.length"] >= 2);

        Assert.True(await factory.Services.GetRequiredService<MatchingJob>().RunOnceAsync(Ct) >= 2);

        var round = Assert.Single(Recorded("cooperanet.matching.round.duration"));
        Assert.InRange(round, 0.000_001, 60);
        Assert.Equal(0, Observe()["cooperanet.matching.queue.length"]);
    }

    [Fact]
    public async Task Sending_an_email_counts_it_as_sent()
    {
        Listen();
        var ids = await QueueEmailsAsync(1, waitingSince: null);
        try
        {
            var sent = await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);

            Assert.True(sent >= 1);
            Assert.Equal(sent, Recorded("cooperanet.email.sent").Sum());
            Assert.Empty(Recorded("cooperanet.email.failed"));
        }
        finally
        {
            await using var db = factory.NewDbContext();
            await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task A_delivery_that_fails_counts_it_as_failed()
    {
        Listen();
        // A file where the pickup folder should be: writing the message fails, as a full or read-only disk would make it.
        var folder = Path.Combine(factory.Database.Folder, "mail");
        var away = folder + ".away";
        if (Directory.Exists(folder))
        {
            Directory.Move(folder, away);
        }

        await File.WriteAllTextAsync(folder, "not a folder", Ct);
        var ids = await QueueEmailsAsync(1, waitingSince: null);
        try
        {
            Assert.Equal(0, await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct));

            Assert.True(Recorded("cooperanet.email.failed").Sum() >= 1);
            Assert.Empty(Recorded("cooperanet.email.sent"));
            await using var db = factory.NewDbContext();
            Assert.Equal(1, await db.Outbox.Where(m => ids.Contains(m.Id)).Select(m => m.Attempts).SingleAsync(Ct));
        }
        finally
        {
            File.Delete(folder);
            if (Directory.Exists(away))
            {
                Directory.Move(away, folder);
            }

            await using var db = factory.NewDbContext();
            await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(Ct);
        }
    }

    public void Dispose() => listener.Dispose();

    /// <summary>Listens to this application's "CooperaNet" meter only, not to other test hosts' in the same process.</summary>
    private void Listen()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        factory.Services.GetRequiredService<PlatformTelemetry>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PlatformTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument.Name, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument.Name, value));
        listener.Start();
    }

    /// <summary>Asks the gauges for their values now, as a collector's scrape does.</summary>
    private Dictionary<string, double> Observe()
    {
        lock (measuring)
        {
            measurements.Clear();
        }

        listener.RecordObservableInstruments();
        lock (measuring)
        {
            return measurements.Where(m => m.Instrument is "cooperanet.matching.queue.length" or "cooperanet.matching.queue.oldest_age" or "cooperanet.outbox.backlog" or "cooperanet.outbox.oldest_age")
                .ToDictionary(m => m.Instrument, m => m.Value);
        }
    }

    private List<double> Recorded(string instrument)
    {
        lock (measuring)
        {
            return [.. measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];
        }
    }

    private void Record(string instrument, double value)
    {
        lock (measuring)
        {
            measurements.Add((instrument, value));
        }
    }

    private async Task<List<Guid>> QueueEmailsAsync(int count, DateTimeOffset? waitingSince)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Data.CooperaNetDbContext>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var message = new OutboxMessage
            {
                Id = Guid.NewGuid(),
                CreatedAt = waitingSince ?? factory.Now,
                To = $"person{i}@example.org",
                Subject = "Metrics",
                TextBody = "Body",
                // A message waiting for its next try is left alone by the dispatcher.
                LockedUntil = waitingSince is null ? null : factory.Now.AddHours(1),
            };
            db.Outbox.Add(message);
            ids.Add(message.Id);
        }

        await db.SaveChangesAsync(Ct);
        return ids;
    }
}
