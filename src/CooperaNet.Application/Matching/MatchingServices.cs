using CooperaNet.Application.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Matching;

public static class MatchingServices
{
    /// <summary>The pairing of offers and demands; <paramref name="background"/> adds the job that pairs changed entries.</summary>
    public static IServiceCollection AddCooperaNetMatching(this IServiceCollection services, IConfiguration configuration, bool background)
    {
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CatalogMatcher>();
        services.AddScoped<PairMaker>();
        if (background)
        {
            services.AddPlatformTelemetry(configuration);
            services.AddSingleton<MatchingJob>();
            services.AddHostedService(sp => sp.GetRequiredService<MatchingJob>());
        }

        return services;
    }
}
