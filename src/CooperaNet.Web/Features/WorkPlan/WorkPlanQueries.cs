using CooperaNet.Application.Data;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.WorkPlan;

public sealed record WorkPlanView(
    string Language, string Code, string Document, DateOnly Date, string Title, string Objective,
    WorkingGroupView WorkingGroup, IReadOnlyList<MandateView> Mandates, IReadOnlyList<ActionView> Actions);

public sealed record WorkingGroupView(string Code, string Name, IReadOnlyList<WorkingGroupMemberView> Members);

public sealed record WorkingGroupMemberView(string State, string Name, string Role);

public sealed record MandateView(string Code, string Resolution, int Paragraph, string Summary, string Text);

public sealed record ActionView(
    int Number, string Title, string ExpectedResult, string Calendar, DateOnly StartDate, DateOnly EndDate,
    string Responsible, IReadOnlyList<string> Mandates, IReadOnlyList<string> Steps);

public static class WorkPlanQueries
{
    public const string CurrentCode = "AICD-GT3-2023-2024";

    public static async Task<WorkPlanView?> GetAsync(CooperaNetDbContext db, string code, string lang)
    {
        var plan = await db.WorkPlans.AsNoTracking()
            .Include(p => p.WorkingGroup!).ThenInclude(g => g.Members)
            .Include(p => p.Actions).ThenInclude(a => a.Mandates)
            .Include(p => p.Actions).ThenInclude(a => a.Steps)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Code == code);
        if (plan is null)
        {
            return null;
        }

        var states = await db.MemberStates.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name.Resolve(lang).Text);
        var mandateCodes = plan.Actions.SelectMany(a => a.Mandates).Select(m => m.MandateCode).Distinct().ToList();
        var mandates = await db.Mandates.AsNoTracking().Where(m => mandateCodes.Contains(m.Code)).OrderBy(m => m.Paragraph).ToListAsync();
        var group = plan.WorkingGroup!;
        return new WorkPlanView(
            lang,
            plan.Code,
            plan.Document,
            plan.Date,
            plan.Title.Resolve(lang).Text,
            plan.Objective.Resolve(lang).Text,
            new WorkingGroupView(
                group.Code,
                group.Name.Resolve(lang).Text,
                group.Members.OrderBy(m => m.Position).Select(m => new WorkingGroupMemberView(m.StateCode, states[m.StateCode], RoleCode(m.Role))).ToList()),
            mandates.Select(m => new MandateView(m.Code, m.Resolution, m.Paragraph, m.Summary.Resolve(lang).Text, m.Text.Resolve(lang).Text)).ToList(),
            plan.Actions.OrderBy(a => a.Number).Select(a => new ActionView(
                a.Number,
                a.Title.Resolve(lang).Text,
                a.ExpectedResult.Resolve(lang).Text,
                a.Calendar.Resolve(lang).Text,
                a.StartDate,
                a.EndDate,
                a.Responsible.Resolve(lang).Text,
                a.Mandates.Select(m => m.MandateCode).Order().ToList(),
                a.Steps.OrderBy(s => s.Position).Select(s => s.Text.Resolve(lang).Text).ToList())).ToList());
    }

    public static string RoleCode(WorkingGroupRole role) => role switch
    {
        WorkingGroupRole.Chair => "chair",
        WorkingGroupRole.ViceChair => "vice-chair",
        _ => "member",
    };
}
