using CooperaNet.Application.Data;
using CooperaNet.Application.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CooperaNet.Web.Infrastructure;

/// <summary>Ready only when every reference dataset has been imported.</summary>
public sealed class ReferenceDataHealthCheck(CooperaNetDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = await db.ReferenceDatasets.CountAsync(cancellationToken);
        var expected = ReferenceDataImporter.DatasetNames.Count;
        return loaded >= expected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{loaded} of {expected} reference datasets loaded.");
    }
}
