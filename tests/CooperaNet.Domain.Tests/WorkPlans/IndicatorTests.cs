using CooperaNet.Domain.WorkPlans;

namespace CooperaNet.Domain.Tests.WorkPlans;

public sealed class IndicatorTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Recorder = Guid.NewGuid();

    private static WorkPlanIndicator An(IndicatorMeasure measure) => new()
    {
        Position = 1,
        Name = LocalizedText.Of("Informes", "Reports", "Relatórios", "Rapports"),
        Measure = measure,
        Baseline = measure == IndicatorMeasure.Recorded ? 0 : null,
        Target = 2,
    };

    [Fact]
    public void A_recorded_value_keeps_its_evidence_recorder_and_date()
    {
        var indicator = An(IndicatorMeasure.Recorded);

        Assert.Null(indicator.Record(1, new(2024, 4, 30), "https://www.oas.org/doc.pdf", "First report", Recorder, "Sec", Now));

        var evidence = Assert.Single(indicator.Evidence);
        Assert.Equal(1, evidence.Value);
        Assert.Equal("https://www.oas.org/doc.pdf", evidence.Link);
        Assert.Equal("Sec", evidence.RecordedByName);
        Assert.Equal(Now, evidence.RecordedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a link")]
    [InlineData("ftp://example.org/doc.pdf")]
    [InlineData("javascript:alert(1)")]
    public void A_value_without_a_web_link_as_evidence_is_refused(string link)
    {
        var indicator = An(IndicatorMeasure.Recorded);

        Assert.Equal(WorkPlanError.EvidenceRequired, indicator.Record(1, new(2024, 4, 30), link, null, Recorder, "Sec", Now));
        Assert.Empty(indicator.Evidence);
    }

    [Fact]
    public void A_computed_indicator_takes_no_recorded_value()
    {
        Assert.Equal(WorkPlanError.NotRecorded, An(IndicatorMeasure.PublishedOffers).Record(3, new(2024, 4, 30), "https://example.org", null, Recorder, "Sec", Now));
    }

    [Fact]
    public void A_value_dated_in_the_future_or_below_zero_is_refused()
    {
        var indicator = An(IndicatorMeasure.Recorded);

        Assert.Equal(WorkPlanError.FutureDate, indicator.Record(1, new(2024, 5, 5), "https://example.org", null, Recorder, "Sec", Now));
        Assert.Equal(WorkPlanError.NegativeValue, indicator.Record(-1, new(2024, 5, 1), "https://example.org", null, Recorder, "Sec", Now));
    }

    [Fact]
    public void The_value_on_a_day_is_the_latest_recorded_for_that_day_or_before()
    {
        var indicator = An(IndicatorMeasure.Recorded);
        indicator.Record(1, new(2024, 2, 1), "https://example.org/1", null, Recorder, "Sec", Now);
        indicator.Record(2, new(2024, 4, 1), "https://example.org/2", null, Recorder, "Sec", Now);

        Assert.Null(WorkPlanIndicator.ValueOn(indicator.Evidence, new(2024, 1, 31)));
        Assert.Equal(1, WorkPlanIndicator.ValueOn(indicator.Evidence, new(2024, 3, 31))!.Value);
        Assert.Equal(2, WorkPlanIndicator.ValueOn(indicator.Evidence, new(2024, 4, 1))!.Value);
    }

    [Fact]
    public void Measures_have_stable_api_names()
    {
        Assert.Equal("states-with-published-entry", IndicatorMeasures.NameOf(IndicatorMeasure.StatesWithPublishedEntry));
        Assert.Equal(IndicatorMeasure.ExpertsInRoster, IndicatorMeasures.Parse("experts-in-roster"));
        Assert.Null(IndicatorMeasures.Parse("nonsense"));
    }
}
