using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Notifications;
using CooperaNet.Domain;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Crossing;

/// <summary>
/// Tells the people concerned that something happened: a message in their in-app inbox and an
/// e-mail through the outbox, each in the recipient's own language. Added to the caller's unit of
/// work, so the notice is saved with the change it announces, or not at all.
/// </summary>
public sealed class Notifier(CooperaNetDbContext db, EmailOutbox outbox, UiStrings strings, AccountEmails emails, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>
    /// Notifies the focal points of <paramref name="states"/> (and the secretariat when
    /// <paramref name="secretariat"/>) of <paramref name="kind"/>; the text is the resource
    /// "Notify.{kind}" with <paramref name="arguments"/>, the link a path under the language prefix.
    /// </summary>
    public async Task NotifyAsync(string kind, IReadOnlyCollection<string> states, bool secretariat, string link, params string[] arguments)
    {
        var focalRole = await db.Roles.Where(r => r.Name == Roles.FocalPoint).Select(r => r.Id).FirstOrDefaultAsync();
        var secretariatRole = await db.Roles.Where(r => r.Name == Roles.Secretariat).Select(r => r.Id).FirstOrDefaultAsync();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => (u.MemberStateCode != null && states.Contains(u.MemberStateCode) && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == focalRole))
                || (secretariat && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == secretariatRole)))
            .ToListAsync();
        var now = clock.GetUtcNow();
        var json = JsonSerializer.Serialize(arguments);
        var baseUrl = http.HttpContext is { } context ? emails.BaseUrl(context.Request) : string.Empty;
        foreach (var user in recipients)
        {
            db.Notifications.Add(new Notification { Id = Guid.CreateVersion7(now), UserId = user.Id, Kind = kind, Arguments = json, Link = link, CreatedAt = now });
            if (user.Email is null)
            {
                continue;
            }

            var language = Languages.Normalize(user.PreferredLanguage) ?? Languages.Default;
            var text = strings.For(language);
            var culture = CultureInfo.GetCultureInfo(language);
            string Say(string key, params object[] args) => string.Format(culture, text.TryGetValue(key, out var value) ? value : key, args);
            var address = $"{baseUrl}/{language}{link}";
            var paragraphs = new[] { Say("Notify.Greeting", user.DisplayName), Say("Notify." + kind, arguments), address, Say("Notify.Footer"), Say("Account.Email.Signature") };
            outbox.EnqueueLetter(user.Email, language, Say("Notify." + kind + ".Subject", arguments), paragraphs, address);
        }
    }

    /// <summary>The text of a stored notification in <paramref name="language"/>.</summary>
    public string Text(Notification notification, string language)
    {
        var text = strings.For(language);
        var arguments = JsonSerializer.Deserialize<string[]>(notification.Arguments) ?? [];
        var key = "Notify." + notification.Kind;
        return string.Format(CultureInfo.GetCultureInfo(language), text.TryGetValue(key, out var value) ? value : key, arguments);
    }
}
