using System.Globalization;
using CooperaNet.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages;

/// <summary>Error pages (404, 500...) in the language of the page that failed.</summary>
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var language = Languages.Normalize(original?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
        if (language is not null)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        }

        Response.StatusCode = code;
    }
}
