using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Communications;
using CooperaNet.Domain.Events;
using CooperaNet.Domain.Experiences;
using CooperaNet.Domain.Experts;
using CooperaNet.Domain.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Newsletter;

/// <summary>The result of a write: the issue, or field errors, or not found, or a refused move.</summary>
public sealed record IssueOutcome(NewsletterIssue? Issue, IReadOnlyList<FieldError> Errors, bool NotFound, NewsletterError? Refused)
{
    public static IssueOutcome Done(NewsletterIssue issue) => new(issue, [], false, null);

    public static IssueOutcome Invalid(IReadOnlyList<FieldError> errors) => new(null, errors, false, null);

    public static readonly IssueOutcome Missing = new(null, [], true, null);

    public static IssueOutcome Refuse(NewsletterError error) => new(null, [], false, error);
}

/// <summary>A piece of recent content an issue may carry; <see cref="Key"/> ("event:{id}") names it in forms and the API.</summary>
public sealed record IssueCandidate(IssueItemKind Kind, Guid SourceId, string Title, string Summary, string Path, DateTimeOffset Date)
{
    public string Key => KeyOf(Kind, SourceId);

    public static string KeyOf(IssueItemKind kind, Guid id) => $"{kind.ToString().ToLowerInvariant()}:{id}";
}

/// <summary>
/// The issues: the public archive of sent ones, and for the secretariat composing (content published
/// since the language's previous issue, chosen automatically), editing and sending. Authorization is the
/// caller's; the audit interceptor records who changed what.
/// </summary>
public sealed class NewsletterIssues(CooperaNetDbContext db, INewsletterTexts texts, IOptions<NewsletterOptions> options, TimeProvider clock)
{
    private const int SummaryMax = 300;

    /// <summary>Sent issues latest first (and drafts first when asked, deleted ones left out), a page at a time.</summary>
    public async Task<(IReadOnlyList<NewsletterIssue> Items, int Total)> ListAsync(bool withDrafts, string? language, int page, int size, CancellationToken ct = default)
    {
        var query = Visible(withDrafts).Where(i => i.DeletedAt == null);
        if (language is not null)
        {
            query = query.Where(i => i.Language == language);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(i => i.SentAt == null ? 0 : 1).ThenByDescending(i => i.SentAt).ThenByDescending(i => i.CreatedAt)
            .Skip((Math.Max(page, 1) - 1) * size).Take(size).ToListAsync(ct);
        return (items, total);
    }

    public async Task<NewsletterIssue?> FindAsync(Guid id, bool withDrafts, CancellationToken ct = default) =>
        await Visible(withDrafts).Include(i => i.Items).FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>Where the automatic choice starts for a language: its previous issue, or the look-back for the first one.</summary>
    public async Task<DateTimeOffset> SinceAsync(string language, CancellationToken ct = default)
    {
        var last = await db.NewsletterIssues.AsNoTracking().Where(i => i.Language == language && i.SentAt != null)
            .OrderByDescending(i => i.SentAt).Select(i => i.SentAt).FirstOrDefaultAsync(ct);
        return last ?? clock.GetUtcNow().AddDays(-options.Value.FirstIssueLookbackDays);
    }

    /// <summary>
    /// Content published since <paramref name="since"/>: public experiences, upcoming published events,
    /// published offers and calls for experts still open; titles in <paramref name="language"/> where a translation exists.
    /// </summary>
    public async Task<IReadOnlyList<IssueCandidate>> CandidatesAsync(string language, DateTimeOffset since, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var experiences = await db.Experiences.AsNoTracking().Include(e => e.Translations)
            .Where(e => e.Status == ExperienceStatus.Published && e.DeletedAt == null && e.PublishedAt > since).ToListAsync(ct);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.StartsAt > now && e.PublishedAt > since).ToListAsync(ct);
        var offers = await db.Entries.AsNoTracking().Include(e => e.Translations)
            .Where(e => e.Kind == EntryKind.Offer && e.Status == EntryStatus.Published && e.DeletedAt == null && e.PublishedAt > since).ToListAsync(ct);
        var calls = await db.ExpertCalls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published && c.Deadline > now && c.PublishedAt > since).ToListAsync(ct);

