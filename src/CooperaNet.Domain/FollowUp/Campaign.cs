namespace CooperaNet.Domain.FollowUp;

/// <summary>Where a campaign is: written, sending, or over.</summary>
public enum CampaignStatus
{
    /// <summary>Being written; nothing is sent.</summary>
    Draft = 0,

    /// <summary>Its steps are sent as they fall due.</summary>
    Running = 1,

    /// <summary>Over; nothing more is sent.</summary>
    Ended = 2,
}

/// <summary>Which member states a campaign speaks to.</summary>
public enum CampaignTarget
{
    /// <summary>Every member state.</summary>
    All = 0,

    /// <summary>States that have never published an offer or a demand.</summary>
    Inactive = 1,

    /// <summary>The states of one UN M49 subregion.</summary>
    Subregion = 2,

    /// <summary>A list of states.</summary>
    States = 3,
}

/// <summary>The kinds of message of a campaign, in the order they go.</summary>
public enum CampaignStepKind
{
    /// <summary>The first message, sent when the campaign starts.</summary>
    Invitation = 0,

    /// <summary>Sent when the state has published nothing for the step's number of days.</summary>
    Reminder = 1,

    /// <summary>The last reminder, on the same rule.</summary>
    FinalReminder = 2,
}

/// <summary>One message of a campaign.</summary>
public sealed class CampaignStep
{
    /// <summary>Position in the campaign, from 1.</summary>
    public int Number { get; init; }

    public CampaignStepKind Kind { get; init; }

    /// <summary>For reminders: days the state must have published nothing, counted from the campaign's start too.</summary>
    public int DaysWithoutActivity { get; init; }
}

/// <summary>
/// A socialisation campaign: a message in the four languages sent to the focal points of the targeted
/// states in steps (an invitation, then reminders to the states that stay quiet) while it runs.
/// A state that publishes an entry after the campaign started hears no more from it.
/// </summary>
public sealed class Campaign
{
    public const int NameMax = 200;

    public const int MessageMax = 4000;

    /// <summary>Longest wait a reminder may have.</summary>
    public const int MaxDays = 365;

