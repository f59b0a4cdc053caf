using System.Text;
using System.Text.Encodings.Web;
using CooperaNet.Application.Email;
using CooperaNet.Domain.Newsletter;

namespace CooperaNet.Application.Newsletter;

/// <summary>An issue's e-mail as it leaves: subject, text part, HTML part.</summary>
public sealed record NewsletterEmail(string Subject, string Text, string Html);

/// <summary>
/// Writes an issue as an e-mail: the introduction, then the items by kind, each a title, a summary and a
/// link; at the foot the archive and the unsubscribe link. Plain: no images, no tracking, links only.
/// The preview and the sender use this same method, so the preview is the e-mail.
/// </summary>
public static class NewsletterLetter
{
    /// <summary>The archive page of an issue, without the site's address.</summary>
    public static string IssuePath(NewsletterIssue issue) => $"/{issue.Language}/newsletter/{issue.Id}";

    /// <summary>The one-click unsubscribe address of a token (RFC 8058).</summary>
    public static string UnsubscribeUrl(string baseUrl, string language, string token) => $"{baseUrl}/{language}/newsletter/unsubscribe/{token}";

    public static NewsletterEmail Write(NewsletterIssue issue, string baseUrl, string unsubscribeUrl, INewsletterTexts texts)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(texts);
        var language = issue.Language;
        string Say(string key, params object[] args) => texts.Say(language, key, args);
        var encode = HtmlEncoder.Default;
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append(issue.Title).Append("\n\n");
        html.Append("<h1>").Append(encode.Encode(issue.Title)).Append("</h1>");
        foreach (var paragraph in Paragraphs(issue.Introduction))
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(encode.Encode(paragraph)).Append("</p>");
        }

        foreach (var group in issue.Items.OrderBy(i => i.Position).GroupBy(i => i.Kind).OrderBy(g => g.Key))
        {
            var heading = Say("Newsletter.Section." + group.Key);
            text.Append("== ").Append(heading).Append(" ==\n\n");
            html.Append("<h2>").Append(encode.Encode(heading)).Append("</h2><ul>");
            foreach (var item in group)
            {
                var url = $"{baseUrl}/{language}{item.Path}";
                text.Append(item.Title).Append('\n');
                if (item.Summary.Length > 0)
                {
                    text.Append(item.Summary).Append('\n');
                }

                text.Append(url).Append("\n\n");
                html.Append("<li><p><a href=\"").Append(encode.Encode(url)).Append("\">").Append(encode.Encode(item.Title)).Append("</a></p>");
                if (item.Summary.Length > 0)
                {
                    html.Append("<p>").Append(encode.Encode(item.Summary)).Append("</p>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        var archive = baseUrl + IssuePath(issue);
        var why = Say("Newsletter.Email.Why");
        var archiveLine = Say("Newsletter.Email.Archive");
        var unsubscribeLine = Say("Newsletter.Email.Unsubscribe");
        text.Append("--\n").Append(why).Append('\n')
            .Append(archiveLine).Append(' ').Append(archive).Append('\n')
            .Append(unsubscribeLine).Append(' ').Append(unsubscribeUrl).Append('\n');
        html.Append("<hr><p>").Append(encode.Encode(why)).Append("</p>")
            .Append("<p>").Append(encode.Encode(archiveLine)).Append(" <a href=\"").Append(encode.Encode(archive)).Append("\">").Append(encode.Encode(archive)).Append("</a></p>")
            .Append("<p>").Append(encode.Encode(unsubscribeLine)).Append(" <a href=\"").Append(encode.Encode(unsubscribeUrl)).Append("\">").Append(encode.Encode(unsubscribeUrl)).Append("</a></p>");
        return new NewsletterEmail($"{issue.Title} · CooperaNet", text.ToString(), Letter.Document(language, html.ToString()));
    }

    /// <summary>The introduction's paragraphs: blocks separated by blank lines.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
