using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Account;

/// <summary>Where a signed-in user lands when a page is not for their role; answered with a 403.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
