using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Infrastructure;

/// <summary>RFC 9457 problem details with titles in the caller's language.</summary>
public static class ProblemResponses
{
    private static readonly HashSet<string> FrameworkTitles = new(StringComparer.Ordinal)
    {
        "One or more validation errors occurred.", "Bad Request", "Unauthorized", "Forbidden", "Not Found",
        "Method Not Allowed", "An error occurred while processing your request.",
    };

    public static IServiceCollection AddLocalizedProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Program>>();
            var key = context.ProblemDetails.Status switch
            {
                StatusCodes.Status400BadRequest => "Problem.Validation",
                StatusCodes.Status401Unauthorized => "Problem.Unauthorized",
                StatusCodes.Status403Forbidden => "Problem.Forbidden",
                StatusCodes.Status404NotFound => "Problem.NotFound",
                StatusCodes.Status405MethodNotAllowed => "Problem.MethodNotAllowed",
                _ => "Problem.Unexpected",
            };
            // Keep a title an endpoint already localized; replace the framework's English defaults.
            if (context.ProblemDetails.Title is null || FrameworkTitles.Contains(context.ProblemDetails.Title))
            {
                context.ProblemDetails.Title = text[key];
            }

            context.ProblemDetails.Extensions["language"] = Localization.UiStrings.CurrentLanguage;
        });

    /// <summary>Answers unmatched /api/ paths with a 404 problem instead of an HTML page.</summary>
    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
