using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Domain.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Newsletter;

/// <summary>
/// Moves issue deliveries into the outbox, at most <see cref="NewsletterOptions.MessagesPerMinute"/> in any
/// minute, and deletes pending subscriptions whose confirmation link expired. Safe with several instances
/// and across restarts: a delivery is claimed with a conditional update (as the outbox dispatcher does), and
/// its e-mail is queued in the same transaction as the conditional update that marks it queued, so each
/// subscriber gets an issue exactly once.
/// </summary>
public sealed partial class NewsletterSender(
    IServiceScopeFactory scopes,
    INewsletterTexts texts,
    IOptions<NewsletterOptions> options,
    TimeProvider clock,
    ILogger<NewsletterSender> logger) : BackgroundService
{
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim round = new(1, 1);

    /// <summary>Identifies this instance's claims.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>One round; returns how many e-mails this instance put in the outbox.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await round.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            await ForgetExpiredAsync(db, ct);
            var queued = 0;
            foreach (var delivery in await ClaimAsync(db, ct))
            {
                queued += await QueueAsync(db, delivery, ct) ? 1 : 0;
            }

            await CompleteAsync(db, ct);
            if (queued > 0)
            {
                LogQueued(logger, queued);
            }

            return queued;
        }
        finally
        {
            round.Release();
        }
    }

    public override void Dispose()
    {
        round.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRoundFailed(logger, error.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Pending subscriptions whose link expired are deleted (and audited); asking again starts afresh. Two
    /// instances may delete the same ones at once: the slower finds them gone and carries on.
    /// </summary>
    private async Task ForgetExpiredAsync(CooperaNetDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = await db.NewsletterSubscriptions
            .Where(s => s.Status == SubscriptionStatus.Pending && s.ConfirmationExpiresAt < now && s.ConfirmedAt == null)
            .Take(500)
            .ToListAsync(ct);
        if (expired.Count > 0)
        {
            db.NewsletterSubscriptions.RemoveRange(expired);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance deleted them first; this round goes on to the deliveries.
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Claims as many deliveries as the rate leaves room for in the last minute; the conditions sit on the UPDATE, so racing instances split the rows.</summary>
    private async Task<List<NewsletterDelivery>> ClaimAsync(CooperaNetDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var recent = now - Window;
        var room = options.Value.MessagesPerMinute - await db.NewsletterDeliveries.CountAsync(d => d.QueuedAt > recent, ct);
        var until = now + ClaimDuration;
        if (room > 0)
        {
            var candidates = await db.NewsletterDeliveries.AsNoTracking()
                .Where(d => d.QueuedAt == null && (d.LockedUntil == null || d.LockedUntil < now))
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
                .Select(d => d.Id)
                .Take(room)
                .ToListAsync(ct);
            if (candidates.Count > 0)
            {
                await db.NewsletterDeliveries
                    .Where(d => candidates.Contains(d.Id) && d.QueuedAt == null && (d.LockedUntil == null || d.LockedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedBy, InstanceId).SetProperty(d => d.LockedUntil, until), ct);
            }
        }

        // Also picks up rows this instance claimed in a round that stopped half-way.
        return await db.NewsletterDeliveries.AsNoTracking()
            .Where(d => d.LockedBy == InstanceId && d.LockedUntil > now && d.QueuedAt == null)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Queues one delivery's e-mail. The conditional update that marks it queued and the outbox row commit
    /// together; when the update finds the row already queued (another instance took it after this claim
    /// expired), nothing is written.
    /// </summary>
    private async Task<bool> QueueAsync(CooperaNetDbContext db, NewsletterDelivery claimed, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var subscription = await db.NewsletterSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == claimed.SubscriptionId, ct);
        var issue = await db.NewsletterIssues.AsNoTracking().Include(i => i.Items).FirstAsync(i => i.Id == claimed.IssueId, ct);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var delivery = new NewsletterDelivery { Id = claimed.Id, IssueId = claimed.IssueId, SubscriptionId = claimed.SubscriptionId };
        var token = delivery.IssueUnsubscribeToken();
        Guid? messageId = null;
        if (subscription?.Status == SubscriptionStatus.Confirmed)
        {
            var baseUrl = issue.BaseUrl ?? string.Empty;
            var unsubscribe = NewsletterLetter.UnsubscribeUrl(baseUrl, issue.Language, token);
            var email = NewsletterLetter.Write(issue, baseUrl, unsubscribe, texts);
            var message = new EmailOutbox(db, clock).Enqueue(subscription.Email, email.Subject, email.Text, email.Html, new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribe}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                ["List-Id"] = $"CooperaNet <newsletter-{issue.Language}.cooperanet>",
            });
            messageId = message.Id;
        }

        var marked = await db.NewsletterDeliveries
            .Where(d => d.Id == claimed.Id && d.LockedBy == InstanceId && d.QueuedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.QueuedAt, now)
                    .SetProperty(d => d.OutboxMessageId, messageId)
                    .SetProperty(d => d.UnsubscribeHash, delivery.UnsubscribeHash)
                    .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null),
                ct);
        if (marked == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            LogTakenElsewhere(logger, claimed.Id);
            return false;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return messageId is not null;
    }

    /// <summary>Issues whose deliveries have all left are sent.</summary>
    private async Task CompleteAsync(CooperaNetDbContext db, CancellationToken ct)
    {
        var done = await db.NewsletterIssues
            .Where(i => i.Status == IssueStatus.Sending && !db.NewsletterDeliveries.Any(d => d.IssueId == i.Id && d.QueuedAt == null))
            .ToListAsync(ct);
        if (done.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var issue in done)
        {
            issue.Complete(now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance completed it first.
        }

        db.ChangeTracker.Clear();
    }

    [LoggerMessage(LogLevel.Information, "Queued {Count} newsletter e-mails")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(LogLevel.Debug, "Newsletter delivery {DeliveryId} was queued by another instance")]
    private static partial void LogTakenElsewhere(ILogger logger, Guid deliveryId);

    [LoggerMessage(LogLevel.Error, "Newsletter round failed: {ErrorType}")]
    private static partial void LogRoundFailed(ILogger logger, string errorType);
}
