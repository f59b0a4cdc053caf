using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Interop.Iati;

public static class IatiServices
{
    /// <summary>The IATI exchange: the reporting organisation from CooperaNet:Iati, the exporter and the importer.</summary>
    public static IServiceCollection AddIatiExchange(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IatiOptions>().Bind(configuration.GetSection(IatiOptions.Section));
        services.AddScoped<IatiExporter>();
        services.AddScoped<IatiImporter>();
        return services;
    }
}
