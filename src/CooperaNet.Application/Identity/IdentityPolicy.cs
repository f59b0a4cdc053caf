using Microsoft.AspNetCore.Identity;

namespace CooperaNet.Application.Identity;

/// <summary>
/// Account rules shared by the web app and the command line, so a password one of them accepts
/// the other accepts too.
/// </summary>
public static class IdentityPolicy
{
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    }
}
