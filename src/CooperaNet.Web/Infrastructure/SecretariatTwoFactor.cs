using CooperaNet.Application.Identity;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// The secretariat administers every member state's data, so its accounts always use a second
/// factor: a signed-in secretariat user without one is sent to set it up before any other page.
/// The account pages stay reachable (to set it up, or to sign out); static files and the API are
/// not pages and pass. <see cref="Policies.Secretariat"/> then requires that the sign-in used it.
/// </summary>
public static class SecretariatTwoFactor
{
    public static IApplicationBuilder UseSecretariatTwoFactor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (await MustSetUpAsync(context))
        {
            context.Response.Redirect($"/{UiStrings.CurrentLanguage}{Routes.Profile}#{Routes.TwoFactorSection}");
            return;
        }

        await next(context);
    });

    /// <summary>True when the user's role obliges them to keep a second factor.</summary>
    public static Task<bool> IsRequiredForAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        users.IsInRoleAsync(user, Roles.Secretariat);

    private static async Task<bool> MustSetUpAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Secretariat) || user.HasClaim(Policies.MfaClaim, Policies.MfaValue))
        {
            return false;
        }

        var page = context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>();
        if (page is null || page.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal) || page.ViewEnginePath == CulturePrefixConvention.ErrorPage)
        {
            return false;
        }

        var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.GetUserAsync(user);
        return account is not null && !account.TwoFactorEnabled;
    }
}
