namespace CooperaNet.Domain.Experts;

/// <summary>Where a call for experts is: draft → published → closed.</summary>
public enum CallStatus
{
    /// <summary>Being written by the secretariat.</summary>
    Draft = 0,

    /// <summary>Public: experts apply until the deadline.</summary>
    Published = 1,

    /// <summary>No more applications; vetting goes on.</summary>
    Closed = 2,
}

/// <summary>What the secretariat writes in a call: the texts, what expertise it seeks, and until when.</summary>
/// <param name="Title">Title, in <paramref name="Language"/>.</param>
/// <param name="Description">What the experts would do, in <paramref name="Language"/>.</param>
/// <param name="Language">es, en, pt or fr.</param>
/// <param name="Sectors">Five-digit DAC codes sought (at least one).</param>
/// <param name="Languages">ISO 639-1 codes of the languages the work needs.</param>
/// <param name="Countries">ISO alpha-2 codes of the states the work is for.</param>
/// <param name="PriorityArea">The priority area the call came from, as the secretariat names it; optional.</param>
/// <param name="Deadline">Last moment to apply; needed to publish.</param>
public sealed record CallDetails(
    string Title,
    string Description,
    string Language,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Countries,
    string? PriorityArea,
    DateTimeOffset? Deadline);

/// <summary>
/// A call for experts: the secretariat opens it (often from a priority area, whose sectors, languages
/// and countries it starts from), publishes it with a deadline, and experts apply until then. Each
/// move returns an <see cref="ExpertError"/> instead of changing anything when it is not allowed.
/// </summary>
public sealed class ExpertCall
{
    /// <summary>Longest title.</summary>
    public const int TitleMax = 200;

    /// <summary>Longest description.</summary>
    public const int DescriptionMax = 8000;

    /// <summary>Longest priority-area reference.</summary>
    public const int PriorityAreaMax = 200;

    /// <summary>Most sectors, languages or countries.</summary>
    public const int MaxCodes = 20;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>Title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Description.</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>The language of the texts.</summary>
    public string Language { get; private set; } = CooperaNet.Domain.Languages.Default;

    /// <summary>DAC sectors sought.</summary>
    public List<string> Sectors { get; private set; } = [];

    /// <summary>Languages the work needs.</summary>
    public List<string> Languages { get; private set; } = [];

    /// <summary>States the work is for.</summary>
    public List<string> Countries { get; private set; } = [];

    /// <summary>The priority area it came from.</summary>
    public string? PriorityArea { get; private set; }

    /// <summary>Last moment to apply.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    /// <summary>Where it is.</summary>
    public CallStatus Status { get; private set; }

    /// <summary>Who opened it.</summary>
    public string CreatedBy { get; init; } = string.Empty;

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Closed.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Opens a draft call; refused when the details are not valid.</summary>
    public static (ExpertCall? Call, ExpertError? Error) Open(Guid id, CallDetails details, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Check(details) is { } error)
        {
            return (null, error);
        }

        var call = new ExpertCall { Id = id, CreatedBy = by, CreatedAt = at };
        call.Write(details, at);
        return (call, null);
    }

    /// <summary>True when an expert may apply at <paramref name="at"/>: published and before the deadline.</summary>
    public bool IsOpenForApplications(DateTimeOffset at) => Status == CallStatus.Published && Deadline is { } deadline && at < deadline;

    /// <summary>Changes a draft or published call; a published one keeps a deadline after now.</summary>
    public ExpertError? Edit(CallDetails details, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status == CallStatus.Closed)
        {
            return ExpertError.IllegalTransition;
        }

        if (Check(details) is { } error)
        {
            return error;
        }

        if (Status == CallStatus.Published && (details.Deadline is not { } deadline || deadline <= at))
        {
            return ExpertError.DeadlinePast;
        }

        Write(details, at);
        return null;
    }

    /// <summary>Makes a draft public; it needs a deadline after <paramref name="at"/>.</summary>
    public ExpertError? Publish(DateTimeOffset at)
    {
        if (Status != CallStatus.Draft)
        {
            return ExpertError.IllegalTransition;
        }

        if (Deadline is not { } deadline)
        {
            return ExpertError.Required("deadline");
        }

        if (deadline <= at)
        {
            return ExpertError.DeadlinePast;
        }

        Status = CallStatus.Published;
        PublishedAt = at;
        UpdatedAt = at;
        return null;
    }

    /// <summary>Stops taking applications (at or before the deadline); vetting of those received goes on.</summary>
    public ExpertError? Close(DateTimeOffset at)
    {
        if (Status != CallStatus.Published)
        {
            return ExpertError.IllegalTransition;
        }

        Status = CallStatus.Closed;
        ClosedAt = at;
        UpdatedAt = at;
        return null;
    }

    /// <summary>The application of <paramref name="expertId"/>, received now; refused when the call is not open or the motivation is missing.</summary>
    public (CallApplication? Application, ExpertError? Error) Apply(Guid applicationId, Guid expertId, string motivation, DateTimeOffset at)
    {
        if (!IsOpenForApplications(at))
        {
            return (null, ExpertError.CallNotOpen);
        }

        if (ExpertError.Text("motivation", motivation, CallApplication.MotivationMax) is { } error)
        {
            return (null, error);
        }

        return (new CallApplication
        {
            Id = applicationId,
            CallId = Id,
            ExpertId = expertId,
            Motivation = motivation.Trim(),
            SubmittedAt = at,
            UpdatedAt = at,
        }, null);
    }

    private static ExpertError? Check(CallDetails details) =>
        ExpertError.Text("title", details.Title, TitleMax)
        ?? ExpertError.Text("description", details.Description, DescriptionMax)
        ?? ExpertError.Text("priorityArea", details.PriorityArea, PriorityAreaMax, required: false)
        ?? (!CooperaNet.Domain.Languages.IsSupported(details.Language) ? ExpertError.Invalid("language") : null)
        ?? (details.Sectors.Count == 0 ? ExpertError.Required("sectors") : null)
        ?? Codes("sectors", details.Sectors, c => c.Length == 5 && c.All(char.IsAsciiDigit))
        ?? Codes("languages", details.Languages, c => c.Length == 2 && c.All(char.IsAsciiLetter))
        ?? Codes("countries", details.Countries, c => c.Length == 2 && c.All(char.IsAsciiLetter));

    private static ExpertError? Codes(string field, IReadOnlyList<string> codes, Func<string, bool> valid) =>
        codes.Count > MaxCodes ? ExpertError.TooLong(field)
        : codes.Any(c => c is null || !valid(c.Trim())) ? ExpertError.Invalid(field)
        : null;

    private void Write(CallDetails details, DateTimeOffset at)
    {
        Title = details.Title.Trim();
        Description = details.Description.Trim();
        Language = details.Language.ToLowerInvariant();
        Sectors = [.. details.Sectors.Select(c => c.Trim()).Distinct(StringComparer.Ordinal)];
        Languages = [.. details.Languages.Select(c => c.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        Countries = [.. details.Countries.Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal)];
        PriorityArea = string.IsNullOrWhiteSpace(details.PriorityArea) ? null : details.PriorityArea.Trim();
        Deadline = details.Deadline;
        UpdatedAt = at;
    }
}
