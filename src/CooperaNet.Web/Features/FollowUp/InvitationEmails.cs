using System.Globalization;
using System.Text.Encodings.Web;
using CooperaNet.Application.Email;
using CooperaNet.Application.FollowUp;
using CooperaNet.Web.Localization;

namespace CooperaNet.Web.Features.FollowUp;

/// <summary>The invitation e-mail, in the invitee's language, queued with the invitation in one save.</summary>
public sealed class InvitationEmails(EmailOutbox outbox, UiStrings strings)
{
    public void Queue(Invitation invitation, string stateName, string baseUrl, string token)
    {
        var language = invitation.Language;
        var culture = CultureInfo.GetCultureInfo(language);
        var text = strings.For(language);
        string Say(string key, params object[] args) => string.Format(culture, text.TryGetValue(key, out var value) ? value : key, args);
        var link = $"{baseUrl}/{language}{FollowUpRoutes.AcceptInvitation}?token={Uri.EscapeDataString(token)}";
        var paragraphs = new[]
        {
            Say("FollowUp.Email.Invitation.Greeting"),
            Say("FollowUp.Email.Invitation.Body", stateName),
            link,
            Say("FollowUp.Email.Invitation.Expiry", invitation.ExpiresAt.UtcDateTime.ToString("D", culture)),
            Say("FollowUp.Email.Invitation.Ignore"),
            Say("FollowUp.Email.Signature"),
        };
        outbox.EnqueueLetter(invitation.Email, language, Say("FollowUp.Email.Invitation.Subject", stateName), paragraphs, link);
    }
}
