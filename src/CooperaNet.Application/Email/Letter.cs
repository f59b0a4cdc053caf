using System.Text.Encodings.Web;

namespace CooperaNet.Application.Email;

/// <summary>
/// A plain e-mail in one language: paragraphs, of which some are links. The text part is the
/// paragraphs; the HTML part the same paragraphs with the links clickable — no images, nothing that
/// reports back when the message is opened.
/// </summary>
public static class Letter
{
    /// <summary>The paragraphs as HTML, <paramref name="links"/> as anchors.</summary>
    public static string HtmlParagraphs(IEnumerable<string> paragraphs, IReadOnlyCollection<string> links) =>
        string.Concat(paragraphs.Select(p => links.Contains(p)
            ? $"<p><a href=\"{HtmlEncoder.Default.Encode(p)}\">{HtmlEncoder.Default.Encode(p)}</a></p>"
            : $"<p>{HtmlEncoder.Default.Encode(p)}</p>"));

    /// <summary>A complete HTML document around <paramref name="body"/>, in <paramref name="language"/>.</summary>
    public static string Document(string language, string body) => $"<!DOCTYPE html><html lang=\"{language}\"><body>{body}</body></html>";

    /// <summary>Queues the letter: text and HTML parts from the same paragraphs.</summary>
    public static OutboxMessage EnqueueLetter(this EmailOutbox outbox, string to, string language, string subject, IReadOnlyList<string> paragraphs, params string[] links)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return outbox.Enqueue(to, subject, string.Join("\n\n", paragraphs) + "\n", Document(language, HtmlParagraphs(paragraphs, links)));
    }
}
