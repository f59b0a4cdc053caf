using CooperaNet.Application.Data;
using CooperaNet.Application.Matching;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Application.Tests.Matching.EntryBuilder;

namespace CooperaNet.Application.Tests.Matching;

/// <summary>What the pairing tests do through one app instance's services.</summary>
internal static class Pairing
{
    public static EntryBuilder WaterOffer() => AnOffer().In("en").InSector("14030").About(
        "Rural drinking water supply",
        "Technical assistance to design, build and operate drinking water and sanitation systems for rural communities.");

    public static EntryBuilder WaterDemand() => ADemand().In("es").InSector("14030").About(
        "Agua potable para comunidades rurales",
        "Solicitamos asistencia técnica para diseñar, construir y operar sistemas de agua potable y saneamiento en comunidades rurales.");

    public static EntryBuilder TourismOffer() => AnOffer().In("fr").InSector("33210").About(
        "Tourisme durable et hôtellerie",
        "Formation des guides touristiques et des petites entreprises d'hôtellerie au tourisme durable.");

    public static EntryBuilder TourismDemand() => ADemand().In("pt").InSector("33210").About(
        "Turismo sustentável",
        "Capacitação de guias turísticos e de pequenas empresas de hotelaria em turismo sustentável.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Publishes the entries through <paramref name="instance"/>'s DbContext, in one save.</summary>
    public static async Task<Guid[]> PublishAsync(this IServiceProvider instance, params EntryBuilder[] entries)
    {
        await using var scope = instance.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var built = entries.Select(e => e.Build(now)).ToArray();
        db.Entries.AddRange(built);
        await db.SaveChangesAsync(Ct);
        return [.. built.Select(e => e.Id)];
    }

    /// <summary>Changes an entry through <paramref name="instance"/>, as the pages do: the change is dated now.</summary>
    public static async Task EditAsync(this IServiceProvider instance, Guid id, Action<CatalogEntry, DateTimeOffset> change)
    {
        await using var scope = instance.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var entry = await db.Entries.IgnoreQueryFilters().Include(e => e.Sectors).SingleAsync(e => e.Id == id, Ct);
        change(entry, now);
        entry.UpdatedAt = now;
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>One round of <paramref name="instance"/>'s matching job.</summary>
    public static Task<int> RoundAsync(this IServiceProvider instance) =>
        instance.GetRequiredService<MatchingJob>().RunOnceAsync(Ct);

    /// <summary>Rounds until nothing is left to pair.</summary>
    public static async Task<int> DrainAsync(this IServiceProvider instance)
    {
        var total = 0;
        for (var paired = await instance.RoundAsync(); paired > 0; paired = await instance.RoundAsync())
        {
            total += paired;
        }

        return total;
    }

    public static Task<List<Pair>> PairsAsync(this IServiceProvider instance) =>
        instance.WithDbAsync(db => db.Pairs.AsNoTracking().ToListAsync(Ct));

    public static Task<List<MatchingRequest>> RequestsAsync(this IServiceProvider instance) =>
        instance.WithDbAsync(db => db.MatchingRequests.AsNoTracking().ToListAsync(Ct));

    public static async Task<T> WithDbAsync<T>(this IServiceProvider instance, Func<CooperaNetDbContext, Task<T>> work)
    {
        await using var scope = instance.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>());
    }
}
