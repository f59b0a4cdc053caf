using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Pages.FollowUp;

/// <summary>
/// The unsubscribe link of every campaign e-mail, without signing in. Opening it asks; only the button
/// (a POST) records the choice, so a mail scanner that follows links unsubscribes nobody.
/// </summary>
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, CooperaNetDbContext db, TimeProvider clock) : PageModel
{
    public string? Token { get; private set; }

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public IActionResult OnGet(string? token)
    {
        Token = token;
        Valid = tokens.Read(token) is not null;
        Response.StatusCode = Valid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        if (tokens.Read(token) is not { } address)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!await db.ReminderOptOuts.AnyAsync(o => o.NormalizedEmail == address))
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { NormalizedEmail = address, OptedOutAt = clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        Valid = true;
        Done = true;
        return Page();
    }
}
