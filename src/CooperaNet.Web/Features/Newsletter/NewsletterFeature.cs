using CooperaNet.Application.Newsletter;

namespace CooperaNet.Web.Features.Newsletter;

public static class NewsletterFeature
{
    /// <summary>The newsletter: options checked at start, its services, the sender job, the e-mails' texts and the subscribe throttle.</summary>
    public static WebApplicationBuilder AddCooperaNetNewsletter(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddNewsletter(background: true);
        builder.Services.AddSingleton<INewsletterTexts, NewsletterTexts>();
        builder.Services.AddSingleton<SubscribeThrottle>();
        return builder;
    }
}
