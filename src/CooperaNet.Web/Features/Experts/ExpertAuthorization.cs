using System.Security.Claims;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Experts;

/// <summary>What a user wants to do with an expert's profile.</summary>
public static class ExpertOperations
{
    /// <summary>See the profile and its CV (every CV read is audited).</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "ReadExpert" };

    /// <summary>Change the profile, its CV, download everything held or erase it.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "EditExpert" };
}

/// <summary>What a user wants to do with an expert's assignment.</summary>
public static class AssignmentOperations
{
    /// <summary>See it: the expert concerned, the receiving state's focal points and the secretariat.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "ReadAssignment" };

    /// <summary>Accept or decline it: the expert concerned only.</summary>
    public static readonly OperationAuthorizationRequirement Answer = new() { Name = "AnswerAssignment" };

    /// <summary>Mark the mission completed: the secretariat.</summary>
    public static readonly OperationAuthorizationRequirement Complete = new() { Name = "CompleteAssignment" };

    /// <summary>Evaluate the completed work: the receiving state's focal points, whose judgement it is.</summary>
    public static readonly OperationAuthorizationRequirement Evaluate = new() { Name = "EvaluateAssignment" };
}

/// <summary>An assignment with the account of the expert it concerns, the resource of <see cref="AssignmentOperations"/>.</summary>
public sealed record AssignmentResource(ExpertAssignment Assignment, Guid ExpertUserId);

/// <summary>Policies of the experts' pages and API.</summary>
public static class ExpertPolicies
{
    /// <summary>An account with the expert role: it keeps its own profile.</summary>
    public const string Expert = "Expert";

    /// <summary>The secretariat signed in with its second factor.</summary>
    public static bool IsVerifiedSecretariat(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Secretariat) && user.HasClaim(Policies.MfaClaim, Policies.MfaValue);

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>
/// Personal data is never public: a profile is read by its expert, by the secretariat (with its
/// second factor) and by the focal points of the receiving state of one of the expert's assignments
/// that was not declined; only the expert changes it. Scoped: the assignments are read from the database.
/// </summary>
public sealed class ExpertAuthorizationHandler(CooperaNetDbContext db) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not ExpertProfile profile)
        {
            return;
        }

        var user = context.User;
        var own = user.IsInRole(Roles.Expert) && user.UserId() == profile.UserId;
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var allowed = requirement.Name switch
            {
                "ReadExpert" => own || user.IsVerifiedSecretariat() || await ReceivesTheExpertAsync(user, profile.Id),
                "EditExpert" => own,
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    private async Task<bool> ReceivesTheExpertAsync(ClaimsPrincipal user, Guid expertId) =>
        user.FocalPointState() is { } state
        && await db.ExpertAssignments.AsNoTracking().AnyAsync(a => a.ExpertId == expertId && a.ReceivingState == state && a.Status != AssignmentStatus.Declined);
}

/// <summary>The rules for assignments, in one place for the API and the pages. Proposing is the <see cref="Policies.Secretariat"/> policy.</summary>
public sealed class AssignmentAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not AssignmentResource resource)
        {
            return Task.CompletedTask;
        }

        var user = context.User;
        var expert = user.IsInRole(Roles.Expert) && user.UserId() == resource.ExpertUserId;
        var receiver = user.FocalPointState() == resource.Assignment.ReceivingState;
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var allowed = requirement.Name switch
            {
                "ReadAssignment" => expert || receiver || user.IsVerifiedSecretariat(),
                "AnswerAssignment" => expert,
                "CompleteAssignment" => user.IsVerifiedSecretariat(),
                "EvaluateAssignment" => receiver,
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
