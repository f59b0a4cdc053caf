using System.Text.Json.Serialization;
using CooperaNet.Application.Data;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.WorkPlans;

/// <summary>A plan as it stands on <see cref="Today"/>: each action's indicators, status and milestones.</summary>
public sealed record TrackedPlan(
    string Code, string Title, string Objective, string Document, DateOnly Date, DateOnly StartDate, DateOnly EndDate,
    string? CopiedFrom, bool IsEditable, DateOnly Today, IReadOnlyList<TrackedAction> Actions);

/// <summary>An action's status by <see cref="ActionStatusRule"/>, with the numbers the rule read.</summary>
public sealed record TrackedAction(
    int Id, int Number, string Title, string ExpectedResult, DateOnly StartDate, DateOnly EndDate,
    [property: JsonIgnore] ActionStatus Status, double Progress, double Expected, IReadOnlyList<TrackedIndicator> Indicators, IReadOnlyList<Milestone> Milestones)
{
    /// <summary>The status by its API name: "not-started", "on-track", "at-risk", "done".</summary>
    [JsonPropertyName("status")]
    public string StatusName => Status switch
    {
        ActionStatus.NotStarted => "not-started",
        ActionStatus.OnTrack => "on-track",
        ActionStatus.AtRisk => "at-risk",
        _ => "done",
    };
}

/// <summary>
/// An indicator's baseline, target and current value. <see cref="Computed"/> ones come from the data;
/// recorded ones show their evidence.
/// </summary>
public sealed record TrackedIndicator(
    int Id, string Code, string Name, string Measure, bool Computed,
    int Baseline, int Target, int Current, double Progress, bool Met, IReadOnlyList<EvidenceView> Evidence);

