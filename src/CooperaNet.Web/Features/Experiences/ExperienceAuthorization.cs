using System.Security.Claims;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CooperaNet.Web.Features.Experiences;

/// <summary>What a user wants to do with an experience (or, for <see cref="Create"/>, with the exchange).</summary>
public static class ExperienceOperations
{
    /// <summary>See an experience that is not published.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "ReadExperience" };

    /// <summary>Write a new experience.</summary>
    public static readonly OperationAuthorizationRequirement Create = new() { Name = "CreateExperience" };

    /// <summary>Change, submit or delete an experience, its translations, images and files.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "EditExperience" };

    /// <summary>Publish, return or restore: the secretariat's moderation.</summary>
    public static readonly OperationAuthorizationRequirement Moderate = new() { Name = "ModerateExperience" };
}

/// <summary>The exchange of experiences as a whole, the resource of <see cref="ExperienceOperations.Create"/>.</summary>
public sealed record ExperienceExchange
{
    public static readonly ExperienceExchange Instance = new();
}

/// <summary>
/// Who may do what with an experience, for pages and API alike: focal points write for their own state
/// and change their state's experiences; experts and partner organisations write and change their own;
/// the secretariat writes, changes any and alone moderates. Working-group members and the public read
/// what is published.
/// </summary>
public sealed class ExperienceAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var allowed = (context.Resource, requirement.Name) switch
            {
                (ExperienceExchange, "CreateExperience") => ExperienceAuthors.RoleOf(context.User) is not null,
                (Experience experience, "ReadExperience" or "EditExperience") => IsOwnOrSecretariat(context.User, experience),
                (Experience, "ModerateExperience") => context.User.IsSecretariat(),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsOwnOrSecretariat(ClaimsPrincipal user, Experience experience)
    {
        if (user.IsSecretariat())
        {
            return true;
        }

        return ExperienceAuthors.RoleOf(user) switch
        {
            ExperienceAuthorRole.FocalPoint => experience.StateCode is not null && experience.StateCode == user.FocalPointState(),
            ExperienceAuthorRole.Expert or ExperienceAuthorRole.Partner => experience.AuthorId == ExperienceAuthors.IdOf(user),
            _ => false,
        };
    }
}

/// <summary>The author roles of signed-in users.</summary>
public static class ExperienceAuthors
{
    /// <summary>The part a user writes in, or null for those who only read (working group, public).</summary>
    public static ExperienceAuthorRole? RoleOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? null
        : user.IsSecretariat() ? ExperienceAuthorRole.Secretariat
        : user.FocalPointState() is not null ? ExperienceAuthorRole.FocalPoint
        : user.IsInRole(Roles.Expert) ? ExperienceAuthorRole.Expert
        : user.IsInRole(Roles.Partner) ? ExperienceAuthorRole.Partner
        : null;

    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
