using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Interop.OpenData;

/// <summary>Checks every hour whether this instance's open-data files are stale and rebuilds them.</summary>
public sealed partial class OpenDataRefreshJob(OpenDataFiles files, IOptions<OpenDataOptions> options, TimeProvider clock, ILogger<OpenDataRefreshJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await files.RefreshIfStaleAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error.GetType().Name, error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Building the open-data files failed ({Error}: {Message}); the previous files stay and it is tried again within the hour")]
    private static partial void LogFailed(ILogger logger, string error, string message);
}
