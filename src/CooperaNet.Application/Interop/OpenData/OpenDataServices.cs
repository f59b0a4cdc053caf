using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Interop.OpenData;

public static class OpenDataServices
{
    /// <summary>
    /// The open-data files, kept under <c>CooperaNet:OpenData:Folder</c> (relative to <paramref name="contentRoot"/>)
    /// or else <paramref name="defaultFolder"/>; <paramref name="background"/> adds the hourly job that rebuilds them.
    /// Needs <see cref="ExchangeServices.AddDataExchange"/>.
    /// </summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services, IConfiguration configuration, string contentRoot, string defaultFolder, bool background)
    {
        services.AddOptions<OpenDataOptions>()
            .Bind(configuration.GetSection(OpenDataOptions.Section))
            .PostConfigure(o => o.Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(o.Folder) ? defaultFolder : Path.Combine(contentRoot, o.Folder)))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<OpenDataPackage>();
        services.AddSingleton<OpenDataFiles>();
        if (background)
        {
            services.AddSingleton<OpenDataRefreshJob>();
            services.AddHostedService(sp => sp.GetRequiredService<OpenDataRefreshJob>());
        }

        return services;
    }
}