        var candidates = new List<IssueCandidate>();
        candidates.AddRange(experiences.Select(e => e.Translations.FirstOrDefault(t => t.Language == language) is { } t
            ? new IssueCandidate(IssueItemKind.Experience, e.Id, t.Title, Cut(t.Summary), $"/experiences/{e.Id}", e.PublishedAt!.Value)
            : new IssueCandidate(IssueItemKind.Experience, e.Id, e.Title, Cut(e.Summary), $"/experiences/{e.Id}", e.PublishedAt!.Value)));
        candidates.AddRange(events.Select(e => new IssueCandidate(IssueItemKind.Event, e.Id, e.Title, Cut(e.Description), $"/events/{e.Id}", e.StartsAt)));
        candidates.AddRange(offers.Select(e => e.Translations.FirstOrDefault(t => t.Language == language) is { } t
            ? new IssueCandidate(IssueItemKind.Offer, e.Id, t.Title, Cut(t.Summary), $"/catalog/{e.Id}", e.PublishedAt!.Value)
            : new IssueCandidate(IssueItemKind.Offer, e.Id, e.Title, Cut(e.Summary), $"/catalog/{e.Id}", e.PublishedAt!.Value)));
        candidates.AddRange(calls.Select(c => new IssueCandidate(IssueItemKind.ExpertCall, c.Id, c.Title, Cut(c.Description), $"/experts/calls/{c.Id}", c.PublishedAt!.Value)));
        return [.. candidates.OrderBy(c => c.Kind).ThenBy(c => c.Kind == IssueItemKind.Event ? c.Date.UtcTicks : -c.Date.UtcTicks)];
    }

    /// <summary>A new draft in <paramref name="language"/> (for one audience or all) with everything published since the previous issue.</summary>
    public async Task<IssueOutcome> ComposeAsync(string? language, string? audience, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (!Languages.IsSupported(language))
        {
            errors.Add(new FieldError("language", "newsletter.language"));
        }

        Audience? chosen = null;
        if (!string.IsNullOrEmpty(audience) && (chosen = AudienceNames.Parse(audience)) is null)
        {
            errors.Add(new FieldError("audience", "newsletter.audience"));
        }

        if (errors.Count > 0)
        {
            return IssueOutcome.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var candidates = await CandidatesAsync(language!, await SinceAsync(language!, ct), ct);
        var issue = new NewsletterIssue
        {
            Id = Guid.CreateVersion7(now),
            Language = language!,
            Audience = chosen,
            Title = texts.Say(language!, "Newsletter.Issue.DefaultTitle", now.UtcDateTime),
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var (candidate, position) in candidates.Select((c, i) => (c, i)))
        {
            issue.Items.Add(ItemOf(issue.Id, candidate, position));
        }

        db.NewsletterIssues.Add(issue);
        await db.SaveChangesAsync(ct);
        return IssueOutcome.Done(issue);
    }

    /// <summary>
    /// Changes a draft's title and introduction and sets its items to <paramref name="keys"/>: items it has keep
    /// their text, others are taken from the content published since the previous issue; unknown keys are refused.
    /// </summary>
    public async Task<IssueOutcome> UpdateAsync(Guid id, string? title, string? introduction, IReadOnlyCollection<string>? keys, CancellationToken ct = default)
    {
        var issue = await db.NewsletterIssues.Include(i => i.Items).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return IssueOutcome.Missing;
        }

        if (issue.Status != IssueStatus.Draft || issue.DeletedAt is not null)
        {
            return IssueOutcome.Refuse(NewsletterError.IllegalTransition);
        }

        var errors = new List<FieldError>();
        title = title?.Trim() ?? string.Empty;
        introduction = introduction?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            errors.Add(new FieldError("title", "newsletter.title-required"));
        }
        else if (title.Length > NewsletterIssue.TitleMax)
        {
            errors.Add(new FieldError("title", "newsletter.too-long", NewsletterIssue.TitleMax));
        }

        if (introduction.Length > NewsletterIssue.IntroductionMax)
        {
            errors.Add(new FieldError("introduction", "newsletter.too-long", NewsletterIssue.IntroductionMax));
        }

        var wanted = (keys ?? []).ToHashSet(StringComparer.Ordinal);
        var have = issue.Items.ToDictionary(i => IssueCandidate.KeyOf(i.Kind, i.SourceId), StringComparer.Ordinal);
        var candidates = (await CandidatesAsync(issue.Language, await SinceAsync(issue.Language, ct), ct)).ToDictionary(c => c.Key, StringComparer.Ordinal);
        if (wanted.Any(k => !have.ContainsKey(k) && !candidates.ContainsKey(k)))
        {
            errors.Add(new FieldError("items", "newsletter.unknown-item"));
        }

        if (errors.Count > 0)
        {
            return IssueOutcome.Invalid(errors);
        }

        foreach (var (key, item) in have.Where(p => !wanted.Contains(p.Key)))
        {
            issue.Items.Remove(item);
            db.NewsletterItems.Remove(item);
        }

        foreach (var key in wanted.Where(k => !have.ContainsKey(k)))
        {
            var item = ItemOf(issue.Id, candidates[key], 0);
            issue.Items.Add(item);
            db.NewsletterItems.Add(item);
        }

        var position = 0;
        foreach (var item in issue.Items.OrderBy(i => i.Kind).ThenBy(i => i.Position).ThenByDescending(i => i.Date))
        {
            item.Position = position++;
        }

        issue.Title = title;
        issue.Introduction = introduction;
        issue.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return IssueOutcome.Done(issue);
    }

    /// <summary>
    /// Starts sending a draft: one delivery per confirmed subscriber of its language (and audience), one per
    /// address when it goes to every audience. The sender job moves them into the outbox at the configured rate.
    /// </summary>
    public async Task<IssueOutcome> SendAsync(Guid id, string baseUrl, CancellationToken ct = default)
    {
        var issue = await db.NewsletterIssues.Include(i => i.Items).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return IssueOutcome.Missing;
        }

        var subscribers = await db.NewsletterSubscriptions.AsNoTracking()
            .Where(s => s.Status == SubscriptionStatus.Confirmed && s.Language == issue.Language && (issue.Audience == null || s.Audience == issue.Audience))
            .Select(s => new { s.Id, s.Email, s.CreatedAt })
            .ToListAsync(ct);
        var recipients = subscribers.GroupBy(s => s.Email, StringComparer.Ordinal).Select(g => g.OrderBy(s => s.CreatedAt).First().Id).ToList();
        var now = clock.GetUtcNow();
        if (issue.StartSending(now, baseUrl, recipients.Count) is { } refused)
        {
            return IssueOutcome.Refuse(refused);
        }

        if (recipients.Count == 0)
        {
            issue.Complete(now);
        }

        db.NewsletterDeliveries.AddRange(recipients.Select(subscription => new NewsletterDelivery
        {
            Id = Guid.CreateVersion7(now),
            IssueId = issue.Id,
            SubscriptionId = subscription,
            CreatedAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (UniqueViolations.Caused(error))
        {
            // Sent twice at once: the other request created the deliveries.
            db.ChangeTracker.Clear();
            return IssueOutcome.Refuse(NewsletterError.IllegalTransition);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return IssueOutcome.Refuse(NewsletterError.IllegalTransition);
        }

        return IssueOutcome.Done(issue);
    }

    /// <summary>Deletes a draft (<paramref name="delete"/>) or restores a deleted one.</summary>
    public async Task<IssueOutcome> DeleteOrRestoreAsync(Guid id, bool delete, CancellationToken ct = default)
    {
        var issue = await db.NewsletterIssues.Include(i => i.Items).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return IssueOutcome.Missing;
        }

        var now = clock.GetUtcNow();
        if ((delete ? issue.Delete(now) : issue.Restore(now)) is { } refused)
        {
            return IssueOutcome.Refuse(refused);
        }

        await db.SaveChangesAsync(ct);
        return IssueOutcome.Done(issue);
    }

    /// <summary>The e-mail as a subscriber will get it, with a sample unsubscribe link.</summary>
    public static NewsletterEmail Preview(NewsletterIssue issue, string baseUrl, INewsletterTexts texts) =>
        NewsletterLetter.Write(issue, baseUrl, NewsletterLetter.UnsubscribeUrl(baseUrl, issue.Language, NewsletterDelivery.TokenPrefix + "…"), texts);

    private static NewsletterItem ItemOf(Guid issueId, IssueCandidate candidate, int position) => new()
    {
        Id = Guid.NewGuid(),
        IssueId = issueId,
        Kind = candidate.Kind,
        SourceId = candidate.SourceId,
        Title = candidate.Title,
        Summary = candidate.Summary,
        Path = candidate.Path,
        Date = candidate.Date,
        Position = position,
    };

    private static string Cut(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= SummaryMax ? flat : flat[..(SummaryMax - 1)].TrimEnd() + "…";
    }

    private IQueryable<NewsletterIssue> Visible(bool withDrafts) =>
        withDrafts ? db.NewsletterIssues.AsNoTracking() : db.NewsletterIssues.AsNoTracking().Where(i => i.Status != IssueStatus.Draft);
}
