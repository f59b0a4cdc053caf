using CooperaNet.Application.Identity;
using CooperaNet.Application.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations, then loads the reference data and the roles. Safe to run at every start.</summary>
    public static async Task<IReadOnlyList<DatasetImportResult>> InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var results = await scope.ServiceProvider.GetRequiredService<ReferenceDataImporter>().ImportAsync(cancellationToken: cancellationToken);
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().EnsureRolesAsync();
        return results;
    }
}
