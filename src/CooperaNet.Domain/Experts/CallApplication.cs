namespace CooperaNet.Domain.Experts;

/// <summary>Where an application is in vetting: received → shortlisted → interviewed → approved, or rejected on the way.</summary>
public enum ApplicationStatus
{
    /// <summary>Sent by the expert.</summary>
    Received = 0,

    /// <summary>Kept for an interview.</summary>
    Shortlisted = 1,

    /// <summary>Interviewed; waiting for the decision.</summary>
    Interviewed = 2,

    /// <summary>Approved: the expert is in the roster.</summary>
    Approved = 3,

    /// <summary>Rejected, with a reason.</summary>
    Rejected = 4,
}

/// <summary>The criteria evaluators score, each from 1 (poor) to 5 (excellent).</summary>
/// <param name="ExpertiseFit">How the expertise fits what the call seeks.</param>
/// <param name="Experience">Years and relevance of experience.</param>
/// <param name="Languages">Command of the languages the work needs.</param>
/// <param name="Availability">Availability for the missions foreseen.</param>
public sealed record ReviewScores(int ExpertiseFit, int Experience, int Languages, int Availability)
{
    /// <summary>Lowest score.</summary>
    public const int Min = 1;

    /// <summary>Highest score.</summary>
    public const int Max = 5;

    /// <summary>The mean of the four scores.</summary>
    public double Mean => (ExpertiseFit + Experience + Languages + Availability) / 4.0;

    internal ExpertError? Check() =>
        Out(ExpertiseFit) ? ExpertError.ScoreRange("expertiseFit")
        : Out(Experience) ? ExpertError.ScoreRange("experience")
        : Out(Languages) ? ExpertError.ScoreRange("languages")
        : Out(Availability) ? ExpertError.ScoreRange("availability")
        : null;

    private static bool Out(int score) => score is < Min or > Max;
}

/// <summary>
/// One evaluator's review of an application: a score for each stated criterion, or a declared
/// conflict of interest with a note, in which case the evaluator gives no scores.
/// </summary>
public sealed class ApplicationReview
{
    /// <summary>Longest note or comment.</summary>
    public const int NoteMax = 2000;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The application.</summary>
    public Guid ApplicationId { get; init; }

    /// <summary>The evaluator (their sign-in name); one review each per application.</summary>
    public required string Evaluator { get; init; }

    /// <summary>Score for the fit of the expertise; null with a conflict of interest.</summary>
    public int? ExpertiseFit { get; init; }

    /// <summary>Score for the experience.</summary>
    public int? Experience { get; init; }

    /// <summary>Score for the languages.</summary>
    public int? Languages { get; init; }

    /// <summary>Score for the availability.</summary>
    public int? Availability { get; init; }

    /// <summary>The scores; null when the evaluator declared a conflict of interest.</summary>
    public ReviewScores? Scores => ExpertiseFit is { } fit && Experience is { } experience && Languages is { } languages && Availability is { } availability
        ? new ReviewScores(fit, experience, languages, availability)
        : null;

    /// <summary>True when the evaluator declared a conflict of interest and stood aside.</summary>
    public bool ConflictOfInterest { get; init; }

