using CooperaNet.Application.Email;
using MimeKit;

namespace CooperaNet.Web.Infrastructure;

/// <summary>E-mail: the options, checked at start, and the dispatcher that empties the outbox.</summary>
public static class EmailServices
{
    public static WebApplicationBuilder AddCooperaNetEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "CooperaNet:Email:From must be an e-mail address, optionally with a name (\"CooperaNet <no-reply@example.org>\").")
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }
}
