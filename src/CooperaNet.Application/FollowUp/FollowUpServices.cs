using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.FollowUp;

public static class FollowUpServices
{
    /// <summary>
    /// Invitations and campaign reminders. The host supplies <see cref="IFollowUpTexts"/>;
    /// <paramref name="background"/> adds the job that sends the reminders.
    /// </summary>
    public static IServiceCollection AddCooperaNetFollowUp(this IServiceCollection services, IConfiguration configuration, bool background)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<Invitations>();
        if (background)
        {
            services.AddSingleton<CampaignReminderJob>();
            services.AddHostedService(sp => sp.GetRequiredService<CampaignReminderJob>());
        }

        return services;
    }
}