    /// <summary>The conflict declared, or a comment on the scores.</summary>
    public string? Note { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// An expert's application to a call, vetted by the secretariat. Each move returns an
/// <see cref="ExpertError"/> instead of changing anything when it is not allowed; approval puts the
/// expert in the roster.
/// </summary>
public sealed class CallApplication
{
    /// <summary>Longest motivation.</summary>
    public const int MotivationMax = 4000;

    /// <summary>Longest reason for a rejection.</summary>
    public const int ReasonMax = 1000;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The call.</summary>
    public Guid CallId { get; init; }

    /// <summary>The expert's profile.</summary>
    public Guid ExpertId { get; init; }

    /// <summary>Why the expert applies, in their words.</summary>
    public required string Motivation { get; init; }

    /// <summary>Where it is in vetting.</summary>
    public ApplicationStatus Status { get; private set; }

    /// <summary>Why it was rejected.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>Sent.</summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Last moved.</summary>
    public DateTimeOffset UpdatedAt { get; internal set; }

    /// <summary>Approved or rejected.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Who approved or rejected it.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>Optimistic concurrency: two decisions at once cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>The evaluators' reviews.</summary>
    public ICollection<ApplicationReview> Reviews { get; init; } = [];

    /// <summary>True once approved or rejected.</summary>
    public bool IsDecided => Status is ApplicationStatus.Approved or ApplicationStatus.Rejected;

    /// <summary>The mean of the scored reviews (conflicts left out), or null when none is scored.</summary>
    public double? MeanScore
    {
        get
        {
            var scored = Reviews.Select(r => r.Scores).OfType<ReviewScores>().ToList();
            return scored.Count == 0 ? null : scored.Average(s => s.Mean);
        }
    }

    /// <summary>Received → shortlisted.</summary>
    public ExpertError? Shortlist(DateTimeOffset at) => Move(ApplicationStatus.Received, ApplicationStatus.Shortlisted, at);

    /// <summary>Shortlisted → interviewed.</summary>
    public ExpertError? RecordInterview(DateTimeOffset at) => Move(ApplicationStatus.Shortlisted, ApplicationStatus.Interviewed, at);

    /// <summary>Interviewed → approved: <paramref name="expert"/> (this application's) joins the roster.</summary>
    public ExpertError? Approve(ExpertProfile expert, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(expert);
        if (expert.Id != ExpertId)
        {
            return ExpertError.WrongExpert;
        }

        var error = Move(ApplicationStatus.Interviewed, ApplicationStatus.Approved, at);
        if (error is null)
        {
            Decide(by, at);
            expert.JoinRoster(at);
        }

        return error;
    }

    /// <summary>Any stage before the decision → rejected, with a reason the expert reads.</summary>
    public ExpertError? Reject(string reason, string by, DateTimeOffset at)
    {
        if (ExpertError.Text("reason", reason, ReasonMax) is { } invalid)
        {
            return invalid;
        }

        if (IsDecided)
        {
            return ExpertError.IllegalTransition;
        }

        Status = ApplicationStatus.Rejected;
        RejectionReason = reason.Trim();
        Decide(by, at);
        UpdatedAt = at;
        Version++;
        return null;
    }

    /// <summary>An evaluator scores the stated criteria (1 to 5 each), with an optional comment; once per evaluator, before the decision.</summary>
    public ExpertError? Review(Guid reviewId, string evaluator, ReviewScores scores, string? comment, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if ((scores.Check() ?? ExpertError.Text("note", comment, ApplicationReview.NoteMax, required: false)) is { } invalid)
        {
            return invalid;
        }

        return AddReview(new ApplicationReview { Id = reviewId, ApplicationId = Id, Evaluator = evaluator, ExpertiseFit = scores.ExpertiseFit, Experience = scores.Experience, Languages = scores.Languages, Availability = scores.Availability, Note = Clean(comment), At = at });
    }

    /// <summary>An evaluator declares a conflict of interest, saying what it is, and gives no scores; once per evaluator, before the decision.</summary>
    public ExpertError? DeclareConflict(Guid reviewId, string evaluator, string note, DateTimeOffset at)
    {
        if (ExpertError.Text("note", note, ApplicationReview.NoteMax) is { } invalid)
        {
            return invalid;
        }

        return AddReview(new ApplicationReview { Id = reviewId, ApplicationId = Id, Evaluator = evaluator, ConflictOfInterest = true, Note = Clean(note), At = at });
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private ExpertError? AddReview(ApplicationReview review)
    {
        if (string.IsNullOrWhiteSpace(review.Evaluator))
        {
            return ExpertError.Required("evaluator");
        }

        if (IsDecided)
        {
            return ExpertError.IllegalTransition;
        }

        if (Reviews.Any(r => string.Equals(r.Evaluator, review.Evaluator, StringComparison.OrdinalIgnoreCase)))
        {
            return ExpertError.AlreadyReviewed;
        }

        Reviews.Add(review);
        return null;
    }

    private void Decide(string by, DateTimeOffset at)
    {
        DecidedAt = at;
        DecidedBy = by;
    }

    private ExpertError? Move(ApplicationStatus from, ApplicationStatus to, DateTimeOffset at)
    {
        if (Status != from)
        {
            return ExpertError.IllegalTransition;
        }

        Status = to;
        UpdatedAt = at;
        Version++;
        return null;
    }
}
