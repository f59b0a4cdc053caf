using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;

namespace CooperaNet.Web.Features.Experts;

/// <summary>A call as the secretariat writes it; the names are the API's. Codes are DAC sectors, ISO 639-1 languages and ISO alpha-2 countries.</summary>
public sealed record CallInput(
    string? Title,
    string? Description,
    string? Language,
    IReadOnlyList<string>? Sectors,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Countries,
    string? PriorityArea,
    DateTimeOffset? Deadline)
{
    public CallDetails ToDetails() =>
        new(Title ?? string.Empty, Description ?? string.Empty, Language ?? string.Empty, Sectors ?? [], Languages ?? [], Countries ?? [], PriorityArea, Deadline);
}

/// <summary>An expert's application: why they apply.</summary>
public sealed record ApplyInput(string? Motivation);

/// <summary>A vetting move: shortlist, interview, approve or reject (with a reason).</summary>
public sealed record MoveInput(string? Move, string? Reason);

/// <summary>An evaluator's review: the four scores (1 to 5) and a comment, or a declared conflict of interest with its note.</summary>
public sealed record ReviewInput(int? ExpertiseFit, int? Experience, int? Languages, int? Availability, string? Comment, bool ConflictOfInterest = false, string? Note = null);

/// <summary>A call as the API shows it.</summary>
public sealed record CallView(
    Guid Id,
    string Title,
    string Description,
    string Language,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Countries,
    string? PriorityArea,
    DateTimeOffset? Deadline,
    string Status,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt)
{
    public static CallView Of(ExpertCall call) => new(
        call.Id, call.Title, call.Description, call.Language, call.Sectors, call.Languages, call.Countries, call.PriorityArea,
        call.Deadline, CallNames.NameOf(call.Status), call.PublishedAt, call.ClosedAt);
}

/// <summary>An application as the secretariat vets it: the expert, where it is, the reviews counted and the mean score.</summary>
public sealed record ApplicationView(
    Guid Id,
    Guid ExpertId,
    string ExpertName,
    string Status,
    DateTimeOffset SubmittedAt,
    int Reviews,
    int Conflicts,
    double? MeanScore,
    string? RejectionReason)
{
    public static ApplicationView Of(ApplicationSummary a) =>
        new(a.Id, a.ExpertId, a.ExpertName, CallNames.NameOf(a.Status), a.SubmittedAt, a.Reviews, a.Conflicts, a.MeanScore, a.RejectionReason);
}

/// <summary>An application as its expert reads it: the call and where it is, never the reviews or who wrote them.</summary>
public sealed record MyApplicationView(Guid Id, Guid CallId, string CallTitle, string CallLanguage, string Status, DateTimeOffset SubmittedAt, string? RejectionReason);

/// <summary>The names of the statuses and moves in requests and responses.</summary>
public static class CallNames
{
    public static readonly IReadOnlyDictionary<string, ApplicationMove> Moves = Enum.GetValues<ApplicationMove>()
        .ToDictionary(m => m.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlyDictionary<string, CallStatus> Statuses = Enum.GetValues<CallStatus>()
        .ToDictionary(s => s.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    public static string NameOf(CallStatus status) => status.ToString().ToLowerInvariant();

    public static string NameOf(ApplicationStatus status) => status.ToString().ToLowerInvariant();

    public static string NameOf(ApplicationMove move) => move.ToString().ToLowerInvariant();
}
