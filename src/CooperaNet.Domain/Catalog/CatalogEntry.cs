namespace CooperaNet.Domain.Catalog;

/// <summary>An offer (a capacity a member state can share) or a demand (a need it has).</summary>
public enum EntryKind
{
    /// <summary>What a state can give.</summary>
    Offer = 0,

    /// <summary>What a state needs.</summary>
    Demand = 1,
}

/// <summary>Where an entry is in its life: draft → submitted → published → closed or withdrawn.</summary>
public enum EntryStatus
{
    /// <summary>Being written by its state; returned entries come back here.</summary>
    Draft = 0,

    /// <summary>Waiting for the secretariat.</summary>
    Submitted = 1,

    /// <summary>Public.</summary>
    Published = 2,

    /// <summary>Done: fulfilled or expired.</summary>
    Closed = 3,

    /// <summary>Taken back by its state.</summary>
    Withdrawn = 4,
}

/// <summary>The form cooperation takes.</summary>
public enum Modality
{
    /// <summary>Technical assistance.</summary>
    TechnicalAssistance = 0,

    /// <summary>Expert mission.</summary>
    ExpertMission = 1,

    /// <summary>Training course.</summary>
    TrainingCourse = 2,

    /// <summary>Internship.</summary>
    Internship = 3,

    /// <summary>Study visit.</summary>
    StudyVisit = 4,

    /// <summary>Exchange of experiences.</summary>
    ExchangeOfExperiences = 5,

    /// <summary>Scholarship.</summary>
    Scholarship = 6,

    /// <summary>Anything else.</summary>
    Other = 7,
}

/// <summary>The moves of an entry's life cycle, as the API and the pages name them.</summary>
public enum EntryTransition
{
    /// <summary>Draft to submitted.</summary>
    Submit = 0,

    /// <summary>Submitted to published (secretariat).</summary>
    Publish = 1,

    /// <summary>Submitted or published back to draft, with a comment (secretariat).</summary>
    Return = 2,

    /// <summary>Draft, submitted or published to withdrawn.</summary>
    Withdraw = 3,

    /// <summary>Published to closed.</summary>
    Close = 4,

    /// <summary>Hidden, whatever the status.</summary>
    Delete = 5,

    /// <summary>A deleted entry back as it was (secretariat).</summary>
    Restore = 6,
}

/// <summary>Why a change to an entry was refused.</summary>
/// <param name="Code">A stable code, mapped to a message in the reader's language.</param>
public sealed record EntryError(string Code)
{
    /// <summary>The transition is not allowed from the entry's current status.</summary>
    public static readonly EntryError IllegalTransition = new("entry.illegal-transition");

    /// <summary>Returning an entry needs a comment saying what to change.</summary>
    public static readonly EntryError CommentRequired = new("entry.comment-required");

    /// <summary>Only drafts and returned entries can be edited by their state.</summary>
    public static readonly EntryError NotEditable = new("entry.not-editable");

    /// <summary>The entry is deleted.</summary>
    public static readonly EntryError Deleted = new("entry.deleted");

    /// <summary>Only deleted entries can be restored.</summary>
    public static readonly EntryError NotDeleted = new("entry.not-deleted");
}

/// <summary>A text of the entry in another language, entered by its author.</summary>
public sealed class EntryTranslation
{
    /// <summary>The entry.</summary>
    public Guid EntryId { get; init; }

    /// <summary>es, en, pt or fr.</summary>
    public required string Language { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; set; }

    /// <summary>Summary.</summary>
    public required string Summary { get; set; }

    /// <summary>Description.</summary>
    public string Description { get; set; } = string.Empty;
}

/// <summary>A DAC sector of an entry.</summary>
public sealed class EntrySector
{
    /// <summary>The entry.</summary>
    public Guid EntryId { get; init; }

    /// <summary>5-digit DAC code.</summary>
    public required string SectorCode { get; init; }
}

/// <summary>An SDG goal ("6") or target ("6.1") of an entry.</summary>
public sealed class EntrySdg
{
    /// <summary>The entry.</summary>
    public Guid EntryId { get; init; }

    /// <summary>Goal number or target code.</summary>
    public required string Code { get; init; }
}

/// <summary>A normalized search term of an entry (see CooperaNet.Application's search indexer).</summary>
public sealed class EntrySearchTerm
{
    /// <summary>The entry.</summary>
    public Guid EntryId { get; init; }

    /// <summary>Folded, stemmed token.</summary>
    public required string Term { get; init; }
}

/// <summary>A PDF attached to an entry (terms of reference, programme, brochure).</summary>
public sealed class EntryAttachment
{
    /// <summary>The only type accepted.</summary>
    public const string PdfContentType = "application/pdf";

    /// <summary>Largest accepted file: 5 MB.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The entry.</summary>
    public Guid EntryId { get; init; }

    /// <summary>The name the author gave the file, cleaned of any path.</summary>
    public required string FileName { get; init; }

    /// <summary>Size in bytes.</summary>
    public int Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file itself.</summary>
    public required byte[] Content { get; init; }

    /// <summary>When it was attached.</summary>
    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>When it was removed from the entry: the file is kept, so the secretariat can put it back.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>True when <paramref name="content"/> is a PDF by its signature, whatever its name says.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) => UploadedFiles.IsPdf(content);
}
