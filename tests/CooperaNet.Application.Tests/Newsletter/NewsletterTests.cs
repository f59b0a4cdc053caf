using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Application.Newsletter;
using CooperaNet.Domain.Communications;
using CooperaNet.Domain.Events;
using CooperaNet.Domain.Experiences;
using CooperaNet.Domain.Experts;
using CooperaNet.Domain.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CooperaNet.Application.Tests.Matching.EntryBuilder;

namespace CooperaNet.Application.Tests.Newsletter;

/// <summary>The newsletter over a real database: double opt-in, composition, and the rate-limited sender.</summary>
public sealed class NewsletterTests
{
    private const string Base = "https://cooperanet.example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_confirmation_token_works_once_before_it_expires_and_only_its_hash_is_kept()
    {
        var now = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        var (subscription, token) = NewsletterSubscription.Start(" Ana@Example.ORG ", Audience.Experts, "es", now, TimeSpan.FromHours(48));

        Assert.Equal("ana@example.org", subscription.Email);
        Assert.Equal(NewsletterSubscription.HashOf(token), subscription.ConfirmationHash);
        Assert.DoesNotContain(token[(token.IndexOf('.', StringComparison.Ordinal) + 1)..], subscription.ConfirmationHash, StringComparison.Ordinal);
        Assert.Equal(subscription.Id, NewsletterSubscription.IdOf(token));
        Assert.False(subscription.Confirm(token + "0", now));
        Assert.True(subscription.Confirm(token, now.AddHours(47)));
        Assert.Equal(SubscriptionStatus.Confirmed, subscription.Status);
        Assert.Null(subscription.ConfirmationHash);
        Assert.False(subscription.Confirm(token, now.AddHours(47)));

        var (late, lateToken) = NewsletterSubscription.Start("luis@example.org", Audience.Media, "en", now, TimeSpan.FromHours(48));
        Assert.False(late.Confirm(lateToken, now.AddHours(48)));
        Assert.Equal(SubscriptionStatus.Pending, late.Status);
    }

    [Fact]
    public void A_draft_is_deleted_and_restored_but_a_sent_issue_stays_and_a_deleted_draft_is_not_sent()
    {
        var now = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        var draft = new NewsletterIssue { Id = Guid.NewGuid(), Language = "es", Title = "Marzo", CreatedAt = now };
        draft.Items.Add(new NewsletterItem { Id = Guid.NewGuid(), Title = "Taller", Path = "/events/x" });

        Assert.Null(draft.Delete(now));
        Assert.Equal(NewsletterError.IllegalTransition, draft.StartSending(now, Base, 3));
        Assert.Equal(NewsletterError.IllegalTransition, draft.Delete(now));
        Assert.Null(draft.Restore(now));
        Assert.Equal(NewsletterError.NotDeleted, draft.Restore(now));
        Assert.Null(draft.StartSending(now, Base, 3));
        Assert.Equal(NewsletterError.IllegalTransition, draft.Delete(now));
        Assert.Equal(IssueStatus.Sending, draft.Status);
    }

    [Fact]
    public async Task Subscribing_again_gives_the_same_answer_and_sends_a_letter_only_while_unconfirmed()
    {
        await using var host = await DataHost.StartAsync();
        var first = await SubscribeAsync(host, "Marta@Example.org");
        Assert.Empty(first);
        var letters = await LettersToAsync(host, "marta@example.org");
        var token = TokenIn(Assert.Single(letters).TextBody);

        // Pending: asking again sends a new link, and the first one stops working.
        Assert.Empty(await SubscribeAsync(host, "marta@example.org"));
        letters = await LettersToAsync(host, "marta@example.org");
        Assert.Equal(2, letters.Count);
        var second = letters.Select(l => TokenIn(l.TextBody)).Single(t => t != token);
        Assert.False(await host.InScopeAsync(sp => Subscriptions(sp, host).ConfirmAsync(token, Ct)));
        Assert.True(await host.InScopeAsync(sp => Subscriptions(sp, host).ConfirmAsync(second, Ct)));
        Assert.False(await host.InScopeAsync(sp => Subscriptions(sp, host).ConfirmAsync(second, Ct)));

        // Confirmed: the same answer, no letter, nothing changed.
        Assert.Empty(await SubscribeAsync(host, "MARTA@example.org "));
        Assert.Equal(2, (await LettersToAsync(host, "marta@example.org")).Count);
        var stored = await host.WithDbAsync(db => db.NewsletterSubscriptions.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(SubscriptionStatus.Confirmed, stored.Status);
        Assert.DoesNotContain(await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.After ?? string.Empty).ToListAsync(Ct)), a => a.Contains(second, StringComparison.Ordinal));

