namespace CooperaNet.Application.FollowUp;

/// <summary>
/// The campaign e-mails' fixed texts (greeting, subject, unsubscribe line) in a language. The web host
/// supplies them from its resource files, where every interface string lives.
/// </summary>
public interface IFollowUpTexts
{
    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, formatted with <paramref name="arguments"/>.</summary>
    string Say(string language, string key, params object[] arguments);
}
