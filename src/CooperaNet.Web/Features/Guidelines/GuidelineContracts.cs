using CooperaNet.Application.Guidelines;
using CooperaNet.Domain;
using CooperaNet.Domain.Guidelines;

namespace CooperaNet.Web.Features.Guidelines;

/// <summary>A text in the four languages.</summary>
public sealed record TextView(string? Es, string? En, string? Pt, string? Fr)
{
    public static TextView Of(LocalizedText text) => new(text.Es, text.En, text.Pt, text.Fr);
}

/// <summary>A guideline in the list: its purpose and title in the caller's language, its latest version the caller may see.</summary>
public sealed record GuidelineSummaryView(string Slug, string Title, string Purpose, int LatestVersion, string LatestStatus, int? PublishedVersion);

/// <summary>A version in a guideline's history.</summary>
public sealed record VersionSummaryView(int Number, string Status, string Title, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);

/// <summary>A guideline: its purpose in the four languages and the versions the caller may see, newest first.</summary>
public sealed record GuidelineView(string Slug, TextView Purpose, IReadOnlyList<VersionSummaryView> Versions);

/// <summary>The working group's approval: who recorded it, when, at which meeting.</summary>
public sealed record ApprovalView(string? RecordedBy, DateTimeOffset? RecordedAt, string? Meeting, DateOnly? MeetingDate, string? Note);

public sealed record CommentView(Guid Id, string? Section, string Text, string Author, DateTimeOffset CreatedAt, DateTimeOffset? AddressedAt);

/// <summary>One version in full; comments only for participants (null for the public).</summary>
public sealed record VersionView(
    string Slug,
    int Number,
    string Status,
    TextView Title,
    TextView Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ConsultationStartedAt,
    ApprovalView? Approval,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? SupersededAt,
    IReadOnlyList<CommentView>? Comments)
{
    public static VersionView Of(string slug, GuidelineVersion version, IReadOnlyList<GuidelineComment>? comments = null) => new(
        slug,
        version.Number,
        StatusName(version.Status),
        TextView.Of(version.Title),
        TextView.Of(version.Body),
        version.CreatedAt,
        version.UpdatedAt,
        version.ConsultationStartedAt,
        version.ApprovalRecordedAt is null ? null : new ApprovalView(version.ApprovalRecordedBy, version.ApprovalRecordedAt, version.ApprovalMeeting, version.ApprovalMeetingDate, version.ApprovalNote),
        version.PublishedAt,
        version.SupersededAt,
        comments?.Select(CommentOf).ToList());

    public static CommentView CommentOf(GuidelineComment c) => new(c.Id, c.Section, c.Text, c.AuthorName, c.CreatedAt, c.AddressedAt);

    /// <summary>The status as the API and the resources name it: "draft", "in-consultation"...</summary>
    public static string StatusName(GuidelineStatus status) => status switch
    {
        GuidelineStatus.InConsultation => "in-consultation",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>A run of the difference: "same", "inserted" or "deleted".</summary>
public sealed record DiffPieceView(string Kind, string Text);

/// <summary>The difference between two versions in one language.</summary>
public sealed record DiffView(string Slug, int From, int To, string Language, IReadOnlyList<DiffPieceView> Title, IReadOnlyList<DiffPieceView> Body)
{
    public static IReadOnlyList<DiffPieceView> Of(IReadOnlyList<DiffPiece> pieces) =>
        pieces.Select(p => new DiffPieceView(p.Kind.ToString().ToLowerInvariant(), p.Text)).ToList();
}

/// <summary>The input of a new guideline version written through the API.</summary>
public static class GuidelineInputs
{
    public static readonly GuidelineVersionInput EmptyVersion = new(null, null, null, null, null, null, null, null);

    public static readonly GuidelineApprovalInput EmptyApproval = new(null, null, null);

    public static readonly GuidelineCommentInput EmptyComment = new(null, null);
}
