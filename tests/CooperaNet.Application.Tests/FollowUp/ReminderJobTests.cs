using CooperaNet.Application.FollowUp;
using CooperaNet.Domain.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Application.Tests.Matching.Pairing;

namespace CooperaNet.Application.Tests.FollowUp;

/// <summary>The campaign reminder job against a real database, time moved by hand.</summary>
public sealed class ReminderJobTests : IAsyncLifetime
{
    private DataHost host = null!;
    private ServiceProvider app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await DataHost.StartAsync();
        app = host.Services;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Each_focal_point_gets_the_invitation_in_their_own_language()
    {
        var colombia = await app.FocalPointAsync("CO", "es");
        var brazil = await app.FocalPointAsync("BR", "pt");
        await app.RunningCampaignAsync("CO", "BR");

        Assert.Equal(2, await app.ReminderJob().RunOnceAsync(Ct));

        var outbox = await app.OutboxAsync();
        var spanish = outbox.Single(m => m.To == colombia);
        var portuguese = outbox.Single(m => m.To == brazil);
        Assert.Contains("Publique la primera oferta de su país.", spanish.TextBody);
        Assert.Equal("[es] FollowUp.Email.Subject.Invitation Campaña 2026", spanish.Subject);
        Assert.Contains("Publique a primeira oferta do seu país.", portuguese.TextBody);
        Assert.Contains("[pt] FollowUp.Email.Greeting", portuguese.TextBody);
        Assert.Contains("<html lang=\"pt\">", portuguese.HtmlBody);
        Assert.DoesNotContain("Publish your country", portuguese.TextBody);
    }

    [Fact]
    public async Task Every_message_carries_an_unsubscribe_link_and_no_image()
    {
        await app.FocalPointAsync("CO", "fr");
        await app.RunningCampaignAsync("CO");

        await app.ReminderJob().RunOnceAsync(Ct);

        var message = Assert.Single(await app.OutboxAsync());
        Assert.Contains($"{CampaignHelpers.BaseUrl}/fr/follow-up/unsubscribe?token=", message.TextBody);
        Assert.Contains("/fr/follow-up/unsubscribe?token=", message.HtmlBody);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_step_goes_once_to_each_person_however_many_rounds_run()
    {
        await app.FocalPointAsync("CO", "es");
        await app.RunningCampaignAsync("CO");
        var job = app.ReminderJob();

        Assert.Equal(1, await job.RunOnceAsync(Ct));
        Assert.Equal(0, await job.RunOnceAsync(Ct));
        host.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await job.RunOnceAsync(Ct));

        Assert.Single(await app.OutboxAsync());
    }

    [Fact]
    public async Task A_reminder_goes_after_its_days_without_a_publication()
    {
        var colombia = await app.FocalPointAsync("CO", "es");
        await app.RunningCampaignAsync("CO");
        var job = app.ReminderJob();
        await job.RunOnceAsync(Ct);

        host.Clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(0, await job.RunOnceAsync(Ct));
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await job.RunOnceAsync(Ct));

        var reminder = (await app.OutboxAsync()).Last();
        Assert.Equal(colombia, reminder.To);
        Assert.StartsWith("[es] FollowUp.Email.Subject.Reminder", reminder.Subject);
        Assert.Equal([1, 2], (await app.DeliveriesAsync()).Select(d => d.StepNumber).Order());
    }

    [Fact]
    public async Task Reminders_stop_once_the_state_publishes()
    {
        await app.FocalPointAsync("CO", "es");
        var peru = await app.FocalPointAsync("PE", "es");
        await app.RunningCampaignAsync("CO", "PE");
        var job = app.ReminderJob();
        Assert.Equal(2, await job.RunOnceAsync(Ct));

        host.Clock.Advance(TimeSpan.FromDays(2));
        await app.PublishAsync(WaterOffer().From("CO"));
        host.Clock.Advance(TimeSpan.FromDays(12));
        Assert.Equal(1, await job.RunOnceAsync(Ct));
        host.Clock.Advance(TimeSpan.FromDays(16));
        Assert.Equal(1, await job.RunOnceAsync(Ct));

        var deliveries = await app.DeliveriesAsync();
        Assert.Equal([("CO", 1), ("PE", 1), ("PE", 2), ("PE", 3)], deliveries.Select(d => (d.StateCode, d.StepNumber)).Order());
        Assert.All((await app.OutboxAsync()).Skip(2), m => Assert.Equal(peru, m.To));
    }

    [Fact]
    public async Task An_address_that_opted_out_gets_nothing_more()
    {
        var colombia = await app.FocalPointAsync("CO", "es");
        var peru = await app.FocalPointAsync("PE", "es");
        await app.RunningCampaignAsync("CO", "PE");
        var keys = new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider();
        var job = app.ReminderJob(keys);
        await job.RunOnceAsync(Ct);

        // The person follows the link in the e-mail; the page records what the token says.
        var message = (await app.OutboxAsync()).Single(m => m.To == colombia);
        var token = Uri.UnescapeDataString(message.TextBody.Split("token=")[1].Split('\n')[0]);
        var address = new UnsubscribeTokens(keys).Read(token);
        Assert.Equal(colombia.ToUpperInvariant(), address);
        await app.WithDbAsync(db =>
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { NormalizedEmail = address!, OptedOutAt = host.Clock.GetUtcNow() });
            return db.SaveChangesAsync(Ct);
        });

        host.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(1, await job.RunOnceAsync(Ct));
        Assert.Equal(peru, (await app.OutboxAsync()).Last().To);
    }

    [Fact]
    public async Task An_unsubscribe_token_changed_by_hand_names_nobody()
    {
        var tokens = new UnsubscribeTokens(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        var token = tokens.For("ana@example.org");

        Assert.Equal("ANA@EXAMPLE.ORG", tokens.Read(token));
        Assert.Null(tokens.Read(token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1]));
        Assert.Null(tokens.Read("not-a-token"));
    }

    [Fact]
    public async Task People_invited_but_not_yet_signed_up_get_the_campaign_until_their_link_expires()
    {
        await app.RunningCampaignAsync("HT");
        await InviteAsync("HT", "fr");
        var job = app.ReminderJob();

        Assert.Equal(1, await job.RunOnceAsync(Ct));
        var message = Assert.Single(await app.OutboxAsync());
        Assert.Contains("[fr] FollowUp.Email.UseInvitation", message.TextBody);
        Assert.Contains("Publiez la première offre de votre pays.", message.TextBody);
        Assert.Equal(RecipientKind.Invitee, Assert.Single(await app.DeliveriesAsync()).RecipientKind);

        host.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(0, await job.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task An_ended_campaign_sends_nothing()
    {
        await app.FocalPointAsync("CO", "es");
        var campaign = await app.RunningCampaignAsync("CO");
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id, Ct);
            Assert.Null(tracked.End(host.Clock.GetUtcNow()));
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(0, await app.ReminderJob().RunOnceAsync(Ct));
        Assert.Empty(await app.OutboxAsync());
    }

    private async Task InviteAsync(string state, string language)
    {
        await using var scope = app.CreateAsyncScope();
        var invitations = ActivatorUtilities.CreateInstance<Invitations>(scope.ServiceProvider, Microsoft.Extensions.Options.Options.Create(new FollowUpOptions()));
        var (_, _, errors) = await invitations.InviteAsync($"invitee-{Guid.NewGuid():N}@example.org", state, language, null);
        Assert.Empty(errors);
        await scope.ServiceProvider.GetRequiredService<Data.CooperaNetDbContext>().SaveChangesAsync(Ct);
    }
}
