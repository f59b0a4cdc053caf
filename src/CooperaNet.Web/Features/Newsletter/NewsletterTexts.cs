using System.Globalization;
using CooperaNet.Application.Newsletter;
using CooperaNet.Web.Localization;

namespace CooperaNet.Web.Features.Newsletter;

/// <summary>The newsletter e-mails' texts, from the same resource files as every other interface string.</summary>
public sealed class NewsletterTexts(UiStrings strings) : INewsletterTexts
{
    public string Say(string language, string key, params object[] arguments) =>
        string.Format(CultureInfo.GetCultureInfo(language), strings.For(language).TryGetValue(key, out var value) ? value : key, arguments);
}
