namespace CooperaNet.Domain.Guidelines;

/// <summary>
/// Where a version of a guideline is: draft → in consultation → approved by the working group → published.
/// A consultation may be closed back to a draft; publishing a version supersedes the one published before.
/// </summary>
public enum GuidelineStatus
{
    Draft,
    InConsultation,
    Approved,
    Published,
    Superseded,
}

/// <summary>A refused change, by code (localized as "Error." + code).</summary>
public sealed record GuidelineError(string Code)
{
    public static readonly GuidelineError IllegalTransition = new("guideline.illegal-transition");

    public static readonly GuidelineError ConsultationOpen = new("guideline.consultation-open");

    public static readonly GuidelineError NotEditable = new("guideline.not-editable");

    public static readonly GuidelineError NotInConsultation = new("guideline.not-in-consultation");

    public static readonly GuidelineError Withdrawn = new("guideline.comment-withdrawn");
}

/// <summary>
/// A guideline for the platform's relations with other cooperation bodies (work plan para 68): a stable
/// slug, its purpose in the four languages and its numbered versions. The rules that span versions (one
/// consultation at a time, one published version) are kept here.
/// </summary>
public sealed class Guideline
{
    public Guid Id { get; init; }

    /// <summary>The stable name in its address: "relations-with-bodies".</summary>
    public required string Slug { get; init; }

    public required LocalizedText Purpose { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public ICollection<GuidelineVersion> Versions { get; init; } = [];

    public GuidelineVersion? Latest => Versions.MaxBy(v => v.Number);

    public GuidelineVersion? Published => Versions.FirstOrDefault(v => v.Status == GuidelineStatus.Published);

    public GuidelineVersion? Version(int number) => Versions.FirstOrDefault(v => v.Number == number);

    /// <summary>A new draft, numbered after the latest and starting as a copy of it.</summary>
    public GuidelineVersion NewVersion(Guid? by, DateTimeOffset at)
    {
        var latest = Latest;
        var version = new GuidelineVersion
        {
            Id = Guid.NewGuid(),
            GuidelineId = Id,
            Number = (latest?.Number ?? 0) + 1,
            Title = latest is null ? LocalizedText.Of(null, null, null, null) : Copy(latest.Title),
            Body = latest is null ? LocalizedText.Of(null, null, null, null) : Copy(latest.Body),
            CreatedById = by,
            CreatedAt = at,
            UpdatedAt = at,
        };
        Versions.Add(version);
        return version;
    }

    /// <summary>Opens the consultation on a draft; refused while another version is in consultation.</summary>
    public GuidelineError? StartConsultation(GuidelineVersion version, DateTimeOffset at)
    {
        if (version.Status != GuidelineStatus.Draft)
        {
            return GuidelineError.IllegalTransition;
        }

        if (Versions.Any(v => v.Status == GuidelineStatus.InConsultation))
        {
            return GuidelineError.ConsultationOpen;
        }

        version.Status = GuidelineStatus.InConsultation;
        version.ConsultationStartedAt = at;
        version.UpdatedAt = at;
        return null;
    }

    /// <summary>Publishes an approved version; the one published before is superseded and stays in the history.</summary>
    public GuidelineError? Publish(GuidelineVersion version, DateTimeOffset at)
    {
        if (version.Status != GuidelineStatus.Approved)
        {
            return GuidelineError.IllegalTransition;
        }

        foreach (var previous in Versions.Where(v => v.Status == GuidelineStatus.Published))
        {
            previous.Status = GuidelineStatus.Superseded;
            previous.SupersededAt = at;
            previous.UpdatedAt = at;
        }

        version.Status = GuidelineStatus.Published;
        version.PublishedAt = at;
        version.UpdatedAt = at;
        return null;
    }

    private static LocalizedText Copy(LocalizedText text) => LocalizedText.Of(text.Es, text.En, text.Pt, text.Fr);
}

/// <summary>
/// One numbered version of a guideline: its title and Markdown body in the four languages, who wrote it,
/// and the record of the working group's approval.
/// </summary>
public sealed class GuidelineVersion
{
    public Guid Id { get; init; }

    public Guid GuidelineId { get; init; }

