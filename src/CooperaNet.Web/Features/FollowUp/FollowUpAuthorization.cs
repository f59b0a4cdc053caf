using System.Security.Claims;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CooperaNet.Web.Features.FollowUp;

/// <summary>A state's follow-up log, the resource of <see cref="FollowUpOperations"/>.</summary>
public sealed record StateFollowUp(string StateCode);

/// <summary>What a user wants to do with a state's follow-up log.</summary>
public static class FollowUpOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "ReadFollowUp" };

    public static readonly OperationAuthorizationRequirement Write = new() { Name = "WriteFollowUp" };
}

/// <summary>Policies of the campaign pages and API.</summary>
public static class FollowUpPolicies
{
    /// <summary>The secretariat (with its second factor) and the working group: they read every campaign, session and log.</summary>
    public const string Readers = "FollowUpReaders";

    public static bool ReadsAllFollowUp(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.WorkingGroupMember) || (user.IsSecretariat() && user.HasClaim(Policies.MfaClaim, Policies.MfaValue));
}

/// <summary>
/// A state's follow-up log is read by the secretariat, the working group and that state's own focal
/// points; only the secretariat writes it.
/// </summary>
public sealed class FollowUpAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not StateFollowUp log)
        {
            return Task.CompletedTask;
        }

        var user = context.User;
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var allowed = requirement.Name switch
            {
                "ReadFollowUp" => user.ReadsAllFollowUp() || user.FocalPointState() == log.StateCode,
                "WriteFollowUp" => user.IsSecretariat() && user.HasClaim(Policies.MfaClaim, Policies.MfaValue),
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
