using CooperaNet.Application.Email;
using CooperaNet.Application.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.FollowUp;

/// <summary>Two app instances on one database, each with its own reminder job.</summary>
public sealed class ReminderScaleOutTests : IAsyncLifetime
{
    private DataHost host = null!;
    private ServiceProvider first = null!;
    private ServiceProvider second = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await DataHost.StartAsync();
        first = host.StartInstance();
        second = host.StartInstance();
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Two_instances_running_at_once_send_each_reminder_exactly_once()
    {
        string[] states = ["CO", "PE", "MX", "BR", "HT", "JM"];
        var people = new List<string>();
        foreach (var state in states)
        {
            people.Add(await first.FocalPointAsync(state, "es"));
            people.Add(await second.FocalPointAsync(state, "pt"));
        }

        await first.RunningCampaignAsync(states);
        var jobs = new[] { first.ReminderJob(), second.ReminderJob() };

        // Each round on its own thread, as two processes would run them: SQLite's calls complete
        // synchronously, so awaiting both on one thread would run them one after the other.
        Task<int[]> BothAsync() => Task.WhenAll(jobs.Select(j => Task.Run(() => j.RunOnceAsync(Ct), Ct)));
        var invitations = await BothAsync();
        host.Clock.Advance(TimeSpan.FromDays(14));
        var reminders = await BothAsync();
        host.Clock.Advance(TimeSpan.FromDays(16));
        var finals = await BothAsync();

        Assert.Equal([people.Count, people.Count, people.Count], new[] { invitations.Sum(), reminders.Sum(), finals.Sum() });
        var outbox = await first.OutboxAsync();
        Assert.Equal(3 * people.Count, outbox.Count);
        Assert.All(outbox.GroupBy(m => m.To), g => Assert.Equal(3, g.Count()));
        var deliveries = await first.DeliveriesAsync();
        Assert.Equal(outbox.Select(m => m.Id).Order(), deliveries.Select(d => d.OutboxMessageId).Order());
    }

    [Fact]
    public async Task A_delivery_another_instance_recorded_first_rolls_back_the_second_e_mail()
    {
        await first.FocalPointAsync("CO", "es");
        var campaign = await first.RunningCampaignAsync("CO");
        Assert.Equal(1, await first.ReminderJob().RunOnceAsync(Ct));
        var sent = Assert.Single(await first.DeliveriesAsync());

        // What the second instance would write had it read the deliveries a moment before the first saved.
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => second.WithDbAsync(db =>
        {
            var message = new EmailOutbox(db, host.Clock).Enqueue("someone@example.org", "Again", "Again");
            db.CampaignDeliveries.Add(new CampaignDelivery
            {
                Id = Guid.NewGuid(),
                CampaignId = campaign.Id,
                StepNumber = sent.StepNumber,
                RecipientId = sent.RecipientId,
                StateCode = "CO",
                Language = "es",
                SentAt = host.Clock.GetUtcNow(),
                OutboxMessageId = message.Id,
            });
            return db.SaveChangesAsync(Ct);
        }));

        Assert.True(UniqueViolations.Caused(error));
        Assert.Single(await second.OutboxAsync());
    }
}
