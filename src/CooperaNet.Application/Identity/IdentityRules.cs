using Microsoft.AspNetCore.Identity;

namespace CooperaNet.Application.Identity;

/// <summary>Password and lockout rules, the same for the web app and the command line.</summary>
public static class IdentityRules
{
    public static void Apply(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        // Length, not composition rules (NIST SP 800-63B): "correct-horse-battery-42" is strong as it is.
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    }

    /// <summary>The password checks beyond Identity's own: not one of the common passwords.</summary>
    public static IdentityBuilder AddCooperaNetPasswordRules(this IdentityBuilder builder) =>
        builder.AddPasswordValidator<CommonPasswordValidator>();
}
