using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// Gives every registered health check its own time limit (<see cref="HealthOptions.CheckTimeout"/>).
/// The check's token is cancelled at the limit, and the answer does not wait for a check that ignores
/// its token (SQLite's driver blocks in a busy database): it is the registration's failure status with
/// the description "timeout".
/// </summary>
public static class HealthCheckTimeouts
{
    public const string Description = "timeout";

    public static IServiceCollection AddHealthCheckTimeouts(this IServiceCollection services)
    {
        services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<HealthOptions>>((options, health) =>
        {
            foreach (var registration in options.Registrations)
            {
                var inner = registration.Factory;
                var timeout = health.Value.CheckTimeout;
                registration.Factory = provider => new TimeLimited(inner(provider), timeout);
            }
        });
        return services;
    }

    private sealed class TimeLimited(IHealthCheck inner, TimeSpan timeout) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                return await inner.CheckHealthAsync(context, limit.Token).WaitAsync(timeout, cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is TimeoutException or OperationCanceledException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, Description);
            }
        }
    }
}
