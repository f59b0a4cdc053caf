using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Priorities;

public static class PriorityServices
{
    /// <summary>The priority areas: options from CooperaNet:Priorities, checked at start, and the calculator.</summary>
    public static IServiceCollection AddPriorityAreas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PriorityOptions>().Bind(configuration.GetSection(PriorityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PriorityCalculator>();
        return services;
    }
}
