namespace CooperaNet.Web.Features.Guidelines;

/// <summary>The addresses of the guidelines; page routes without the language prefix.</summary>
public static class GuidelineRoutes
{
    public const string List = "/guidelines";
    public const string ApiGroup = "/api/v1/guidelines";

    public static string Page(string slug) => $"/guidelines/{slug}";

    public static string Version(string slug, int number) => $"/guidelines/{slug}/{number}";

    public static string Edit(string slug, int number) => $"/guidelines/{slug}/{number}/edit";

    public static string Diff(string slug, int from, int to) => $"/guidelines/{slug}/diff?from={from}&to={to}";

    /// <summary>The version as a PDF in one language.</summary>
    public static string Pdf(string slug, int number, string language) => $"{ApiGroup}/{slug}/versions/{number}/pdf?lang={language}";
}
