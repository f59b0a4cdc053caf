using CooperaNet.Application.Data;
using CooperaNet.Application.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CooperaNet.Web.Infrastructure;

/// <summary>Demo offers and demands for a developer's empty database; other environments never get them.</summary>
public static class DemoData
{
    /// <summary>
    /// In Development, seeds the demo catalog when no entry exists yet (deleted ones count), in the
    /// background so the first page does not wait for it; /health/ready says "not ready" until it is
    /// done. Elsewhere does nothing.
    /// </summary>
    public static void SeedDemoCatalogInDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        var seeding = app.Services.GetRequiredService<DemoSeeding>();
        app.Lifetime.ApplicationStarted.Register(() => seeding.Start(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
            if (!await db.Entries.IgnoreQueryFilters().AnyAsync())
            {
                await scope.ServiceProvider.GetRequiredService<DemoCatalogSeeder>().SeedAsync();
            }
        }));
    }
}

/// <summary>The background demo seeding, as the readiness check sees it.</summary>
public sealed class DemoSeeding
{
    private Task? work;

    public void Start(Func<Task> seed) => work = Task.Run(seed);

    public Task? Work => work;
}

/// <summary>Not ready while the demo catalog is being seeded; unhealthy if seeding failed.</summary>
public sealed class DemoSeedingHealthCheck(DemoSeeding seeding) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(seeding.Work switch
        {
            null => HealthCheckResult.Healthy(),
            { IsCompletedSuccessfully: true } => HealthCheckResult.Healthy(),
            { IsFaulted: true } work => HealthCheckResult.Unhealthy("Demo seeding failed.", work.Exception),
            _ => HealthCheckResult.Unhealthy("Demo catalog still being seeded."),
        });
}
