using System.Globalization;
using CooperaNet.Application.FollowUp;
using CooperaNet.Web.Localization;

namespace CooperaNet.Web.Features.FollowUp;

/// <summary>The campaign e-mails' texts, from the same resource files as every other interface string.</summary>
public sealed class FollowUpTexts(UiStrings strings) : IFollowUpTexts
{
    public string Say(string language, string key, params object[] arguments) =>
        string.Format(CultureInfo.GetCultureInfo(language), strings.For(language).TryGetValue(key, out var value) ? value : key, arguments);
}
