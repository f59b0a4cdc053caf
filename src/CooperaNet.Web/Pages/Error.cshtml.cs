using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages;

/// <summary>
/// Error pages (404, 500...) in the language of the page that failed, which
/// <see cref="Localization.ErrorPageRequestCultureProvider"/> makes the request culture.
/// </summary>
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code;
        Response.StatusCode = code;
    }
}
