using System.Security.Claims;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CooperaNet.Web.Features.WorkPlan;

/// <summary>
/// What a user wants to do with a work plan. The plan, its indicators and statuses are public; its
/// discussion is for the people who carry it out.
/// </summary>
public static class WorkPlanOperations
{
    /// <summary>Read comments and proposals: working-group members, focal points, the secretariat.</summary>
    public static readonly OperationAuthorizationRequirement ReadDiscussion = new() { Name = "WorkPlanReadDiscussion" };

    /// <summary>Comment on an action: working-group members and the secretariat.</summary>
    public static readonly OperationAuthorizationRequirement Comment = new() { Name = "WorkPlanComment" };

    /// <summary>Record a proposal for an action: working-group members.</summary>
    public static readonly OperationAuthorizationRequirement Propose = new() { Name = "WorkPlanPropose" };

    /// <summary>Accept or decline a proposal, record evidence, copy and edit plans: the secretariat.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = "WorkPlanManage" };
}

/// <summary>The rules of <see cref="WorkPlanOperations"/>, in one place for the API and the pages.</summary>
public sealed class WorkPlanAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var user = context.User;
            var allowed = requirement.Name switch
            {
                "WorkPlanReadDiscussion" => user.IsSecretariat() || user.IsWorkingGroupMember() || user.FocalPointState() is not null,
                "WorkPlanComment" => user.IsSecretariat() || user.IsWorkingGroupMember(),
                "WorkPlanPropose" => user.IsWorkingGroupMember(),
                "WorkPlanManage" => user.IsSecretariat(),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}

internal static class WorkPlanClaims
{
    public static bool IsWorkingGroupMember(this ClaimsPrincipal user) => user.IsInRole(Roles.WorkingGroupMember);
}
