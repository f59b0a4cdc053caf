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
            Date = DateOnly.Parse(root.GetProperty("date").GetString()!, CultureInfo.InvariantCulture),
            Title = Text(root.GetProperty("title")),
            Objective = Text(root.GetProperty("objective")),
            WorkingGroupCode = groupCode,
        };
        await Upsert.ByKeyAsync(db.WorkPlans, [plan], p => p.Code, (current, next) =>
        {
            current.Document = next.Document;
            current.Date = next.Date;
            current.Title = next.Title;
            current.Objective = next.Objective;
            current.WorkingGroupCode = next.WorkingGroupCode;
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Actions are part of the document: replaced whole when the document's data changes.
        db.WorkPlanActions.RemoveRange(await db.WorkPlanActions.Where(a => a.WorkPlanCode == code).ToListAsync(cancellationToken));
        var resolutionOf = mandates.ToDictionary(m => m.Paragraph, m => m.Code);
        var actions = root.GetProperty("actions").EnumerateArray().Select(a => new WorkPlanAction
        {
            WorkPlanCode = code,
            Number = a.GetProperty("number").GetInt32(),
            Title = Text(a.GetProperty("title")),
            ExpectedResult = Text(a.GetProperty("expectedResult")),
            Calendar = Text(a.GetProperty("calendar")),
            StartDate = DateOnly.Parse(a.GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture),
            EndDate = DateOnly.Parse(a.GetProperty("endDate").GetString()!, CultureInfo.InvariantCulture),
            Responsible = Text(a.GetProperty("responsible")),
            Mandates = a.GetProperty("mandateParagraphs").EnumerateArray()
                .Select(p => new WorkPlanActionMandate { MandateCode = resolutionOf[p.GetInt32()] }).ToList(),
            Steps = a.GetProperty("steps").EnumerateArray()
                .Select((s, i) => new WorkPlanStep { Position = i + 1, Text = Text(s) }).ToList(),
        }).ToList();
        db.WorkPlanActions.AddRange(actions);
        return actions.Count;
    }

    private static Domain.LocalizedText Text(JsonElement element) => MemberStatesDataset.Text(element);
}
