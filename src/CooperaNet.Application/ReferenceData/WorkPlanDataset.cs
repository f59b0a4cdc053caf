using System.Globalization;
using System.Text.Json;
using CooperaNet.Application.Data;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.ReferenceData;

/// <summary>
/// The AICD work plan 2023-2024 of Working Group 3 (AICD/JD/doc.210/23): Spanish as written,
/// English, Portuguese and French translated.
/// </summary>
internal sealed class WorkPlanDataset : IReferenceDataset
{
    public string Name => "workplan";

    public IReadOnlyList<string> Files { get; } = ["workplan-2023-2024.json"];

    public async Task<int> ApplyAsync(CooperaNetDbContext db, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(ReferenceFiles.Read("workplan-2023-2024.json"));
        var root = json.RootElement;
        var group = root.GetProperty("workingGroup");
        var groupCode = group.GetProperty("code").GetString()!;

        await Upsert.ByKeyAsync(db.WorkingGroups, [new WorkingGroup { Code = groupCode, Name = Text(group.GetProperty("name")) }],
            g => g.Code, (current, next) => current.Name = next.Name, cancellationToken);
        var members = group.GetProperty("members").EnumerateArray().Select((m, i) => new WorkingGroupMember
        {
            WorkingGroupCode = groupCode,
            StateCode = m.GetProperty("state").GetString()!,
            Role = m.GetProperty("role").GetString() switch
            {
                "chair" => WorkingGroupRole.Chair,
                "vice-chair" => WorkingGroupRole.ViceChair,
                _ => WorkingGroupRole.Member,
            },
            Position = i + 1,
        }).ToList();
        await Upsert.ByKeyAsync(db.Set<WorkingGroupMember>(), members, m => (m.WorkingGroupCode, m.StateCode), (current, next) =>
        {
            current.Role = next.Role;
            current.Position = next.Position;
        }, cancellationToken);

        var mandates = root.GetProperty("mandates").EnumerateArray().Select(m =>
        {
            var resolution = m.GetProperty("resolution").GetString()!;
            var paragraph = m.GetProperty("paragraph").GetInt32();
            return new Mandate
            {
                Code = Mandate.CodeOf(resolution, paragraph),
                Resolution = resolution,
                Paragraph = paragraph,
                Summary = Text(m.GetProperty("summary")),
                Text = Text(m.GetProperty("text")),
            };
        }).ToList();
        await Upsert.ByKeyAsync(db.Mandates, mandates, m => m.Code, (current, next) =>
        {
            current.Summary = next.Summary;
            current.Text = next.Text;
        }, cancellationToken);

        var code = root.GetProperty("code").GetString()!;
        var plan = new WorkPlan
        {
            Code = code,
            Document = root.GetProperty("document").GetString()!,
            Date = Day(root.GetProperty("date")),
            Title = Text(root.GetProperty("title")),
            Objective = Text(root.GetProperty("objective")),
            StartDate = Day(root.GetProperty("startDate")),
            EndDate = Day(root.GetProperty("endDate")),
            WorkingGroupCode = groupCode,
        };
        await Upsert.ByKeyAsync(db.WorkPlans, [plan], p => p.Code, (current, next) =>
        {
            current.Document = next.Document;
            current.Date = next.Date;
            current.Title = next.Title;
            current.Objective = next.Objective;
            current.WorkingGroupCode = next.WorkingGroupCode;
            current.StartDate = next.StartDate;
            current.EndDate = next.EndDate;
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Actions are part of the document and follow it, matched by number: their comments, proposals and
        // evidence stay. Steps and mandates are replaced whole; indicators are matched by position.
        var resolutionOf = mandates.ToDictionary(m => m.Paragraph, m => m.Code);
        var existing = await db.WorkPlanActions.Where(a => a.WorkPlanCode == code)
            .Include(a => a.Steps).Include(a => a.Mandates).Include(a => a.Indicators)
            .AsSplitQuery().ToDictionaryAsync(a => a.Number, cancellationToken);
        var count = 0;
        foreach (var a in root.GetProperty("actions").EnumerateArray())
        {
            var next = new WorkPlanAction
            {
                WorkPlanCode = code,
                Number = a.GetProperty("number").GetInt32(),
                Title = Text(a.GetProperty("title")),
                ExpectedResult = Text(a.GetProperty("expectedResult")),
                Calendar = Text(a.GetProperty("calendar")),
                StartDate = Day(a.GetProperty("startDate")),
                EndDate = Day(a.GetProperty("endDate")),
                Responsible = Text(a.GetProperty("responsible")),
            };
            if (existing.TryGetValue(next.Number, out var action))
            {
                action.Title = next.Title;
                action.ExpectedResult = next.ExpectedResult;
                action.Calendar = next.Calendar;
                action.StartDate = next.StartDate;
                action.EndDate = next.EndDate;
                action.Responsible = next.Responsible;
            }
            else
            {
                action = next;
                db.WorkPlanActions.Add(action);
            }

            action.Mandates.Clear();
            foreach (var paragraph in a.GetProperty("mandateParagraphs").EnumerateArray())
            {
                action.Mandates.Add(new WorkPlanActionMandate { MandateCode = resolutionOf[paragraph.GetInt32()] });
            }

            action.Steps.Clear();
            foreach (var (step, i) in a.GetProperty("steps").EnumerateArray().Select((s, i) => (s, i)))
            {
                action.Steps.Add(new WorkPlanStep { Position = i + 1, Text = Text(step) });
            }

            UpdateIndicators(action, a.TryGetProperty("indicators", out var indicators) ? indicators : default);
            count++;
        }

        return count;
    }

    private static void UpdateIndicators(WorkPlanAction action, JsonElement indicators)
    {
        if (indicators.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var (element, i) in indicators.EnumerateArray().Select((e, i) => (e, i)))
        {
            var position = i + 1;
            var measure = IndicatorMeasures.Parse(element.GetProperty("measure").GetString())
                ?? throw new InvalidDataException($"Unknown indicator measure in action {action.Number}.");
            var baseline = element.TryGetProperty("baseline", out var b) ? b.GetInt32() : (int?)null;
            var indicator = action.Indicators.FirstOrDefault(x => x.Position == position);
            var name = Text(element.GetProperty("name"));
            var target = element.GetProperty("target").GetInt32();
            baseline = measure == IndicatorMeasure.Recorded ? baseline ?? 0 : null;
            if (indicator is null)
            {
                action.Indicators.Add(new WorkPlanIndicator { Position = position, Name = name, Measure = measure, Baseline = baseline, Target = target });
                continue;
            }

            indicator.Name = name;
            indicator.Measure = measure;
            indicator.Baseline = baseline;
            indicator.Target = target;
        }
    }

    private static DateOnly Day(JsonElement element) => DateOnly.Parse(element.GetString()!, CultureInfo.InvariantCulture);

    private static Domain.LocalizedText Text(JsonElement element) => MemberStatesDataset.Text(element);
}
