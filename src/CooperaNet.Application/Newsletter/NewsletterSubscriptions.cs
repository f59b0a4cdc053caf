using System.Net.Mail;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain;
using CooperaNet.Domain.Communications;
using CooperaNet.Domain.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Newsletter;

/// <summary>
/// Subscribing with double opt-in, confirming and unsubscribing. Subscribing answers the same whether or
/// not the address is already subscribed: a new or pending subscription gets a confirmation letter, a
/// confirmed one nothing, and the caller is told only that a letter is on its way if needed.
/// </summary>
public sealed class NewsletterSubscriptions(CooperaNetDbContext db, EmailOutbox outbox, INewsletterTexts texts, IOptions<NewsletterOptions> options, TimeProvider clock)
{
    /// <summary>Field errors, or none when the request was taken (whatever the address's state).</summary>
    public async Task<IReadOnlyList<FieldError>> SubscribeAsync(string? email, string? audience, string? language, string baseUrl, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var address = (email ?? string.Empty).Trim();
        if (address.Length == 0 || address.Length > NewsletterSubscription.EmailMax || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            errors.Add(new FieldError("email", "newsletter.email"));
        }

        if (AudienceNames.Parse(audience) is not { } chosen)
        {
            errors.Add(new FieldError("audience", "newsletter.audience"));
            chosen = Audience.Public;
        }

        if (!Languages.IsSupported(language))
        {
            errors.Add(new FieldError("language", "newsletter.language"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var normalized = NewsletterSubscription.Normalize(address);
        var now = clock.GetUtcNow();
        var lifetime = options.Value.ConfirmationLifetime;
        var existing = await db.NewsletterSubscriptions.FirstOrDefaultAsync(s => s.Email == normalized && s.Audience == chosen && s.Language == language, ct);
        string? token;
        NewsletterSubscription subscription;
        if (existing is null)
        {
            (subscription, token) = NewsletterSubscription.Start(normalized, chosen, language!, now, lifetime);
            db.NewsletterSubscriptions.Add(subscription);
        }
        else
        {
            subscription = existing;
            token = existing.Reissue(now, lifetime);
        }

        if (token is not null)
        {
            QueueConfirmation(subscription, token, baseUrl);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (UniqueViolations.Caused(error))
        {
            // The same address asked twice at once: the other request's letter is on its way.
            db.ChangeTracker.Clear();
        }

        return [];
    }

    /// <summary>Confirms with the link's token; false when the token is unknown, spent or expired.</summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        if (NewsletterSubscription.IdOf(token) is not { } id || await db.NewsletterSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscription)
        {
            return false;
        }

        if (!subscription.Confirm(token!, clock.GetUtcNow()))
        {
            return false;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>True when the token is the unsubscribe token of an e-mail we sent.</summary>
    public async Task<bool> IsUnsubscribeTokenAsync(string? token, CancellationToken ct = default) =>
        await DeliveryOfAsync(token, ct) is not null;

    /// <summary>Unsubscribes the subscription an issue e-mail was sent to; false when the token is not ours.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (await DeliveryOfAsync(token, ct) is not { } delivery)
        {
            return false;
        }

        var subscription = await db.NewsletterSubscriptions.FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (subscription?.Unsubscribe(clock.GetUtcNow()) == true)
        {
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    private async Task<NewsletterDelivery?> DeliveryOfAsync(string? token, CancellationToken ct)
    {
        if (NewsletterDelivery.IdOf(token) is not { } id)
        {
            return null;
        }

        var delivery = await db.NewsletterDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return delivery?.UnsubscribeHash is { } hash && NewsletterSubscription.Matches(token!, hash) ? delivery : null;
    }

    private void QueueConfirmation(NewsletterSubscription subscription, string token, string baseUrl)
    {
        var language = subscription.Language;
        string Say(string key, params object[] args) => texts.Say(language, key, args);
        var link = $"{baseUrl}/{language}/newsletter/confirm/{token}";
        var hours = (int)options.Value.ConfirmationLifetime.TotalHours;
        outbox.EnqueueLetter(
            subscription.Email,
            language,
            Say("Newsletter.Email.Confirm.Subject"),
            [Say("Newsletter.Email.Confirm.Body", Say("Audience." + AudienceNames.Key(subscription.Audience))), link, Say("Newsletter.Email.Confirm.Expires", hours), Say("Newsletter.Email.Confirm.Ignore")],
            link);
    }
}
