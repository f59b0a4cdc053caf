using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Notifications;
using CooperaNet.Web.Features.Crossing;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Pages.Notifications;

/// <summary>The signed-in user's inbox: what happened to their state's pairs and initiatives, newest first.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NotificationsModel(CooperaNetDbContext db, UserManager<ApplicationUser> users, Notifier notifier, TimeProvider clock) : PageModel
{
    public sealed record Item(string Text, string Link, DateTimeOffset At, bool Unread);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var id = Guid.Parse(users.GetUserId(User)!);
        var lang = UiStrings.CurrentLanguage;
        var stored = await db.Notifications.AsNoTracking().Where(n => n.UserId == id).OrderByDescending(n => n.CreatedAt).Take(100).ToListAsync();
        Items = [.. stored.Select(n => new Item(notifier.Text(n, lang), $"/{lang}{n.Link}", n.CreatedAt, n.ReadAt is null))];
    }

    /// <summary>Marks every message as read.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var id = Guid.Parse(users.GetUserId(User)!);
        var now = clock.GetUtcNow();
        foreach (var notification in await db.Notifications.Where(n => n.UserId == id && n.ReadAt == null).ToListAsync())
        {
            notification.ReadAt = now;
        }

        await db.SaveChangesAsync();
        return Redirect($"/{UiStrings.CurrentLanguage}{Routes.Notifications}");
    }
}
