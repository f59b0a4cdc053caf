using CooperaNet.Domain;

namespace CooperaNet.Web.Localization;

/// <summary>Helpers for the language switcher.</summary>
public static class LanguageLinks
{
    /// <summary>"/en/work-plan" becomes "/work-plan"; "/en/" and "/en" become "/".</summary>
    public static string PathWithoutLanguage(PathString path)
    {
        var value = path.Value ?? "/";
        var segments = value.Split('/', 3);
        if (segments.Length >= 2 && Languages.IsSupported(segments[1]))
        {
            return segments.Length == 3 ? "/" + segments[2] : "/";
        }

        return value;
    }

    /// <summary>The path the visitor asked for: for an error page, the path that failed.</summary>
    public static PathString VisiblePath(HttpContext context) =>
        (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path) is { } original
            ? new PathString(original)
            : context.Request.Path;

    public static string? FirstSegment(PathString path) =>
        path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    /// <summary>Each language named in itself, as a switcher must.</summary>
    public static string NativeName(string language) => language switch
    {
        Languages.Spanish => "Español",
        Languages.English => "English",
        Languages.Portuguese => "Português",
        Languages.French => "Français",
        _ => language,
    };
}
