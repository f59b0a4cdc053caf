using CooperaNet.Domain.WorkPlans;

namespace CooperaNet.Domain.Tests.WorkPlans;

public sealed class WorkPlanCopyTests
{
    private static WorkPlan APlan()
    {
        var indicator = new WorkPlanIndicator { Position = 1, Name = LocalizedText.Of("Informes", "Reports", "Relatórios", "Rapports"), Measure = IndicatorMeasure.Recorded, Baseline = 0, Target = 2 };
        indicator.Record(1, new(2023, 6, 1), "https://example.org", null, Guid.NewGuid(), "Sec", new(2023, 6, 2, 0, 0, 0, TimeSpan.Zero));
        return new WorkPlan
        {
            Code = "GT3-2023-2024",
            Document = "AICD/JD/doc.210/23",
            Date = new(2023, 5, 19),
            Title = LocalizedText.Of("Plan de Trabajo 2023-2024", "Work Plan 2023-2024", "Plano de Trabalho 2023-2024", "Plan de travail 2023-2024"),
            Objective = LocalizedText.Of("Objetivo", "Objective", "Objetivo", "Objectif"),
            StartDate = new(2023, 1, 1),
            EndDate = new(2024, 12, 31),
            WorkingGroupCode = "GT3",
            Actions =
            [
                new WorkPlanAction
                {
                    WorkPlanCode = "GT3-2023-2024",
                    Number = 1,
                    Title = LocalizedText.Of("Informes", "Reports", "Relatórios", "Rapports"),
                    ExpectedResult = LocalizedText.Of("Dos informes en 2023", "Two reports in 2023", "Dois relatórios em 2023", "Deux rapports en 2023"),
                    Calendar = LocalizedText.Of("En curso 2023", "Ongoing 2023", "Em curso 2023", "En cours 2023"),
                    StartDate = new(2023, 1, 1),
                    EndDate = new(2023, 12, 31),
                    Responsible = LocalizedText.Of("JD/AICD", "JD/AICD", "JD/AICD", "JD/AICD"),
                    Mandates = [new WorkPlanActionMandate { MandateCode = "AG/RES. 2988 (LII-O/22) 69" }],
                    Indicators = [indicator],
                },
            ],
        };
    }

    [Fact]
    public void A_copy_moves_every_date_and_written_year_to_the_new_period()
    {
        var copy = APlan().CopyAs("GT3-2025-2026", 2025, new(2024, 11, 3));

        Assert.Equal(new DateOnly(2025, 1, 1), copy.StartDate);
        Assert.Equal(new DateOnly(2026, 12, 31), copy.EndDate);
        Assert.Equal("Work Plan 2025-2026", copy.Title.En);
        Assert.Equal("Plan de travail 2025-2026", copy.Title.Fr);
        var action = Assert.Single(copy.Actions);
        Assert.Equal(new DateOnly(2025, 1, 1), action.StartDate);
        Assert.Equal(new DateOnly(2025, 12, 31), action.EndDate);
        Assert.Equal("Ongoing 2025", action.Calendar.En);
        Assert.Equal("GT3-2025-2026", action.WorkPlanCode);
        Assert.Equal(new DateOnly(2024, 11, 3), copy.Date);
    }

    [Fact]
    public void A_copy_keeps_the_indicators_targets_but_not_their_evidence()
    {
        var copy = APlan().CopyAs("GT3-2025-2026", 2025, new(2024, 11, 3));

        var indicator = Assert.Single(Assert.Single(copy.Actions).Indicators);
        Assert.Equal(2, indicator.Target);
        Assert.Equal(IndicatorMeasure.Recorded, indicator.Measure);
        Assert.Empty(indicator.Evidence);
    }

    [Fact]
    public void A_copy_is_editable_and_names_its_source_while_the_adopted_plan_is_not()
    {
        var plan = APlan();
        var copy = plan.CopyAs("GT3-2025-2026", 2025, new(2024, 11, 3));

        Assert.False(plan.IsEditable);
        Assert.True(copy.IsEditable);
        Assert.Equal("GT3-2023-2024", copy.CopiedFromCode);
        Assert.Equal("AG/RES. 2988 (LII-O/22) 69", Assert.Single(Assert.Single(copy.Actions).Mandates).MandateCode);
    }
}
