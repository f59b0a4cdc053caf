namespace CooperaNet.Domain.WorkPlans;

/// <summary>Where an action stands.</summary>
public enum ActionStatus
{
    /// <summary>Its calendar has not begun and no indicator has moved.</summary>
    NotStarted = 0,

    /// <summary>Progress keeps up with the calendar.</summary>
    OnTrack = 1,

    /// <summary>Progress is behind the calendar by more than <see cref="ActionStatusRule.AtRiskGap"/>, or the calendar ended first.</summary>
    AtRisk = 2,

    /// <summary>Every indicator reached its target.</summary>
    Done = 3,
}

/// <summary>An indicator's numbers on one day: baseline, target and the value then.</summary>
public readonly record struct IndicatorReading(int Baseline, int Target, int Value)
{
    /// <summary>True when the value reached the target.</summary>
    public bool IsMet => Value >= Target;

    /// <summary>
    /// Share of the way from baseline to target, between 0 and 1. A target not above the baseline
    /// counts as all the way once met and none of it before.
    /// </summary>
    public double Progress => Target <= Baseline
        ? (IsMet ? 1 : 0)
        : Math.Clamp((double)(Value - Baseline) / (Target - Baseline), 0, 1);
}

/// <summary>
/// The rule that gives an action its status, applied in this order:
/// <list type="number">
/// <item><b>Done</b> when it has indicators and every one reached its target.</item>
/// <item><b>Not started</b> when its calendar begins after today and no indicator has moved from its baseline.</item>
/// <item><b>At risk</b> when its calendar ended, or when its progress (the mean of its indicators' shares of
/// the way from baseline to target) is behind the expected progress (the share of its calendar elapsed)
/// by more than <see cref="AtRiskGap"/>.</item>
/// <item><b>On track</b> otherwise.</item>
/// </list>
/// </summary>
public static class ActionStatusRule
{
    /// <summary>How far behind the calendar an action may be before it is at risk: a quarter of the way.</summary>
    public const double AtRiskGap = 0.25;

    /// <summary>The status of an action with the calendar <paramref name="start"/>–<paramref name="end"/> on <paramref name="today"/>.</summary>
    public static ActionStatus Evaluate(IReadOnlyCollection<IndicatorReading> readings, DateOnly start, DateOnly end, DateOnly today)
    {
        if (readings.Count > 0 && readings.All(r => r.IsMet))
        {
            return ActionStatus.Done;
        }

        var progress = Progress(readings);
        if (today < start && readings.All(r => r.Value == r.Baseline))
        {
            return ActionStatus.NotStarted;
        }

        if (today > end || Expected(start, end, today) - progress > AtRiskGap)
        {
            return ActionStatus.AtRisk;
        }

        return ActionStatus.OnTrack;
    }

    /// <summary>Mean share of the way from baseline to target of the indicators; 0 without indicators.</summary>
    public static double Progress(IReadOnlyCollection<IndicatorReading> readings) =>
        readings.Count == 0 ? 0 : readings.Average(r => r.Progress);

    /// <summary>Share of the calendar elapsed at the end of <paramref name="day"/>: 0 before it starts, 1 from its last day.</summary>
    public static double Expected(DateOnly start, DateOnly end, DateOnly day)
    {
        if (day < start)
        {
            return 0;
        }

        if (day >= end)
        {
            return 1;
        }

        var days = end.DayNumber - start.DayNumber + 1;
        return (double)(day.DayNumber - start.DayNumber + 1) / days;
    }

    /// <summary>The value the calendar expects on <paramref name="day"/>: the baseline plus the elapsed share of the way, rounded up.</summary>
    public static int ExpectedValue(int baseline, int target, DateOnly start, DateOnly end, DateOnly day) =>
        target <= baseline ? target : baseline + (int)Math.Ceiling(Math.Round((target - baseline) * Expected(start, end, day), 6));
}

/// <summary>A half year: H1 is January–June, H2 July–December.</summary>
public readonly record struct Semester(int Year, int Half)
{
    /// <summary>First day.</summary>
    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);

    /// <summary>Last day.</summary>
    public DateOnly End => Half == 1 ? new(Year, 6, 30) : new(Year, 12, 31);

    /// <summary>"2024H1".</summary>
    public override string ToString() => $"{Year}H{Half}";

    /// <summary>The semester <paramref name="day"/> falls in.</summary>
    public static Semester Of(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    /// <summary>The semesters from the one holding <paramref name="start"/> to the one holding <paramref name="end"/>.</summary>
    public static IReadOnlyList<Semester> Spanning(DateOnly start, DateOnly end)
    {
        var list = new List<Semester>();
        for (var semester = Of(start); semester.Start <= end; semester = semester.Next())
        {
            list.Add(semester);
        }

        return list;
    }

    /// <summary>The following semester.</summary>
    public Semester Next() => Half == 1 ? new(Year, 2) : new(Year + 1, 1);

    /// <summary>The semester before.</summary>
    public Semester Previous() => Half == 2 ? new(Year, 1) : new(Year - 1, 2);

    /// <summary>Reads "2024H1" or "2024h2" (years 2000 to 2099); false for anything else.</summary>
    public static bool TryParse(string? text, out Semester semester)
    {
        semester = default;
        var value = text?.Trim();
        if (value is not { Length: 6 } || (value[4] != 'H' && value[4] != 'h') || value[5] is not ('1' or '2')
            || !int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || year is < 2000 or > 2099)
        {
            return false;
        }

        semester = new Semester(year, value[5] - '0');
        return true;
    }
}
