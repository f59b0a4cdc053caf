using CooperaNet.Application.Catalog;
using CooperaNet.Application.Demo;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests;

/// <summary>The whole demo catalog, seeded once into one database that these tests only read.</summary>
public sealed class SeededDemoCatalog : IAsyncLifetime
{
    public DataHost Host { get; private set; } = null!;

    public int Created { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Host = await DataHost.StartAsync();
        Created = await Host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync());
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

public sealed class DemoCatalogSeederTests(SeededDemoCatalog catalog) : IClassFixture<SeededDemoCatalog>
{
    private DataHost Host => catalog.Host;

    [Fact]
    public async Task Seeding_publishes_one_entry_per_demo_activity()
    {
        var entries = await Host.WithDbAsync(db => db.Entries.AsNoTracking().ToListAsync());

        Assert.InRange(catalog.Created, 400, 600);
        Assert.Equal(catalog.Created, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(EntryStatus.Published, e.Status);
            Assert.Equal(Host.Clock.GetUtcNow(), e.PublishedAt);
            Assert.True(e.ExpiresOn > DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime), e.Title);
            Assert.InRange(e.Title.Length, 1, 200);
            Assert.InRange(e.Summary.Length, 1, 1000);
            Assert.False(string.IsNullOrWhiteSpace(e.Institution));
            Assert.Empty(e.ContactEmail);
        });
        Assert.Contains(entries, e => e.Kind == EntryKind.Offer);
        Assert.Contains(entries, e => e.Kind == EntryKind.Demand);
    }

    [Fact]
    public async Task Seeded_entries_come_from_at_least_15_member_states_in_all_four_languages()
    {
        var (states, languages) = await Host.WithDbAsync(async db => (
            await db.Entries.Select(e => e.StateCode).Distinct().ToListAsync(),
            await db.Entries.Select(e => e.Language).Distinct().ToListAsync()));
        var members = await Host.WithDbAsync(db => db.MemberStates.Select(s => s.Code).ToListAsync());

        Assert.True(states.Count >= 15, $"{states.Count} states");
        Assert.Subset(members.ToHashSet(), states.ToHashSet());
        Assert.Equal(Languages.All.Order(), languages.Order());
    }

    [Fact]
    public async Task Entries_with_a_second_language_carry_it_as_a_translation_and_a_working_language()
    {
        var bilingual = await Host.WithDbAsync(db => db.Entries.AsNoTracking().Include(e => e.Translations)
            .Where(e => e.Translations.Any()).ToListAsync());

        Assert.NotEmpty(bilingual);
        Assert.All(bilingual, e =>
        {
            var translation = Assert.Single(e.Translations);
            Assert.NotEqual(e.Language, translation.Language);
            Assert.Equal($"{e.Language},{translation.Language}", e.WorkingLanguages);
        });
    }

    [Fact]
    public async Task Every_entry_has_a_known_sector_and_search_terms()
    {
        var entries = await Host.WithDbAsync(async db =>
        {
            var sectors = await db.Sectors.Select(s => s.Code).ToListAsync();
            return await db.Entries
                .Select(e => new
                {
                    e.Title,
                    Sectors = e.Sectors.Count,
                    Known = e.Sectors.Count(s => sectors.Contains(s.SectorCode)),
                    Terms = e.SearchTerms.Count,
                })
                .ToListAsync();
        });

        Assert.All(entries, e =>
        {
            Assert.True(e.Sectors >= 1, e.Title);
            Assert.Equal(e.Sectors, e.Known);
            Assert.True(e.Terms > 0, e.Title);
        });
    }

    [Fact]
    public async Task Seeded_sdgs_are_goals_or_targets_of_the_reference_list()
    {
        var codes = await Host.WithDbAsync(db => db.Set<EntrySdg>().Select(s => s.Code).Distinct().ToListAsync());
        var goals = await Host.WithDbAsync(db => db.SdgGoals.Select(g => g.Number).ToListAsync());
        var targets = await Host.WithDbAsync(db => db.SdgTargets.Select(t => t.Code).ToListAsync());

        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(
            targets.Contains(code) || goals.Contains(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture)), code));
    }

    [Fact]
    public async Task A_search_for_educacion_without_its_accent_finds_seeded_entries()
    {
        var term = SearchText.Terms("educacion").Single();

        var found = await Host.WithDbAsync(db => db.Entries.Where(e => e.SearchTerms.Any(t => t.Term == term)).CountAsync());

        Assert.Equal(term, SearchText.Terms("Educación").Single());
        Assert.True(found > 0);
    }

    [Fact]
    public async Task Water_supply_and_sanitation_sectors_have_seeded_entries()
    {
        var water = await Host.WithDbAsync(db => db.Entries.CountAsync(e => e.Sectors.Any(s => s.SectorCode.StartsWith("140"))));
        var drinkingWater = await Host.WithDbAsync(db => db.Entries.CountAsync(e => e.Sectors.Any(s => s.SectorCode == "14030")));

        Assert.True(water > 0);
        Assert.True(drinkingWater > 0);
    }

    [Fact]
    public async Task Running_the_seeder_again_creates_nothing()
    {
        var before = await Host.WithDbAsync(db => db.Entries.CountAsync());

        var again = await Host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync());

        Assert.Equal(0, again);
        Assert.Equal(before, await Host.WithDbAsync(db => db.Entries.CountAsync()));
    }
}

public sealed class DemoCatalogSeederLimitTests
{
    [Fact]
    public async Task A_limited_run_seeds_the_first_activities_and_a_full_run_adds_only_the_rest()
    {
        await using var host = await DataHost.StartAsync();
        var seed = (int? limit) => host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync(limit));

        var first = await seed(30);
        var repeated = await seed(30);
        var rest = await seed(null);

        Assert.Equal(30, first);
        Assert.Equal(0, repeated);
        Assert.Equal(DemoActivities.Load().Count - 30, rest);
        Assert.Equal(DemoActivities.Load().Count, await host.WithDbAsync(db => db.Entries.CountAsync()));
    }

    [Fact]
    public async Task The_first_20_activities_already_span_several_states_and_languages()
    {
        await using var host = await DataHost.StartAsync();

        await host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync(20));

        var states = await host.WithDbAsync(db => db.Entries.Select(e => e.StateCode).Distinct().CountAsync());
        var languages = await host.WithDbAsync(db => db.Entries.Select(e => e.Language).Distinct().CountAsync());
        Assert.True(states >= 10, $"{states} states");
        Assert.Equal(4, languages);
    }

    [Fact]
    public void Entry_ids_are_the_same_for_the_same_activity_and_differ_between_activities()
    {
        var id = DemoCatalogSeeder.IdFor("XM-DAC-46008-cfa012700");

        Assert.Equal(id, DemoCatalogSeeder.IdFor("XM-DAC-46008-cfa012700"));
        Assert.NotEqual(id, DemoCatalogSeeder.IdFor("XM-DAC-46008-cfa012672"));
        Assert.Equal(5, id.Version);
    }
}
