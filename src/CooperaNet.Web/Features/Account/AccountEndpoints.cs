using System.Security.Claims;
using CooperaNet.Application.Data;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Account;

/// <summary>Who the caller is: the account behind a cookie or an API token.</summary>
public sealed record CurrentUser(Guid Id, string Email, IReadOnlyList<string> Roles, string? MemberState);

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Account").AddEndpointFilter(ApiLanguage.Validate).RequireAuthorization(Policies.SignedIn)
            .MapGet("/me", GetCurrentUser)
            .WithName("GetCurrentUser")
            .WithSummary("The signed-in account: id, e-mail, roles and the member state it speaks for.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    private static async Task<Results<Ok<CurrentUser>, UnauthorizedHttpResult>> GetCurrentUser(ClaimsPrincipal principal, CooperaNetDbContext db)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return TypedResults.Unauthorized();
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Email, u.MemberStateCode }).FirstOrDefaultAsync();
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new CurrentUser(id, user.Email!, roles, user.MemberStateCode));
    }
}
