using CooperaNet.Application.Interop.Iati;
using CooperaNet.Application.Interop.Sidicss;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Interop;

public static class ExchangeServices
{
    /// <summary>Data exchange: IATI (the reporting organisation from CooperaNet:Iati, export and import) and SEGIB's SIDICSS layout.</summary>
    public static IServiceCollection AddDataExchange(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IatiOptions>().Bind(configuration.GetSection(IatiOptions.Section));
        services.AddScoped<IatiExporter>();
        services.AddScoped<IatiImporter>();
        services.AddScoped<SidicssExchange>();
        return services;
    }
}
