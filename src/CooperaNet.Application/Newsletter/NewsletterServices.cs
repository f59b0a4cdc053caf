using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Newsletter;

public static class NewsletterServices
{
    /// <summary>
    /// Subscriptions, issues and the sender job (hosted when <paramref name="background"/>). The host supplies
    /// <see cref="INewsletterTexts"/> and binds <see cref="NewsletterOptions"/>.
    /// </summary>
    public static IServiceCollection AddNewsletter(this IServiceCollection services, bool background)
    {
        services.AddScoped<NewsletterSubscriptions>();
        services.AddScoped<NewsletterIssues>();
        services.AddSingleton<NewsletterSender>();
        if (background)
        {
            services.AddHostedService(sp => sp.GetRequiredService<NewsletterSender>());
        }

        return services;
    }
}
