using CooperaNet.Application.Newsletter;
using CooperaNet.Domain.Communications;
using CooperaNet.Domain.Newsletter;

namespace CooperaNet.Web.Features.Newsletter;

/// <summary>A subscription request: an address, an audience ("experts"...) and a language (es, en, pt, fr).</summary>
public sealed record SubscribeInput(string? Email, string? Audience, string? Language);

/// <summary>The token of a confirmation link.</summary>
public sealed record ConfirmInput(string? Token);

/// <summary>A new draft: its language and, optionally, the one audience it is for.</summary>
public sealed record ComposeInput(string? Language, string? Audience);

/// <summary>A draft's changes: title, introduction and the keys of the items it carries ("event:{id}").</summary>
public sealed record IssueInput(string? Title, string? Introduction, IReadOnlyList<string>? Items);

/// <summary>The same answer for every accepted request, whether or not the address was subscribed.</summary>
public sealed record SubscribeAccepted(string Status);

public sealed record IssueItemView(string Key, string Kind, string Title, string Summary, string Path, DateTimeOffset Date);

public sealed record IssueView(
    Guid Id,
    string Language,
    string? Audience,
    string Status,
    string Title,
    string Introduction,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeletedAt,
    int Recipients,
    IReadOnlyList<IssueItemView> Items)
{
    public static IssueView Of(NewsletterIssue issue) => new(
        issue.Id,
        issue.Language,
        issue.Audience is { } audience ? AudienceNames.Key(audience) : null,
        issue.Status.ToString().ToLowerInvariant(),
        issue.Title,
        issue.Introduction,
        issue.SentAt,
        issue.DeletedAt,
        issue.Recipients,
        issue.Items.OrderBy(i => i.Position).Select(Item).ToList());

    public static IssueItemView Item(NewsletterItem item) =>
        new(IssueCandidate.KeyOf(item.Kind, item.SourceId), Kind(item.Kind), item.Title, item.Summary, item.Path, item.Date);

    public static IssueItemView Item(IssueCandidate candidate) =>
        new(candidate.Key, Kind(candidate.Kind), candidate.Title, candidate.Summary, candidate.Path, candidate.Date);

    /// <summary>"experience", "event", "offer", "expert-call".</summary>
    public static string Kind(IssueItemKind kind) => kind == IssueItemKind.ExpertCall ? "expert-call" : kind.ToString().ToLowerInvariant();
}

public sealed record IssuePage(IReadOnlyList<IssueView> Items, int Page, int PageSize, int Total);

public sealed record EmailPreview(string Subject, string Text, string Html);
