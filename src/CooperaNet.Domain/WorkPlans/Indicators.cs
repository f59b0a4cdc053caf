namespace CooperaNet.Domain.WorkPlans;

/// <summary>What an indicator counts: a figure the platform computes from its data, or a value recorded with evidence.</summary>
public enum IndicatorMeasure
{
    /// <summary>A value recorded by a person, with a document or link as evidence.</summary>
    Recorded = 0,

    /// <summary>Member states with at least one offer or demand published.</summary>
    StatesWithPublishedEntry = 1,

    /// <summary>Offers published.</summary>
    PublishedOffers = 2,

    /// <summary>Demands published.</summary>
    PublishedDemands = 3,

    /// <summary>Pairs both sides agreed to.</summary>
    PairsAgreed = 4,

    /// <summary>Initiatives the secretariat brokered from agreed pairs.</summary>
    InitiativesBrokered = 5,

    /// <summary>Guidelines whose approval by the working group is recorded.</summary>
    GuidelinesApproved = 6,

    /// <summary>Agreements signed with partner organisations (not deleted).</summary>
    PartnerAgreements = 7,

    /// <summary>Joint events held: published events of the calendar, co-organised with partners, that have ended.</summary>
    EventsHeld = 8,

    /// <summary>Experts in the roster (approved and not removed since).</summary>
    ExpertsInRoster = 9,
}

/// <summary>The measures by their API names ("states-with-published-entry").</summary>
public static class IndicatorMeasures
{
    private static readonly Dictionary<IndicatorMeasure, string> Names = Enum.GetValues<IndicatorMeasure>().ToDictionary(
        m => m,
        m => string.Concat(m.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())));

    /// <summary>"PublishedOffers" → "published-offers".</summary>
    public static string NameOf(IndicatorMeasure measure) => Names[measure];

    /// <summary>The measure of an API name, or null.</summary>
    public static IndicatorMeasure? Parse(string? name) =>
        Names.Where(p => p.Value == name).Select(p => (IndicatorMeasure?)p.Key).FirstOrDefault();
}

/// <summary>Why a change to a work plan's tracking was refused.</summary>
public sealed record WorkPlanError(string Code)
{
    public static readonly WorkPlanError TextRequired = new("workplan.text-required");

    public static readonly WorkPlanError TextTooLong = new("workplan.text-too-long");

    public static readonly WorkPlanError ReasonRequired = new("workplan.reason-required");

    public static readonly WorkPlanError ReasonTooLong = new("workplan.reason-too-long");

    public static readonly WorkPlanError AlreadyDecided = new("workplan.already-decided");

    public static readonly WorkPlanError NotRecorded = new("workplan.not-recorded");

    public static readonly WorkPlanError NegativeValue = new("workplan.negative-value");

    public static readonly WorkPlanError EvidenceRequired = new("workplan.evidence-required");

    public static readonly WorkPlanError FutureDate = new("workplan.future-date");
}

/// <summary>An indicator of an action's expected result: a baseline, a target, and where its current value comes from.</summary>
public sealed class WorkPlanIndicator
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; init; }

    /// <summary>The action.</summary>
    public int ActionId { get; init; }

    /// <summary>Order within the action, from 1; with the action's number it names the indicator ("5.1").</summary>
    public required int Position { get; set; }

    /// <summary>What is counted.</summary>
    public required LocalizedText Name { get; set; }

    /// <summary>Where the value comes from.</summary>
    public required IndicatorMeasure Measure { get; set; }

    /// <summary>
    /// Value at the start of the action for a recorded indicator, as the plan states it. Null for a computed one:
    /// its baseline is computed from the data as of the day before the action starts.
    /// </summary>
    public int? Baseline { get; set; }

    /// <summary>Value the plan aims at by the end of the action.</summary>
    public required int Target { get; set; }

    /// <summary>Values recorded for a recorded indicator.</summary>
    public ICollection<IndicatorEvidence> Evidence { get; init; } = [];

    /// <summary>True when the platform computes the value.</summary>
    public bool IsComputed => Measure != IndicatorMeasure.Recorded;

    /// <summary>A copy for another plan, without its evidence.</summary>
    public WorkPlanIndicator Copy() => new() { Position = Position, Name = WorkPlan.CopyText(Name), Measure = Measure, Baseline = Baseline, Target = Target };

    /// <summary>Records a value with its evidence; refused for computed indicators and for values without evidence.</summary>
    public WorkPlanError? Record(int value, DateOnly asOf, string link, string? note, Guid by, string byName, DateTimeOffset at)
    {
        if (IsComputed)
        {
            return WorkPlanError.NotRecorded;
        }

        if (value < 0)
        {
            return WorkPlanError.NegativeValue;
        }

        if (!IndicatorEvidence.IsLink(link))
        {
            return WorkPlanError.EvidenceRequired;
        }

        if (asOf > DateOnly.FromDateTime(at.UtcDateTime))
        {
            return WorkPlanError.FutureDate;
        }

        if ((note?.Trim().Length ?? 0) > IndicatorEvidence.NoteMax)
        {
            return WorkPlanError.TextTooLong;
        }

        Evidence.Add(new IndicatorEvidence
        {
            Id = Guid.CreateVersion7(at),
            IndicatorId = Id,
            Value = value,
            AsOf = asOf,
            Link = link.Trim(),
            Note = note?.Trim() ?? string.Empty,
            RecordedById = by,
            RecordedByName = byName,
            RecordedAt = at,
        });
        return null;
    }

    /// <summary>The recorded value that held on <paramref name="day"/>: the latest evidence dated that day or before.</summary>
    public static IndicatorEvidence? ValueOn(IEnumerable<IndicatorEvidence> evidence, DateOnly day) =>
        evidence.Where(e => e.AsOf <= day).OrderByDescending(e => e.AsOf).ThenByDescending(e => e.RecordedAt).FirstOrDefault();
}

/// <summary>A value of a recorded indicator, the document or page that proves it, who recorded it and when.</summary>
public sealed class IndicatorEvidence
{
    /// <summary>Longest link.</summary>
    public const int LinkMax = 500;

    /// <summary>Longest note.</summary>
    public const int NoteMax = 1000;

    /// <summary>Key.</summary>
    public Guid Id { get; init; }

    /// <summary>The indicator.</summary>
    public int IndicatorId { get; init; }

    /// <summary>The value.</summary>
    public int Value { get; init; }

    /// <summary>The day the value held.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>Address of the document or page that proves the value (http or https).</summary>
    public required string Link { get; init; }

    /// <summary>What the evidence is.</summary>
    public string Note { get; init; } = string.Empty;

    /// <summary>Who recorded it.</summary>
    public Guid RecordedById { get; init; }

    /// <summary>Their name as shown then.</summary>
    public required string RecordedByName { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>An absolute http or https address no longer than <see cref="LinkMax"/>.</summary>
    public static bool IsLink(string? link) =>
        !string.IsNullOrWhiteSpace(link) && link.Trim().Length <= LinkMax
        && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