/// <summary>A recorded value with its proof, recorder and date.</summary>
public sealed record EvidenceView(Guid Id, int Value, DateOnly AsOf, string Link, string Note, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The end of one semester of an action's calendar: per indicator, the value the calendar expects then and
/// the value reached (the value at the semester's end, or today's for the running semester; null for one to come).
/// </summary>
public sealed record Milestone(string Semester, DateOnly End, double ExpectedProgress, double? ReachedProgress, IReadOnlyList<MilestoneValue> Values);

/// <summary>One indicator at a milestone.</summary>
public sealed record MilestoneValue(string Indicator, int Expected, int? Reached);

/// <summary>Reads plans with their tracking; every figure is computed from data or taken from recorded evidence.</summary>
public sealed class WorkPlanTracker(CooperaNetDbContext db, IndicatorCalculator calculator, TimeProvider clock)
{
    /// <summary>Today, in UTC.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The plan the live page shows: the latest one that has begun, else the first one.</summary>
    public async Task<string?> CurrentCodeAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        return await db.WorkPlans.AsNoTracking().Where(p => p.StartDate <= today).OrderByDescending(p => p.StartDate).ThenBy(p => p.Code).Select(p => p.Code).FirstOrDefaultAsync(cancellationToken)
            ?? await db.WorkPlans.AsNoTracking().OrderBy(p => p.StartDate).Select(p => p.Code).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The plan <paramref name="code"/> tracked on today's data, texts in <paramref name="lang"/>; null when there is none.</summary>
    public Task<TrackedPlan?> TrackAsync(string code, string lang, CancellationToken cancellationToken = default) =>
        TrackOnAsync(code, lang, Today, cancellationToken);

    /// <summary>The plan <paramref name="code"/> as it stood at the end of <paramref name="today"/> (a semester report reads it at the semester's end).</summary>
    public async Task<TrackedPlan?> TrackOnAsync(string code, string lang, DateOnly today, CancellationToken cancellationToken = default)
    {
        var plan = await db.WorkPlans.AsNoTracking()
            .Include(p => p.Actions).ThenInclude(a => a.Indicators).ThenInclude(i => i.Evidence)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var actions = new List<TrackedAction>();
        foreach (var action in plan.Actions.OrderBy(a => a.Number))
        {
            actions.Add(await TrackAsync(action, lang, today, cancellationToken));
        }

        return new TrackedPlan(
            plan.Code, plan.Title.Resolve(lang).Text, plan.Objective.Resolve(lang).Text, plan.Document, plan.Date,
            plan.StartDate, plan.EndDate, plan.CopiedFromCode, plan.IsEditable, today, actions);
    }

    private async Task<TrackedAction> TrackAsync(WorkPlanAction action, string lang, DateOnly today, CancellationToken cancellationToken)
    {
        var indicators = new List<TrackedIndicator>();
        var readings = new List<IndicatorReading>();
        var semesters = Semester.Spanning(action.StartDate, action.EndDate);
        var reached = new List<IReadOnlyList<int?>>();
        foreach (var indicator in action.Indicators.OrderBy(i => i.Position))
        {
            var baseline = indicator.Baseline ?? await ValueOnAsync(indicator, action.StartDate.AddDays(-1), cancellationToken);
            var current = await ValueOnAsync(indicator, today, cancellationToken);
            var reading = new IndicatorReading(baseline, indicator.Target, current);
            readings.Add(reading);
            var values = new List<int?>();
            foreach (var semester in semesters)
            {
                var end = EndOf(semester, action);
                values.Add(semester.Start > today ? null : await ValueOnAsync(indicator, end < today ? end : today, cancellationToken));
            }

            reached.Add(values);

            indicators.Add(new TrackedIndicator(
                indicator.Id,
                $"{action.Number}.{indicator.Position}",
                indicator.Name.Resolve(lang).Text,
                IndicatorMeasures.NameOf(indicator.Measure),
                indicator.IsComputed,
                baseline,
                indicator.Target,
                current,
                reading.Progress,
                reading.IsMet,
                [.. indicator.Evidence.OrderByDescending(e => e.AsOf).ThenByDescending(e => e.RecordedAt)
                    .Select(e => new EvidenceView(e.Id, e.Value, e.AsOf, e.Link, e.Note, e.RecordedByName, e.RecordedAt))]));
        }

        var milestones = semesters.Select((semester, s) =>
        {
            var end = EndOf(semester, action);
            var values = indicators.Select((indicator, i) => new MilestoneValue(
                indicator.Code,
                ActionStatusRule.ExpectedValue(readings[i].Baseline, readings[i].Target, action.StartDate, action.EndDate, end),
                reached[i][s])).ToList();
            double? progress = semester.Start > today ? null
                : ActionStatusRule.Progress([.. readings.Select((r, i) => r with { Value = reached[i][s] ?? r.Baseline })]);
            return new Milestone(semester.ToString(), end, ActionStatusRule.Expected(action.StartDate, action.EndDate, end), progress, values);
        }).ToList();

        return new TrackedAction(
            action.Id, action.Number, action.Title.Resolve(lang).Text, action.ExpectedResult.Resolve(lang).Text, action.StartDate, action.EndDate,
            ActionStatusRule.Evaluate(readings, action.StartDate, action.EndDate, today),
            ActionStatusRule.Progress(readings),
            ActionStatusRule.Expected(action.StartDate, action.EndDate, today),
            indicators,
            milestones);
    }

    /// <summary>The last day of <paramref name="semester"/> within the action's calendar.</summary>
    private static DateOnly EndOf(Semester semester, WorkPlanAction action) => semester.End < action.EndDate ? semester.End : action.EndDate;

    private async Task<int> ValueOnAsync(WorkPlanIndicator indicator, DateOnly day, CancellationToken cancellationToken) =>
        indicator.IsComputed
            ? await calculator.ValueAsync(indicator.Measure, day, cancellationToken)
            : WorkPlanIndicator.ValueOn(indicator.Evidence, day)?.Value ?? indicator.Baseline ?? 0;
}
