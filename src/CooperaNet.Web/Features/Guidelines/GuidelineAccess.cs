using CooperaNet.Application.Guidelines;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace CooperaNet.Web.Features.Guidelines;

/// <summary>
/// Who takes part in drafting the guidelines: the secretariat (signed in with a second factor), focal
/// points, working-group members and partners. They read drafts and consultations and comment; everyone
/// else reads what is published.
/// </summary>
public static class GuidelineAccess
{
    public const string Participant = "GuidelineParticipant";

    public static IServiceCollection AddGuidelines(this IServiceCollection services)
    {
        services.AddScoped<GuidelineBook>();
        services.AddAuthorizationBuilder().AddPolicy(Participant, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(Roles.FocalPoint) || context.User.IsInRole(Roles.WorkingGroupMember) || context.User.IsInRole(Roles.Partner)
            || context.User.IsInRole(Roles.Secretariat) && context.User.HasClaim(Policies.MfaClaim, Policies.MfaValue)));
        return services;
    }

    public static async Task<bool> IsParticipantAsync(this IAuthorizationService auth, System.Security.Claims.ClaimsPrincipal user) =>
        (await auth.AuthorizeAsync(user, Participant)).Succeeded;

    public static async Task<bool> IsSecretariatAsync(this IAuthorizationService auth, System.Security.Claims.ClaimsPrincipal user) =>
        (await auth.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;
}
