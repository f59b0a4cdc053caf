using CooperaNet.Application.Catalog;
using CooperaNet.Web.Features.Catalog;

namespace CooperaNet.Web.Features.FollowUp;

/// <summary>A campaign as written: the invitation always goes first; the reminders are optional.</summary>
public sealed record CampaignInput(
    string? Name,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string? Target,
    string? Subregion,
    string? States,
    string? MessageEs,
    string? MessageEn,
    string? MessagePt,
    string? MessageFr,
    int? ReminderDays,
    int? FinalReminderDays);

public sealed record SessionInput(string? Title, string? Kind, DateOnly? HeldOn, string? States);

public sealed record AttendanceInput(IReadOnlyList<string>? Attended);

public sealed record FollowUpEntryInput(string? Kind, DateOnly? OccurredOn, string? Note, string? NextStep, DateOnly? NextStepDue);

public sealed record InvitationInput(string? Email, string? State, string? Language);

/// <summary>What a write came to: done (with the id), or refused and why.</summary>
public sealed record FollowUpResult(EntryRefusal Refusal, Guid? Id = null, IReadOnlyList<FieldError>? Errors = null, string? Conflict = null)
{
    public static FollowUpResult Done(Guid id) => new(EntryRefusal.None, id);

    public static readonly FollowUpResult NotFound = new(EntryRefusal.NotFound);

    public static readonly FollowUpResult Forbidden = new(EntryRefusal.Forbidden);

    public static FollowUpResult Invalid(IReadOnlyList<FieldError> errors) => new(EntryRefusal.Invalid, Errors: errors);

    public static FollowUpResult Refused(string code) => new(EntryRefusal.Conflict, Conflict: code);
}

/// <summary>Enum values as pages and API name them: FinalReminder ↔ "final-reminder".</summary>
public static class FollowUpNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => Crossing.PairEndpoints.Name(value.ToString());

    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(name)
            && !name.Any(char.IsDigit)
            && Enum.TryParse(name.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Of)];
}

public sealed record CampaignRow(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, string Target, string Status, int Deliveries);

public sealed record StepView(int Number, string Kind, int DaysWithoutActivity);

public sealed record StateDeliveries(string State, string StateName, bool PublishedSinceStart, IReadOnlyList<int> StepsSent, DateTimeOffset? LastSentAt, int Recipients);

public sealed record CampaignView(
    Guid Id,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Target,
    string? Subregion,
    IReadOnlyList<string> States,
    IReadOnlyDictionary<string, string> Message,
    IReadOnlyList<StepView> Steps,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<StateDeliveries> Deliveries);

public sealed record InviteeView(string State, string StateName, bool Attended);

public sealed record SessionView(Guid Id, string Title, string Kind, DateOnly HeldOn, IReadOnlyList<InviteeView> Invited, int Attended);

public sealed record InvitationView(Guid Id, string Email, string State, string Language, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, string Status);

public sealed record FollowUpEntryView(Guid Id, string State, string StateName, string Kind, DateOnly OccurredOn, string Note, string? NextStep, DateOnly? NextStepDue, bool Done, bool Overdue);

public sealed record StateLogView(string State, string StateName, IReadOnlyList<FollowUpEntryView> Entries);
