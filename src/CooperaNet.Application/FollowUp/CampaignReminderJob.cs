using System.Globalization;
using System.Text.Encodings.Web;
using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Application.Identity;
using CooperaNet.Domain;
using CooperaNet.Domain.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.FollowUp;

/// <summary>
/// Sends the running campaigns' steps as they fall due, to the focal points and pending invitees of
/// the targeted states, each in the recipient's language, through the outbox. A state that published
/// since the campaign started gets nothing more; an address that opted out gets nothing. Each e-mail
/// is queued with a <see cref="CampaignDelivery"/> row in one transaction: when another instance
/// queued the same step for the same person first, the unique index refuses the row and this
/// instance's e-mail is rolled back with it.
/// </summary>
public sealed partial class CampaignReminderJob(
    IServiceScopeFactory scopes,
    IFollowUpTexts texts,
    UnsubscribeTokens unsubscribe,
    IOptions<FollowUpOptions> options,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<CampaignReminderJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim round = new(1, 1);

    private sealed record Recipient(Guid Id, RecipientKind Kind, string State, string Email, string Name, string Language);

    /// <summary>One round; returns how many e-mails this instance queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await round.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Running).ToListAsync(ct);
            if (campaigns.Count == 0)
            {
                return 0;
            }

            var now = clock.GetUtcNow();
            var states = await db.MemberStates.AsNoTracking().Select(s => new { s.Code, s.Subregion }).ToListAsync(ct);
            var published = await db.Entries.AsNoTracking()
                .Where(e => e.PublishedAt != null)
                .GroupBy(e => e.StateCode)
                .Select(g => new { State = g.Key, First = g.Min(e => e.PublishedAt), Last = g.Max(e => e.PublishedAt) })
                .ToDictionaryAsync(g => g.State, g => (g.First, g.Last), ct);
            var recipients = (await RecipientsAsync(db, now, ct)).ToLookup(r => r.State);
            var optedOut = (await db.ReminderOptOuts.AsNoTracking().Select(o => o.NormalizedEmail).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

            var sent = 0;
            foreach (var campaign in campaigns)
            {
                var delivered = (await db.CampaignDeliveries.AsNoTracking()
                        .Where(d => d.CampaignId == campaign.Id)
                        .Select(d => new { d.StepNumber, d.RecipientId })
                        .ToListAsync(ct))
                    .Select(d => (d.StepNumber, d.RecipientId))
                    .ToHashSet();
                foreach (var state in states)
                {
                    var activity = published.GetValueOrDefault(state.Code);
                    if (!campaign.Targets(state.Code, state.Subregion, activity.First))
                    {
                        continue;
                    }

                    // Only the latest step due: someone who missed the invitation while the job was off
                    // gets the reminder, not both at once.
                    var step = campaign.Steps.Where(s => campaign.IsDue(s, now, activity.Last)).MaxBy(s => s.Number);
                    if (step is null)
                    {
                        continue;
                    }

                    foreach (var recipient in recipients[state.Code])
                    {
                        if (delivered.Contains((step.Number, recipient.Id)) || optedOut.Contains(recipient.Email.ToUpperInvariant()))
                        {
                            continue;
                        }

                        sent += await SendAsync(db, campaign, step, recipient, now, ct) ? 1 : 0;
                    }
                }
            }

            return sent;
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
        if (!options.Value.RemindersEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ReminderInterval, clock);
        do
        {
            try
            {
                var sent = await RunOnceAsync(stoppingToken);
                if (sent > 0)
                {
                    LogRound(logger, sent);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRoundFailed(logger, error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The focal points of every state, and the people invited to be one whose link still works.</summary>
    private static async Task<List<Recipient>> RecipientsAsync(CooperaNetDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var focalRole = await db.Roles.Where(r => r.Name == Roles.FocalPoint).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var focalPoints = await db.Users.AsNoTracking()
            .Where(u => u.MemberStateCode != null && u.Email != null && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == focalRole))
            .Select(u => new Recipient(u.Id, RecipientKind.FocalPoint, u.MemberStateCode!, u.Email!, u.DisplayName, u.PreferredLanguage))
            .ToListAsync(ct);
        var invitees = await db.Invitations.AsNoTracking()
            .Where(i => i.UsedAt == null && i.ExpiresAt > now)
            .Select(i => new Recipient(i.Id, RecipientKind.Invitee, i.StateCode, i.Email, i.Email, i.Language))
            .ToListAsync(ct);
        return [.. focalPoints, .. invitees];
    }

    private async Task<bool> SendAsync(CooperaNetDbContext db, Campaign campaign, CampaignStep step, Recipient recipient, DateTimeOffset now, CancellationToken ct)
    {
        var language = Languages.Normalize(recipient.Language) ?? Languages.Default;
        var message = Compose(campaign, step, recipient, language);
        var outbox = new EmailOutbox(db, clock).Enqueue(recipient.Email, message.Subject, message.Text, message.Html);
        db.CampaignDeliveries.Add(new CampaignDelivery
        {
            Id = Guid.CreateVersion7(now),
            CampaignId = campaign.Id,
            StepNumber = step.Number,
            RecipientId = recipient.Id,
            RecipientKind = recipient.Kind,
            StateCode = recipient.State,
            Language = language,
            SentAt = now,
            OutboxMessageId = outbox.Id,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException error) when (UniqueViolations.Caused(error))
        {
            // Another instance queued this step for this person first: its e-mail stands, ours goes.
            LogAlreadySent(logger, campaign.Id, step.Number, recipient.Id);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private (string Subject, string Text, string Html) Compose(Campaign campaign, CampaignStep step, Recipient recipient, string language)
    {
        var baseUrl = email.Value.PublicBaseUrl?.TrimEnd('/') ?? string.Empty;
        var action = recipient.Kind == RecipientKind.FocalPoint
            ? $"{baseUrl}/{language}/catalog/new"
            : null;
        var optOut = $"{baseUrl}/{language}/follow-up/unsubscribe?token={Uri.EscapeDataString(unsubscribe.For(recipient.Email))}";
        string Say(string key, params object[] args) => texts.Say(language, key, args);

        var paragraphs = new List<string> { Say("FollowUp.Email.Greeting", recipient.Name) };
        paragraphs.AddRange(campaign.Message.Resolve(language).Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        paragraphs.Add(recipient.Kind == RecipientKind.FocalPoint ? Say("FollowUp.Email.Publish") : Say("FollowUp.Email.UseInvitation"));
        if (action is not null)
        {
            paragraphs.Add(action);
        }

        paragraphs.Add(Say("FollowUp.Email.Signature"));
        var unsubscribeLine = Say("FollowUp.Email.Unsubscribe");
        var subject = Say("FollowUp.Email.Subject." + step.Kind, campaign.Name);
        var text = string.Join("\n\n", paragraphs) + "\n\n--\n" + unsubscribeLine + "\n" + optOut + "\n";
        // Plain paragraphs and links: no images, so nothing reports back when the e-mail is opened.
        var optOutLink = HtmlEncoder.Default.Encode(optOut);
        var html = Letter.HtmlParagraphs(paragraphs, action is null ? [] : [action])
            + $"<hr><p>{HtmlEncoder.Default.Encode(unsubscribeLine)}<br><a href=\"{optOutLink}\">{optOutLink}</a></p>";
        return (subject, text, Letter.Document(language, html));
    }

    [LoggerMessage(LogLevel.Information, "Queued {Count} campaign e-mails")]
    private static partial void LogRound(ILogger logger, int count);

    [LoggerMessage(LogLevel.Debug, "Campaign {CampaignId} step {Step} for recipient {RecipientId} was queued by another instance")]
    private static partial void LogAlreadySent(ILogger logger, Guid campaignId, int step, Guid recipientId);

    [LoggerMessage(LogLevel.Warning, "A campaign round failed ({Error}); it is tried again on the next round")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
