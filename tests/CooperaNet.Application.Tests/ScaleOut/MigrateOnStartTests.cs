using CooperaNet.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.ScaleOut;

/// <summary>Migrations as a step of the deployment: an instance that does not migrate checks that nothing is pending.</summary>
public sealed class MigrateOnStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_instance_that_does_not_migrate_refuses_a_database_with_pending_migrations_and_leaves_it_untouched()
    {
        await using var host = new DataHost();

        Assert.False(await host.Services.PrepareDatabaseAsync(migrate: false, Ct));

        var applied = await host.InScopeAsync(sp => sp.GetRequiredService<CooperaNetDbContext>().Database.GetAppliedMigrationsAsync(Ct));
        Assert.Empty(applied);
    }

    [Fact]
    public async Task After_the_migration_step_an_instance_that_does_not_migrate_starts()
    {
        await using var host = new DataHost();
        await host.Services.InitializeDatabaseAsync(Ct);

        Assert.True(await host.Services.PrepareDatabaseAsync(migrate: false, Ct));
    }

    [Fact]
    public async Task An_instance_that_migrates_at_start_brings_an_empty_database_up_to_date()
    {
        await using var host = new DataHost();

        Assert.True(await host.Services.PrepareDatabaseAsync(migrate: true, Ct));

        var pending = await host.InScopeAsync(sp => sp.GetRequiredService<CooperaNetDbContext>().Database.GetPendingMigrationsAsync(Ct));
        Assert.Empty(pending);
        Assert.True(await host.WithDbAsync(db => db.Roles.AnyAsync(Ct)));
    }
}
