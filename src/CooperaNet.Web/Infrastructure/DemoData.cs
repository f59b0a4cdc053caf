using CooperaNet.Application.Data;
using CooperaNet.Application.Demo;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Infrastructure;

/// <summary>Demo offers and demands for a developer's empty database; other environments never get them.</summary>
public static class DemoData
{
    /// <summary>In Development, seeds the demo catalog when no entry exists yet (deleted ones count); elsewhere does nothing.</summary>
    public static async Task SeedDemoCatalogInDevelopmentAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        if (await db.Entries.IgnoreQueryFilters().AnyAsync())
        {
            return;
        }

        await scope.ServiceProvider.GetRequiredService<DemoCatalogSeeder>().SeedAsync();
    }
}
