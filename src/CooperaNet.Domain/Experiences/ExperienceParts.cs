namespace CooperaNet.Domain.Experiences;

/// <summary>The kinds of experience the exchange publishes.</summary>
public enum ExperienceKind
{
    /// <summary>A documented case: context, what was done, results.</summary>
    CaseStudy = 0,

    /// <summary>Cooperation that reached its goals, told to show its impact.</summary>
    SuccessStory = 1,

    /// <summary>A participant's own words.</summary>
    Testimonial = 2,

    /// <summary>What went wrong or could be done better, and what was learned.</summary>
    LessonLearned = 3,

    /// <summary>A way of working others can take up.</summary>
    GoodPractice = 4,
}

/// <summary>draft → in review → published; the secretariat may return one to draft with a comment.</summary>
public enum ExperienceStatus
{
    /// <summary>Being written; returned experiences come back here.</summary>
    Draft = 0,

    /// <summary>Waiting for the secretariat.</summary>
    InReview = 1,

    /// <summary>Public.</summary>
    Published = 2,
}

/// <summary>Who wrote an experience.</summary>
public enum ExperienceAuthorRole
{
    /// <summary>A focal point of a member state's cooperation authority.</summary>
    FocalPoint = 0,

    /// <summary>An expert.</summary>
    Expert = 1,

    /// <summary>A partner organisation.</summary>
    Partner = 2,

    /// <summary>The AICD secretariat.</summary>
    Secretariat = 3,
}

/// <summary>The moves of an experience's life cycle.</summary>
public enum ExperienceTransition
{
    /// <summary>Draft to in review.</summary>
    Submit = 0,

    /// <summary>In review to published (secretariat).</summary>
    Publish = 1,

    /// <summary>In review or published back to draft, with a comment (secretariat).</summary>
    Return = 2,

    /// <summary>Hidden, whatever the status.</summary>
    Delete = 3,

    /// <summary>A deleted experience back as it was (secretariat).</summary>
    Restore = 4,
}

/// <summary>Why a change to an experience was refused.</summary>
/// <param name="Code">A stable code, mapped to a message in the reader's language.</param>
public sealed record ExperienceError(string Code)
{
    /// <summary>The move is not allowed from the current status.</summary>
    public static readonly ExperienceError IllegalTransition = new("experience.illegal-transition");

    /// <summary>Returning needs a comment saying what to change.</summary>
    public static readonly ExperienceError CommentRequired = new("experience.comment-required");

    /// <summary>Only drafts can be changed by their author.</summary>
    public static readonly ExperienceError NotEditable = new("experience.not-editable");

    /// <summary>The experience is deleted.</summary>
    public static readonly ExperienceError Deleted = new("experience.deleted");

    /// <summary>Only deleted experiences can be restored.</summary>
    public static readonly ExperienceError NotDeleted = new("experience.not-deleted");

    /// <summary>A translation must be into another of the four languages.</summary>
    public static readonly ExperienceError TranslationLanguage = new("experience.translation-language");
}

/// <summary>
/// The experience in another official language, typed by a person (never machine-made): who entered it
/// and when are kept with it.
/// </summary>
public sealed class ExperienceTranslation
{
    public Guid ExperienceId { get; init; }

    /// <summary>es, en, pt or fr.</summary>
    public required string Language { get; init; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>Markdown, like the original.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>The user who entered it.</summary>
    public Guid TranslatedById { get; set; }

    /// <summary>Their name at the time.</summary>
    public required string TranslatedBy { get; set; }

    /// <summary>When it was entered or last changed.</summary>
    public DateTimeOffset TranslatedAt { get; set; }
}

/// <summary>A member state an experience is about.</summary>
public sealed class ExperienceState
{
    public Guid ExperienceId { get; init; }

    /// <summary>Alpha-2 code.</summary>
    public required string StateCode { get; init; }
}

/// <summary>A DAC sector of an experience.</summary>
public sealed class ExperienceSector
{
    public Guid ExperienceId { get; init; }

    /// <summary>5-digit DAC code.</summary>
    public required string SectorCode { get; init; }
}

/// <summary>An SDG goal ("6") or target ("6.1") of an experience.</summary>
public sealed class ExperienceSdg
{
    public Guid ExperienceId { get; init; }

    /// <summary>Goal number or target code.</summary>
    public required string Code { get; init; }
}

/// <summary>
/// An image of an experience, as stored after upload: decoded, scaled to at most
/// <see cref="MaxSide"/> pixels and re-encoded, so no metadata of the original (GPS, camera) survives.
/// </summary>
public sealed class ExperienceImage
{
    /// <summary>Largest accepted upload: 8 MB.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Longest side kept, in pixels.</summary>
    public const int MaxSide = 1600;

    /// <summary>Longest alternative text.</summary>
    public const int AltMax = 300;

    public Guid Id { get; init; }

    public Guid ExperienceId { get; init; }

    /// <summary>What the image shows, for those who cannot see it; required.</summary>
    public required string AltText { get; set; }

    /// <summary>image/jpeg, image/png or image/webp.</summary>
    public required string ContentType { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public int Size { get; init; }

    /// <summary>The re-encoded image.</summary>
    public required byte[] Content { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>When it was taken off: kept, so the secretariat can put it back.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>A PDF of an experience (report, brochure), checked by its content like the catalog's.</summary>
public sealed class ExperienceAttachment
{
    public Guid Id { get; init; }

    public Guid ExperienceId { get; init; }

    /// <summary>The name the author gave the file, cleaned of any path.</summary>
    public required string FileName { get; init; }

    public int Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }

    public required byte[] Content { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>When it was taken off: kept, so the secretariat can put it back.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
