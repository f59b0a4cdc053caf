using System.Security.Claims;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>What a user wants to do with an entry (or, for <see cref="Create"/>, with a state's catalog).</summary>
public static class CatalogOperations
{
    /// <summary>See an entry that is not published.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Create an entry for a state.</summary>
    public static readonly OperationAuthorizationRequirement Create = new() { Name = nameof(Create) };

    /// <summary>Change, submit, withdraw, close or delete an entry.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Publish, return or restore an entry: the secretariat's moderation.</summary>
    public static readonly OperationAuthorizationRequirement Moderate = new() { Name = nameof(Moderate) };
}

/// <summary>A member state's catalog, the resource of <see cref="CatalogOperations.Create"/>.</summary>
public sealed record StateCatalog(string StateCode);

/// <summary>Claims the catalog's rules read.</summary>
public static class CatalogClaims
{
    public const string State = "cooperanet:state";

    public static bool IsSecretariat(this ClaimsPrincipal user) => user.IsInRole(Roles.Secretariat);

    /// <summary>Writes entries for some state (its own, or any for the secretariat): sees drafts and the link to publish.</summary>
    public static bool WritesForAState(this ClaimsPrincipal user) => user.IsSecretariat() || user.FocalPointState() is not null;

    /// <summary>The state a focal point speaks for, or null.</summary>
    public static string? FocalPointState(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.FocalPoint) ? user.FindFirstValue(State) : null;
}

/// <summary>
/// A member state's data is changed only by its own focal points and the secretariat; only the
/// secretariat moderates. One place decides, for pages and API alike.
/// </summary>
public sealed class CatalogAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var state = context.Resource switch
            {
                CatalogEntry entry => entry.StateCode,
                StateCatalog catalog => catalog.StateCode,
                _ => null,
            };
            if (state is null)
            {
                continue;
            }

            var user = context.User;
            var allowed = requirement.Name == nameof(CatalogOperations.Moderate)
                ? user.IsSecretariat()
                : user.IsSecretariat() || user.FocalPointState() == state;
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>Adds the focal point's member state to the signed-in principal (cookie and API token alike).</summary>
public sealed class CooperaNetClaimsFactory(
    Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users,
    Microsoft.AspNetCore.Identity.RoleManager<ApplicationRole> roles,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> options)
    : Microsoft.AspNetCore.Identity.UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MemberStateCode is not null)
        {
            identity.AddClaim(new Claim(CatalogClaims.State, user.MemberStateCode));
        }

        return identity;
    }
}
