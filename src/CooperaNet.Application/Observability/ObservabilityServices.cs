using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Observability;

public static class ObservabilityServices
{
    /// <summary>The "CooperaNet" meter and the queue counts behind its gauges; safe to call more than once.</summary>
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(PlatformTelemetry)))
        {
            return services;
        }

        services.AddMetrics();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WorkQueues>();
        services.AddSingleton<PlatformTelemetry>();
        return services;
    }
}
