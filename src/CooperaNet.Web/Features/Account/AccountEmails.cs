using System.Globalization;
using System.Text.Encodings.Web;
using CooperaNet.Application.Email;
using CooperaNet.Application.Identity;
using CooperaNet.Domain;
using CooperaNet.Web.Localization;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Features.Account;

/// <summary>
/// The account e-mails, written in the recipient's language (not the page's: a reset may be asked
/// for from a shared computer in another language) and queued in the outbox.
/// </summary>
public sealed class AccountEmails(EmailOutbox outbox, UiStrings strings, IOptions<EmailOptions> options)
{
    /// <summary>The language for e-mail to <paramref name="user"/>: theirs, else the page's.</summary>
    public static string LanguageFor(ApplicationUser user) => Languages.Normalize(user.PreferredLanguage) ?? UiStrings.CurrentLanguage;

    /// <summary>
    /// The site's address for links in e-mail: the configured public address, else the request's.
    /// </summary>
    public string BaseUrl(HttpRequest request) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}"
            : options.Value.PublicBaseUrl.TrimEnd('/');

    public void QueuePasswordReset(ApplicationUser user, string language, string link)
    {
        var text = strings.For(language);
        var culture = CultureInfo.GetCultureInfo(language);
        string Say(string key, params object[] args) =>
            string.Format(culture, text.TryGetValue(key, out var value) ? value : key, args);

        var paragraphs = new[]
        {
            Say("Account.Email.Reset.Greeting", user.DisplayName),
            Say("Account.Email.Reset.Body"),
            link,
            Say("Account.Email.Reset.Expiry"),
            Say("Account.Email.Reset.Ignore"),
            Say("Account.Email.Signature"),
        };
        outbox.EnqueueLetter(user.Email!, language, Say("Account.Email.Reset.Subject"), paragraphs, link);
    }
}
