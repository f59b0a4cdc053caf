using CooperaNet.Application.Data;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.WorkPlan;

/// <summary>A plan in the list of plans.</summary>
public sealed record WorkPlanSummary(string Code, string Title, DateOnly StartDate, DateOnly EndDate, string? CopiedFrom, string Link);

/// <summary>A comment as shown.</summary>
public sealed record CommentView(Guid Id, string Author, string Text, DateTimeOffset CreatedAt);

/// <summary>A proposal as shown, with the secretariat's decision once made.</summary>
public sealed record ProposalView(Guid Id, string Author, string Text, DateTimeOffset CreatedAt, string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason);

/// <summary>An action's comments and proposals, oldest first.</summary>
public sealed record DiscussionView(IReadOnlyList<CommentView> Comments, IReadOnlyList<ProposalView> Proposals);

/// <summary>Reads the list of plans and an action's discussion.</summary>
public static class WorkPlanViews
{
    public static async Task<IReadOnlyList<WorkPlanSummary>> ListAsync(CooperaNetDbContext db, string lang)
    {
        var plans = await db.WorkPlans.AsNoTracking().OrderByDescending(p => p.StartDate).ThenBy(p => p.Code).ToListAsync();
        return [.. plans.Select(p => new WorkPlanSummary(p.Code, p.Title.Resolve(lang).Text, p.StartDate, p.EndDate, p.CopiedFromCode, $"/api/v1/work-plans/{p.Code}"))];
    }

    public static async Task<DiscussionView> DiscussionAsync(CooperaNetDbContext db, int actionId)
    {
        var comments = await db.ActionComments.AsNoTracking().Where(c => c.ActionId == actionId).ToListAsync();
        var proposals = await db.ActionProposals.AsNoTracking().Where(p => p.ActionId == actionId).ToListAsync();
        return new DiscussionView(
            [.. comments.OrderBy(c => c.CreatedAt).Select(c => new CommentView(c.Id, c.AuthorName, c.Text, c.CreatedAt))],
            [.. proposals.OrderBy(p => p.CreatedAt).Select(p => new ProposalView(p.Id, p.AuthorName, p.Text, p.CreatedAt, StatusName(p.Status), p.DecidedByName, p.DecidedAt, p.Reason))]);
    }

    /// <summary>"open", "accepted", "declined".</summary>
    public static string StatusName(ProposalStatus status) => status.ToString().ToLowerInvariant();
}
