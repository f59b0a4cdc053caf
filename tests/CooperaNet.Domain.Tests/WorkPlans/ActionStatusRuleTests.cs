using CooperaNet.Domain.WorkPlans;

namespace CooperaNet.Domain.Tests.WorkPlans;

public sealed class ActionStatusRuleTests
{
    // A calendar of one year: 2024-01-01 to 2024-12-31 (366 days).
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly End = new(2024, 12, 31);

    private static ActionStatus StatusOn(DateOnly today, params (int Baseline, int Target, int Value)[] readings) =>
        StatusOn(today, readings.Select(r => new IndicatorReading(r.Baseline, r.Target, r.Value)).ToArray());

    private static ActionStatus StatusOn(DateOnly today, IndicatorReading[] readings) =>
        ActionStatusRule.Evaluate(readings, Start, End, today);

    [Fact]
    public void An_action_whose_every_indicator_reached_its_target_is_done_even_before_its_calendar_ends()
    {
        Assert.Equal(ActionStatus.Done, StatusOn(new(2024, 3, 1), (0, 2, 2), (10, 35, 40)));
    }

    [Fact]
    public void One_indicator_short_of_its_target_keeps_the_action_from_being_done()
    {
        Assert.NotEqual(ActionStatus.Done, StatusOn(new(2024, 12, 1), (0, 2, 2), (0, 35, 34)));
    }

    [Fact]
    public void An_action_without_indicators_is_never_done()
    {
        Assert.Equal(ActionStatus.NotStarted, StatusOn(new(2023, 12, 1)));
        Assert.Equal(ActionStatus.AtRisk, StatusOn(new(2024, 6, 1)));
    }

    [Fact]
    public void Before_its_calendar_an_action_nothing_happened_to_is_not_started()
    {
        Assert.Equal(ActionStatus.NotStarted, StatusOn(new(2023, 12, 31), (3, 35, 3)));
    }

    [Fact]
    public void Before_its_calendar_an_action_that_already_moved_is_on_track()
    {
        Assert.Equal(ActionStatus.OnTrack, StatusOn(new(2023, 12, 31), (3, 35, 4)));
    }

    [Fact]
    public void Once_its_calendar_has_begun_an_action_is_never_not_started()
    {
        Assert.Equal(ActionStatus.OnTrack, StatusOn(Start, (0, 10, 0)));
    }

    [Fact]
    public void An_action_a_quarter_behind_its_calendar_is_still_on_track()
    {
        // On 2024-07-01, 183 of 366 days have passed: 50% expected. 3 of 10 is 30% done: 20 points behind.
        Assert.Equal(ActionStatus.OnTrack, StatusOn(new(2024, 7, 1), (0, 10, 3)));
    }

    [Fact]
    public void An_action_more_than_a_quarter_behind_its_calendar_is_at_risk()
    {
        // 50% expected, 2 of 10 is 20% done: 30 points behind.
        Assert.Equal(ActionStatus.AtRisk, StatusOn(new(2024, 7, 1), (0, 10, 2)));
    }

    [Fact]
    public void Progress_is_the_mean_of_the_indicators_shares_of_the_way()
    {
        // 100% and 0%: 50% done against 50% expected.
        var readings = new IndicatorReading[] { new(0, 1, 1), new(0, 35, 0) };

        Assert.Equal(0.5, ActionStatusRule.Progress(readings));
        Assert.Equal(ActionStatus.OnTrack, StatusOn(new(2024, 7, 1), readings));
    }

    [Fact]
    public void Progress_counts_from_the_baseline_and_stops_at_the_target()
    {
        Assert.Equal(0.25, new IndicatorReading(10, 30, 15).Progress);
        Assert.Equal(0, new IndicatorReading(10, 30, 4).Progress);
        Assert.Equal(1, new IndicatorReading(10, 30, 50).Progress);
    }

    [Fact]
    public void A_target_not_above_the_baseline_counts_only_once_met()
    {
        Assert.Equal(1, new IndicatorReading(5, 5, 5).Progress);
        Assert.Equal(0, new IndicatorReading(5, 5, 4).Progress);
    }

    [Fact]
    public void An_action_not_done_when_its_calendar_ended_is_at_risk()
    {
        Assert.Equal(ActionStatus.AtRisk, StatusOn(new(2025, 1, 1), (0, 10, 9)));
    }

    [Fact]
    public void Expected_progress_is_the_share_of_the_calendar_elapsed()
    {
        Assert.Equal(0, ActionStatusRule.Expected(Start, End, new(2023, 12, 31)));
        Assert.Equal(1.0 / 366, ActionStatusRule.Expected(Start, End, Start));
        Assert.Equal(183.0 / 366, ActionStatusRule.Expected(Start, End, new(2024, 7, 1)));
        Assert.Equal(1, ActionStatusRule.Expected(Start, End, End));
    }

    [Fact]
    public void The_expected_value_at_a_milestone_rounds_up_to_a_whole_count()
    {
        // Half-way through 2024 (2024-06-30, 182 of 366 days) of 0 → 35: 17.4, so 18.
        Assert.Equal(18, ActionStatusRule.ExpectedValue(0, 35, Start, End, new(2024, 6, 30)));
        Assert.Equal(35, ActionStatusRule.ExpectedValue(0, 35, Start, End, End));
        Assert.Equal(2, ActionStatusRule.ExpectedValue(2, 2, Start, End, Start));
    }

    [Fact]
    public void Semesters_run_from_the_one_holding_the_start_to_the_one_holding_the_end()
    {
        var semesters = Semester.Spanning(new(2023, 4, 1), new(2024, 12, 31));

        Assert.Equal(["2023H1", "2023H2", "2024H1", "2024H2"], semesters.Select(s => s.ToString()));
        Assert.Equal(new DateOnly(2023, 6, 30), semesters[0].End);
        Assert.Equal(new DateOnly(2023, 7, 1), semesters[1].Start);
    }
}
