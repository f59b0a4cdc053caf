using CooperaNet.Application.Data;
using CooperaNet.Domain.Communications;
using CooperaNet.Domain.Newsletter;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Newsletter;

/// <summary>Subscriptions and issues saved straight into the test database, moved by the domain's own methods.</summary>
public static class NewsletterData
{
    /// <summary>A confirmed subscription of <paramref name="email"/> to the experts' newsletter in <paramref name="language"/>.</summary>
    public static async Task<NewsletterSubscription> SubscriberAsync(CooperaNetFactory app, string email, string language = "en") =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var (subscription, token) = NewsletterSubscription.Start(email, Audience.Experts, language, now, TimeSpan.FromHours(1));
            subscription.Confirm(token, now);
            db.NewsletterSubscriptions.Add(subscription);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return subscription;
        });

    /// <summary>An issue in <paramref name="language"/> with one event, a draft or (when <paramref name="sent"/>) sent to its subscribers.</summary>
    public static async Task<NewsletterIssue> IssueAsync(CooperaNetFactory app, string title, bool sent, string language = "en", bool deleted = false) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var issue = new NewsletterIssue { Id = Guid.NewGuid(), Language = language, Title = title, Introduction = "News of the month.", CreatedAt = now, UpdatedAt = now };
            issue.Items.Add(new NewsletterItem { Id = Guid.NewGuid(), IssueId = issue.Id, Kind = IssueItemKind.Event, SourceId = Guid.NewGuid(), Title = "Rural water seminar", Summary = "Two days in Bogotá.", Path = "/events", Date = now });
            if (sent)
            {
                issue.StartSending(now, "http://localhost", 0);
                issue.Complete(now);
            }

            if (deleted)
            {
                issue.Delete(now);
            }

            db.NewsletterIssues.Add(issue);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return issue;
        });

    /// <summary>A pending subscription (in French, so no English issue goes to it) and the token of its confirmation link.</summary>
    public static async Task<string> PendingTokenAsync(CooperaNetFactory app) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var (subscription, token) = NewsletterSubscription.Start($"{Guid.NewGuid():N}@example.org", Audience.Partners, "fr", now, TimeSpan.FromHours(48));
            db.NewsletterSubscriptions.Add(subscription);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return token;
        });

    /// <summary>
    /// A confirmed subscriber (in Portuguese) who already received a sent issue, and the token of that e-mail's
    /// unsubscribe link; the delivery is queued, so the sender job has nothing left to do with it.
    /// </summary>
    public static async Task<string> UnsubscribeTokenAsync(CooperaNetFactory app) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var (subscription, confirm) = NewsletterSubscription.Start($"{Guid.NewGuid():N}@example.org", Audience.Donors, "pt", now, TimeSpan.FromHours(48));
            subscription.Confirm(confirm, now);
            var issue = new NewsletterIssue { Id = Guid.NewGuid(), Language = "pt", Title = "Boletim", CreatedAt = now, UpdatedAt = now };
            issue.Items.Add(new NewsletterItem { Id = Guid.NewGuid(), IssueId = issue.Id, Kind = IssueItemKind.Event, SourceId = Guid.NewGuid(), Title = "Seminário", Path = "/events", Date = now });
            issue.StartSending(now, "http://localhost", 1);
            issue.Complete(now);
            var delivery = new NewsletterDelivery { Id = Guid.NewGuid(), IssueId = issue.Id, SubscriptionId = subscription.Id, CreatedAt = now, QueuedAt = now };
            var token = delivery.IssueUnsubscribeToken();
            db.NewsletterSubscriptions.Add(subscription);
            db.NewsletterIssues.Add(issue);
            db.NewsletterDeliveries.Add(delivery);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return token;
        });
}