        Assert.Equal(["email"], (await SubscribeAsync(host, "not an address")).Select(e => e.Field));
    }

    [Fact]
    public async Task Pending_subscriptions_are_forgotten_once_their_link_expires()
    {
        await using var host = await DataHost.StartAsync();
        await SubscribeAsync(host, "late@example.org");
        var sender = Sender(host, host.Services);

        host.Clock.Advance(TimeSpan.FromHours(47));
        await sender.RunOnceAsync(Ct);
        Assert.Equal(1, await host.WithDbAsync(db => db.NewsletterSubscriptions.CountAsync(Ct)));

        host.Clock.Advance(TimeSpan.FromHours(2));
        await sender.RunOnceAsync(Ct);
        Assert.Equal(0, await host.WithDbAsync(db => db.NewsletterSubscriptions.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_new_issue_carries_what_was_published_since_the_previous_one_and_is_still_current()
    {
        await using var host = await DataHost.StartAsync();
        var now = host.Clock.GetUtcNow();
        var ids = await host.WithDbAsync(async db =>
        {
            var oldExperience = AnExperience("Old story", now.AddDays(-60));
            var newExperience = AnExperience("Water boards in Cauca", now.AddDays(-3));
            var draftExperience = AnExperience("Unpublished", null);
            var upcoming = AnEvent("Rural water seminar", now.AddDays(-2), starts: now.AddDays(20));
            var past = AnEvent("Finished panel", now.AddDays(-2), starts: now.AddDays(-1));
            var offer = AnOffer().From("CO").About("Training in irrigation", "Courses for technicians.").Build(now.AddDays(-5));
            var demand = ADemand().From("AR").About("Need for irrigation", "Looking for help.").Build(now.AddDays(-5));
            var open = ACall("Experts in water governance", now.AddDays(-4), deadline: now.AddDays(10));
            var closed = ACall("Closed call", now.AddDays(-4), deadline: now.AddDays(1));
            db.Experiences.AddRange(oldExperience, newExperience, draftExperience);
            db.Events.AddRange(upcoming, past);
            db.Entries.AddRange(offer, demand);
            db.ExpertCalls.AddRange(open, closed);
            await db.SaveChangesAsync(Ct);
            return new { newExperience = newExperience.Id, upcoming = upcoming.Id, offer = offer.Id, open = open.Id, closed = closed.Id };
        });
        host.Clock.Advance(TimeSpan.FromDays(2));

        var outcome = await host.InScopeAsync(sp => Issues(sp, host).ComposeAsync("en", null, Ct));

        var issue = Assert.IsType<NewsletterIssue>(outcome.Issue);
        Assert.Equal(
            [(IssueItemKind.Experience, ids.newExperience), (IssueItemKind.Event, ids.upcoming), (IssueItemKind.Offer, ids.offer), (IssueItemKind.ExpertCall, ids.open)],
            issue.Items.OrderBy(i => i.Position).Select(i => (i.Kind, i.SourceId)));
        Assert.Equal($"/events/{ids.upcoming}", issue.Items.Single(i => i.Kind == IssueItemKind.Event).Path);

        // Once this issue is sent, the next one starts after it: nothing new, nothing carried again.
        await host.InScopeAsync(sp => Issues(sp, host).SendAsync(issue.Id, Base, Ct));
        host.Clock.Advance(TimeSpan.FromDays(1));
        var next = await host.InScopeAsync(sp => Issues(sp, host).ComposeAsync("en", AudienceNames.Key(Audience.Experts), Ct));
        Assert.Empty(next.Issue!.Items);
        Assert.Equal(Audience.Experts, next.Issue.Audience);

        // Editing removes items and refuses content that is not on offer.
        var edited = await host.InScopeAsync(sp => Issues(sp, host).UpdateAsync(next.Issue.Id, "March", "Hello.", [$"event:{ids.upcoming}"], Ct));
        Assert.Equal(["items"], edited.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task The_sender_keeps_to_the_rate_and_resumes_where_it_stopped()
    {
        await using var host = await DataHost.StartAsync();
        var issue = await IssueToAsync(host, subscribers: 5, unconfirmed: 2);
        var sender = Sender(host, host.Services, perMinute: 2);

        Assert.Equal(2, await sender.RunOnceAsync(Ct));
        Assert.Equal(0, await sender.RunOnceAsync(Ct));
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        // A new instance (a restart) carries on from the deliveries left.
        var restarted = Sender(host, host.Services, perMinute: 2);
        Assert.Equal(2, await restarted.RunOnceAsync(Ct));
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await restarted.RunOnceAsync(Ct));

        var sent = await host.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject.StartsWith("Issue")).ToListAsync(Ct));
        Assert.Equal(5, sent.Select(m => m.To).Distinct().Count());
        Assert.All(sent, m => Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\n", m.Headers, StringComparison.Ordinal));
        Assert.Equal(IssueStatus.Sent, (await host.WithDbAsync(db => db.NewsletterIssues.AsNoTracking().SingleAsync(i => i.Id == issue, Ct))).Status);
    }

    [Fact]
    public async Task Two_senders_racing_send_each_subscriber_the_issue_exactly_once()
    {
        await using var host = await DataHost.StartAsync();
        await IssueToAsync(host, subscribers: 30, unconfirmed: 0);
        var one = Sender(host, host.Services, perMinute: 1000);
        var other = Sender(host, host.StartInstance(), perMinute: 1000);

        var counts = await Task.WhenAll(one.RunOnceAsync(Ct), other.RunOnceAsync(Ct), one.RunOnceAsync(Ct), other.RunOnceAsync(Ct));

        Assert.Equal(30, counts.Sum());
        var sent = await host.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject.StartsWith("Issue")).Select(m => m.To).ToListAsync(Ct));
        Assert.Equal(30, sent.Count);
        Assert.Equal(30, sent.Distinct().Count());
        Assert.Equal(0, await host.WithDbAsync(db => db.NewsletterDeliveries.CountAsync(d => d.QueuedAt == null, Ct)));
    }

    /// <summary>A sent issue in English addressed to <paramref name="subscribers"/> confirmed subscribers; the unconfirmed ones get nothing.</summary>
    private static async Task<Guid> IssueToAsync(DataHost host, int subscribers, int unconfirmed)
    {
        var now = host.Clock.GetUtcNow();
        var id = await host.WithDbAsync(async db =>
        {
            for (var i = 0; i < subscribers + unconfirmed; i++)
            {
                var (subscription, token) = NewsletterSubscription.Start($"reader{i}@example.org", i % 2 == 0 ? Audience.Experts : Audience.Media, "en", now, TimeSpan.FromHours(48));
                if (i < subscribers)
                {
                    subscription.Confirm(token, now);
                }

                db.NewsletterSubscriptions.Add(subscription);
            }

            var issue = new NewsletterIssue { Id = Guid.NewGuid(), Language = "en", Title = "Issue one", CreatedAt = now, UpdatedAt = now };
            issue.Items.Add(new NewsletterItem { Id = Guid.NewGuid(), IssueId = issue.Id, Kind = IssueItemKind.Event, SourceId = Guid.NewGuid(), Title = "Seminar", Path = "/events/x" });
            db.NewsletterIssues.Add(issue);
            await db.SaveChangesAsync(Ct);
            return issue.Id;
        });
        var outcome = await host.InScopeAsync(sp => Issues(sp, host).SendAsync(id, Base, Ct));
        Assert.Equal(subscribers, outcome.Issue!.Recipients);
        return id;
    }

    private static Task<IReadOnlyList<Catalog.FieldError>> SubscribeAsync(DataHost host, string email) =>
        host.InScopeAsync(sp => Subscriptions(sp, host).SubscribeAsync(email, "experts", "en", Base, Ct));

    private static Task<List<OutboxMessage>> LettersToAsync(DataHost host, string to) =>
        host.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(Ct));

    private static string TokenIn(string text) =>
        System.Text.RegularExpressions.Regex.Match(text, "/en/newsletter/confirm/(nlc_[0-9a-f]{32}\\.[0-9a-f]{64})").Groups[1].Value;

    private static IOptions<NewsletterOptions> Settings(int perMinute = 60) => Options.Create(new NewsletterOptions { MessagesPerMinute = perMinute });

    private static NewsletterSubscriptions Subscriptions(IServiceProvider sp, DataHost host)
    {
        var db = sp.GetRequiredService<CooperaNetDbContext>();
        return new NewsletterSubscriptions(db, new EmailOutbox(db, host.Clock), new KeyTexts(), Settings(), host.Clock);
    }

    private static NewsletterIssues Issues(IServiceProvider sp, DataHost host) =>
        new(sp.GetRequiredService<CooperaNetDbContext>(), new KeyTexts(), Settings(), host.Clock);

    private static NewsletterSender Sender(DataHost host, IServiceProvider services, int perMinute = 60) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), new KeyTexts(), Settings(perMinute), host.Clock, NullLogger<NewsletterSender>.Instance);

    private static Experience AnExperience(string title, DateTimeOffset? published)
    {
        var experience = new Experience { Id = Guid.NewGuid(), AuthorName = "Colombia", Language = "en", Title = title, Summary = "What we learned.", CreatedAt = published ?? DateTimeOffset.UnixEpoch };
        if (published is { } at)
        {
            Assert.Null(experience.Submit(at) ?? experience.Publish(at));
        }

        return experience;
    }

    private static Event AnEvent(string title, DateTimeOffset published, DateTimeOffset starts)
    {
        var item = new Event { Id = Guid.NewGuid(), Title = title, TimeZoneId = "UTC", StartsAt = starts, EndsAt = starts.AddHours(2), OnlineUrl = "https://meet.example.org/x", CreatedAt = published };
        Assert.Null(item.Publish(published));
        return item;
    }

    private static ExpertCall ACall(string title, DateTimeOffset published, DateTimeOffset deadline)
    {
        var call = ExpertCall.Open(Guid.NewGuid(), new CallDetails(title, "Advice to water boards.", "en", ["14030"], ["es"], ["CO"], null, deadline), "sec@oas.org", published).Call!;
        Assert.Null(call.Publish(published));
        return call;
    }

    /// <summary>Texts as their keys, so the tests read what was said without the resource files.</summary>
    private sealed class KeyTexts : INewsletterTexts
    {
        public string Say(string language, string key, params object[] arguments) =>
            key == "Newsletter.Issue.DefaultTitle" ? "Issue" : arguments.Length == 0 ? key : $"{key} {string.Join(' ', arguments)}";
    }
}
