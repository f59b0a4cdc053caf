namespace CooperaNet.Web.Features.Newsletter;

/// <summary>A page to share: its absolute address and title.</summary>
public sealed record ShareTarget(string Url, string Title);

/// <summary>
/// Share links built on the server: plain addresses of each network's share page, so the page loads no
/// third-party script and the networks learn nothing until the reader clicks.
/// </summary>
public static class ShareLinks
{
    /// <summary>(network, address) pairs: e-mail, LinkedIn, X, Facebook, WhatsApp.</summary>
    public static IReadOnlyList<(string Network, string Href)> For(ShareTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var url = Uri.EscapeDataString(target.Url);
        var title = Uri.EscapeDataString(target.Title);
        return
        [
            ("email", $"mailto:?subject={title}&body={url}"),
            ("linkedin", $"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            ("x", $"https://x.com/intent/post?url={url}&text={title}"),
            ("facebook", $"https://www.facebook.com/sharer/sharer.php?u={url}"),
            ("whatsapp", $"https://wa.me/?text={Uri.EscapeDataString(target.Title + " " + target.Url)}"),
        ];
    }
}