    public int Number { get; init; }

    public GuidelineStatus Status { get; internal set; }

    public required LocalizedText Title { get; set; }

    /// <summary>Markdown, raw HTML off when shown.</summary>
    public required LocalizedText Body { get; set; }

    public Guid? CreatedById { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ConsultationStartedAt { get; internal set; }

    /// <summary>The secretariat user who recorded the working group's approval.</summary>
    public Guid? ApprovalRecordedById { get; private set; }

    public string? ApprovalRecordedBy { get; private set; }

    public DateTimeOffset? ApprovalRecordedAt { get; private set; }

    /// <summary>The meeting that approved it: its name, place or reference.</summary>
    public string? ApprovalMeeting { get; private set; }

    public DateOnly? ApprovalMeetingDate { get; private set; }

    public string? ApprovalNote { get; private set; }

    public DateTimeOffset? PublishedAt { get; internal set; }

    public DateTimeOffset? SupersededAt { get; internal set; }

    /// <summary>Published or superseded: read by everyone.</summary>
    public bool IsPublic => Status is GuidelineStatus.Published or GuidelineStatus.Superseded;

    public bool IsEditable => Status == GuidelineStatus.Draft;

    /// <summary>Closes the consultation without approval, back to a draft that may be changed.</summary>
    public GuidelineError? ReturnToDraft(DateTimeOffset at)
    {
        if (Status != GuidelineStatus.InConsultation)
        {
            return GuidelineError.IllegalTransition;
        }

        Status = GuidelineStatus.Draft;
        UpdatedAt = at;
        return null;
    }

    /// <summary>Records the working group's approval of the version in consultation: who recorded it, when, at which meeting.</summary>
    public GuidelineError? Approve(Guid? by, string byName, DateTimeOffset at, string meeting, DateOnly? meetingDate, string? note)
    {
        if (Status != GuidelineStatus.InConsultation)
        {
            return GuidelineError.IllegalTransition;
        }

        Status = GuidelineStatus.Approved;
        ApprovalRecordedById = by;
        ApprovalRecordedBy = byName;
        ApprovalRecordedAt = at;
        ApprovalMeeting = meeting;
        ApprovalMeetingDate = meetingDate;
        ApprovalNote = string.IsNullOrWhiteSpace(note) ? null : note;
        UpdatedAt = at;
        return null;
    }

    /// <summary>Changes the text of a draft; refused once the consultation has opened.</summary>
    public GuidelineError? Rewrite(LocalizedText title, LocalizedText body, DateTimeOffset at)
    {
        if (!IsEditable)
        {
            return GuidelineError.NotEditable;
        }

        Title = title;
        Body = body;
        UpdatedAt = at;
        return null;
    }
}

/// <summary>
/// A comment on a version in consultation, optionally on one section or paragraph. The secretariat marks
/// it addressed; its author may withdraw it (kept, hidden: a soft delete) and restore it.
/// </summary>
public sealed class GuidelineComment
{
    public Guid Id { get; init; }

    public Guid VersionId { get; init; }

    public Guid AuthorId { get; init; }

    public required string AuthorName { get; init; }

    /// <summary>The section or paragraph it is about ("3", "Information sharing"); null for the whole text.</summary>
    public string? Section { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AddressedAt { get; private set; }

    public Guid? AddressedById { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public GuidelineError? MarkAddressed(Guid? by, DateTimeOffset at)
    {
        if (IsWithdrawn)
        {
            return GuidelineError.Withdrawn;
        }

        if (AddressedAt is not null)
        {
            return GuidelineError.IllegalTransition;
        }

        AddressedAt = at;
        AddressedById = by;
        return null;
    }

    public GuidelineError? Withdraw(DateTimeOffset at)
    {
        if (IsWithdrawn)
        {
            return GuidelineError.Withdrawn;
        }

        WithdrawnAt = at;
        return null;
    }

    /// <summary>Brings a withdrawn comment back.</summary>
    public GuidelineError? Restore()
    {
        if (!IsWithdrawn)
        {
            return GuidelineError.IllegalTransition;
        }

        WithdrawnAt = null;
        return null;
    }
}
