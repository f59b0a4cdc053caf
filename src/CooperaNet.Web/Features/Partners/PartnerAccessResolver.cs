using System.Security.Claims;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Partners;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace CooperaNet.Web.Features.Partners;

/// <summary>Tells the registry who asks: the secretariat (with its second factor), a partner user and their organisation, or the public.</summary>
public sealed class PartnerAccessResolver(IAuthorizationService auth, PartnerRegistry registry)
{
    public async Task<PartnerAccess> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var secretariat = (await auth.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;
        Guid? organisation = userId is { } id && user.IsInRole(Roles.Partner) ? await registry.OrganisationOfAsync(id, ct) : null;
        return new PartnerAccess(secretariat, organisation, userId);
    }
}
