using CooperaNet.Application.Auditing;
using CooperaNet.Application.Data;
using CooperaNet.Application.Demo;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Interop;
using CooperaNet.Application.Matching;
using CooperaNet.Application.Priorities;
using CooperaNet.Application.ReferenceData;
using CooperaNet.Application.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CooperaNet.Cli;

/// <summary>The services a command uses, configured from appsettings.json and environment variables.</summary>
internal static class CliHost
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        // One short run never sees a settings file change: watching it would only cost file handles.
        var hostSettings = new ConfigurationManager();
        hostSettings.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Configuration = hostSettings,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Logs go to stderr so that stdout carries only results (a token, an id) for scripts.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // A relative data folder is relative to where the command is run, as with any command-line tool.
        builder.Services.AddCooperaNetDatabase(database, Environment.CurrentDirectory);
        builder.Services.AddSingleton<ICurrentActor>(CliActor.ForCurrentUser());
        builder.Services.AddScoped<ReferenceDataImporter>();
        builder.Services.AddScoped<DemoCatalogSeeder>();
        builder.Services.AddCooperaNetMatching(builder.Configuration, background: false);
        builder.Services.AddPriorityAreas(builder.Configuration);
        builder.Services.AddDataExchange(builder.Configuration);
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddSemesterReports();
        builder.Services.AddMemoryCache();
        builder.Services.AddExperts();
        builder.Services.AddIdentityCore<ApplicationUser>(IdentityRules.Apply)
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<CooperaNetDbContext>()
            .AddCooperaNetPasswordRules();
        return builder.Build();
    }
}
