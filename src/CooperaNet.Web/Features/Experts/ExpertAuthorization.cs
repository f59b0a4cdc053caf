using System.Security.Claims;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CooperaNet.Web.Features.Experts;

/// <summary>What a user wants to do with an expert's profile.</summary>
public static class ExpertOperations
{
    /// <summary>See the profile and its CV (every CV read is audited).</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "ReadExpert" };

    /// <summary>Change the profile, its CV, download everything held or erase it.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "EditExpert" };
}

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
/// Personal data is never public: a profile is read by its expert and by the secretariat (with its
/// second factor); only the expert changes it. Assignments, when they exist, will add the focal
/// points concerned here.
/// </summary>
public sealed class ExpertAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not ExpertProfile profile)
        {
            return Task.CompletedTask;
        }

        var user = context.User;
        var own = user.IsInRole(Roles.Expert) && user.UserId() == profile.UserId;
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var allowed = requirement.Name switch
            {
                "ReadExpert" => own || user.IsVerifiedSecretariat(),
                "EditExpert" => own,
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
