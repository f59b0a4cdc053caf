using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CooperaNet.Web.Pages.Account;

/// <summary>One-line confirmations carried to the next page through TempData, as resource keys.</summary>
public static class Notices
{
    public const string Key = "Notice";

    /// <summary>
    /// The notice a redirect left for <paramref name="page"/>, if any. Temp data is read only when its
    /// cookie came with the request: reading it otherwise answers with a cookie-clearing header, and a
    /// response that sets a cookie cannot be shared from the output cache.
    /// </summary>
    public static string? Take(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page) =>
        page.Request.Cookies.ContainsKey(Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider.CookieName)
            ? page.TempData[Key] as string
            : null;
}

/// <summary>Where the sign-in steps send the user next. Only local paths are followed: no open redirect.</summary>
public static class AccountRedirects
{
    public static string AfterSignIn(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : $"/{UiStrings.CurrentLanguage}/";

    /// <summary>A page of the sign-in flow in the current language, carrying the return path and "remember me".</summary>
    public static string WithReturnUrl(string page, string? returnUrl, bool rememberMe)
    {
        var query = QueryString.Create("rememberMe", rememberMe ? "true" : "false");
        if (!string.IsNullOrEmpty(returnUrl))
        {
            query = query.Add("returnUrl", returnUrl);
        }

        return $"/{UiStrings.CurrentLanguage}{page}{query}";
    }
}
