using System.Globalization;
using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Application.Events;
using CooperaNet.Domain.Events;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Events;

/// <summary>The letter telling someone from the waiting list that a place is theirs, in their language.</summary>
public sealed class EventLetters(CooperaNetDbContext db, EmailOutbox outbox, UiStrings strings, AccountEmails emails, IHttpContextAccessor http) : IEventLetters
{
    public async Task PlaceFreedAsync(Event item, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user?.Email is not { Length: > 0 } address)
        {
            return;
        }

        var language = AccountEmails.LanguageFor(user);
        var culture = CultureInfo.GetCultureInfo(language);
        var text = strings.For(language);
        string Say(string key, params object[] args) => string.Format(culture, text.TryGetValue(key, out var value) ? value : key, args);
        var origin = http.HttpContext is { } context ? emails.BaseUrl(context.Request) : string.Empty;
        var link = $"{origin}/{language}{EventRoutes.Page(item.Id)}";
        var paragraphs = new[]
        {
            Say("Events.Email.PlaceFreed.Body", item.Title, item.LocalStart.ToString("f", culture), item.TimeZoneId),
            link,
            Say("Events.Email.PlaceFreed.Unregister"),
        };
        outbox.EnqueueLetter(address, language, Say("Events.Email.PlaceFreed.Subject", item.Title), paragraphs, link);
    }
}
