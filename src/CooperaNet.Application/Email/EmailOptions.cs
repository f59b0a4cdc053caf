using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Email;

/// <summary>How e-mail leaves the platform. Section "CooperaNet:Email".</summary>
public sealed class EmailOptions
{
    public const string Section = "CooperaNet:Email";

    /// <summary>Sender, as "Name &lt;address&gt;" or a bare address.</summary>
    [Required]
    public string From { get; set; } = string.Empty;

    /// <summary>
    /// Folder that receives one <c>{id}.eml</c> file per message when no SMTP host is set
    /// (relative paths start at the content root). The default for development and tests.
    /// </summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>
    /// The site's public address for links in e-mails (https://cooperanet.example.org). Set it in
    /// production: without it links use the address of the request, which a client can forge.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How often the dispatcher looks for queued messages.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [ValidateObjectMembers]
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>True when messages go to an SMTP server rather than the pickup folder.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>The SMTP relay. Section "CooperaNet:Email:Smtp"; unused while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS; refuse to send when the server cannot.</summary>
    public bool UseStartTls { get; set; } = true;
}