    public Guid Id { get; init; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>First day of the campaign.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>Last day of the campaign; nothing is sent after it.</summary>
    public DateOnly EndsOn { get; private set; }

    public CampaignTarget Target { get; private set; }

    /// <summary>The subregion, when <see cref="Target"/> is <see cref="CampaignTarget.Subregion"/>.</summary>
    public string? Subregion { get; private set; }

    /// <summary>Alpha-2 codes separated by commas, when <see cref="Target"/> is <see cref="CampaignTarget.States"/>.</summary>
    public string TargetStates { get; private set; } = string.Empty;

    /// <summary>The message, in each language; every language is required.</summary>
    public LocalizedText Message { get; private set; } = new();

    public CampaignStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The steps, in the order they go.</summary>
    public List<CampaignStep> Steps { get; init; } = [];

    /// <summary>The listed states as codes.</summary>
    public IReadOnlyList<string> TargetStateList =>
        TargetStates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Creates a draft, or says what is wrong with it.</summary>
    public static (Campaign? Campaign, IReadOnlyList<FollowUpError> Errors) Draft(Guid id, CampaignDraft draft, DateTimeOffset at)
    {
        var campaign = new Campaign { Id = id, CreatedAt = at };
        var errors = campaign.Apply(draft);
        return errors.Count == 0 ? (campaign, errors) : (null, errors);
    }

    /// <summary>Changes a draft campaign.</summary>
    public IReadOnlyList<FollowUpError> Edit(CampaignDraft draft) =>
        Status != CampaignStatus.Draft ? [FollowUpError.NotEditable] : Apply(draft);

    /// <summary>Draft → running: its steps start falling due.</summary>
    public FollowUpError? Start(DateTimeOffset at)
    {
        if (Status != CampaignStatus.Draft)
        {
            return FollowUpError.IllegalTransition;
        }

        Status = CampaignStatus.Running;
        StartedAt = at;
        return null;
    }

    /// <summary>Running → ended: nothing more is sent.</summary>
    public FollowUpError? End(DateTimeOffset at)
    {
        if (Status != CampaignStatus.Running)
        {
            return FollowUpError.IllegalTransition;
        }

        Status = CampaignStatus.Ended;
        EndedAt = at;
        return null;
    }

    /// <summary>
    /// True when the campaign speaks to <paramref name="state"/>, of <paramref name="subregion"/>, whose
    /// first publication was <paramref name="firstPublishedAt"/> (inactive: none before the campaign started).
    /// </summary>
    public bool Targets(string state, string subregion, DateTimeOffset? firstPublishedAt) => Target switch
    {
        CampaignTarget.All => true,
        CampaignTarget.Inactive => firstPublishedAt is null || (StartedAt is { } started && firstPublishedAt >= started),
        CampaignTarget.Subregion => string.Equals(Subregion, subregion, StringComparison.Ordinal),
        _ => TargetStateList.Contains(state, StringComparer.Ordinal),
    };

    /// <summary>
    /// True when <paramref name="step"/> should go to a state at <paramref name="now"/>: the campaign is
    /// running and within its days; the state has published nothing since the campaign started; and,
    /// for a reminder, the campaign has run and the state has been quiet for the step's number of days.
    /// </summary>
    public bool IsDue(CampaignStep step, DateTimeOffset now, DateTimeOffset? lastPublishedAt)
    {
        if (Status != CampaignStatus.Running || StartedAt is not { } started)
        {
            return false;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today < StartsOn || today > EndsOn || lastPublishedAt >= started)
        {
            return false;
        }

        if (step.Kind == CampaignStepKind.Invitation)
        {
            return true;
        }

        var quiet = TimeSpan.FromDays(step.DaysWithoutActivity);
        return now - started >= quiet && (lastPublishedAt is null || now - lastPublishedAt >= quiet);
    }

    private List<FollowUpError> Apply(CampaignDraft draft)
    {
        var errors = new List<FollowUpError>();
        var name = draft.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(FollowUpError.Required("name"));
        }
        else if (name.Length > NameMax)
        {
            errors.Add(FollowUpError.TooLong("name"));
        }

        if (draft.EndsOn < draft.StartsOn)
        {
            errors.Add(FollowUpError.DatesOrder);
        }

        var states = draft.States.Select(s => s.Trim().ToUpperInvariant()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (draft.Target == CampaignTarget.Subregion && string.IsNullOrWhiteSpace(draft.Subregion))
        {
            errors.Add(FollowUpError.Required("subregion"));
        }

        if (draft.Target == CampaignTarget.States && states.Count == 0)
        {
            errors.Add(FollowUpError.Required("states"));
        }

        if (states.Any(s => s.Length != 2 || !s.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(FollowUpError.StateCodes);
        }

        var message = LocalizedText.Of(draft.Message.Es, draft.Message.En, draft.Message.Pt, draft.Message.Fr);
        foreach (var language in Languages.All)
        {
            var text = message.In(language);
            if (text is null)
            {
                errors.Add(FollowUpError.Required("message" + char.ToUpperInvariant(language[0]) + language[1]));
            }
            else if (text.Length > MessageMax)
            {
                errors.Add(FollowUpError.TooLong("message" + char.ToUpperInvariant(language[0]) + language[1]));
            }
        }

        errors.AddRange(CheckSteps(draft.Steps));
        if (errors.Count > 0)
        {
            return errors;
        }

        Name = name;
        StartsOn = draft.StartsOn;
        EndsOn = draft.EndsOn;
        Target = draft.Target;
        Subregion = draft.Target == CampaignTarget.Subregion ? draft.Subregion!.Trim() : null;
        TargetStates = draft.Target == CampaignTarget.States ? string.Join(',', states) : string.Empty;
        Message = message;
        Steps.Clear();
        Steps.AddRange(draft.Steps.Select((s, i) => new CampaignStep { Number = i + 1, Kind = s.Kind, DaysWithoutActivity = s.Kind == CampaignStepKind.Invitation ? 0 : s.DaysWithoutActivity }));
        return errors;
    }

    /// <summary>One invitation first, then reminders waiting longer each, the final reminder last.</summary>
    private static IEnumerable<FollowUpError> CheckSteps(IReadOnlyList<StepDraft> steps)
    {
        if (steps.Count == 0 || steps[0].Kind != CampaignStepKind.Invitation || steps.Skip(1).Any(s => s.Kind == CampaignStepKind.Invitation))
        {
            yield return FollowUpError.Steps;
            yield break;
        }

        var finals = steps.Count(s => s.Kind == CampaignStepKind.FinalReminder);
        if (finals > 1 || (finals == 1 && steps[^1].Kind != CampaignStepKind.FinalReminder))
        {
            yield return FollowUpError.Steps;
            yield break;
        }

        var previous = 0;
        foreach (var step in steps.Skip(1))
        {
            if (step.DaysWithoutActivity < 1 || step.DaysWithoutActivity > MaxDays || step.DaysWithoutActivity <= previous)
            {
                yield return FollowUpError.Steps;
                yield break;
            }

            previous = step.DaysWithoutActivity;
        }
    }
}

/// <summary>What the secretariat writes for a campaign.</summary>
public sealed record CampaignDraft(
    string? Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    CampaignTarget Target,
    string? Subregion,
    IReadOnlyList<string> States,
    LocalizedText Message,
    IReadOnlyList<StepDraft> Steps);

/// <summary>A step as written: its kind and, for reminders, the days without activity.</summary>
public sealed record StepDraft(CampaignStepKind Kind, int DaysWithoutActivity);
