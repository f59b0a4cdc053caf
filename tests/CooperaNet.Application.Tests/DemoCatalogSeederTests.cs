using CooperaNet.Application.Catalog;
using CooperaNet.Application.Demo;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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

    /// <summary>The catalog's search for <paramref name="query"/> as a public reader, with the reference data read afresh.</summary>
    public static async Task<IQueryable<CatalogEntry>> SearchAsync(Data.CooperaNetDbContext db, string query) =>
        EntrySearch.Apply(db, await ReferenceCodes.LoadAsync(db, new MemoryCache(new MemoryCacheOptions())), new EntryFilter { Query = query }, null);
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
        var second = DemoActivities.Load().Where(a => a.SecondTexts is not null)
            .ToDictionary(a => DemoCatalogSeeder.IdFor(a.IatiIdentifier), a => a.SecondTexts!.Language);
        var bilingual = await Host.WithDbAsync(db => db.Entries.AsNoTracking().Include(e => e.Translations)
            .Where(e => second.Keys.Contains(e.Id)).ToListAsync());

        Assert.Equal(second.Count, bilingual.Count);
        Assert.All(bilingual, e =>
        {
            Assert.Contains(e.Translations, t => t.Language == second[e.Id]);
            Assert.Equal($"{e.Language},{second[e.Id]}", e.WorkingLanguages);
        });
    }

    [Fact]
    public async Task Translations_written_for_the_demo_make_many_entries_readable_in_each_language()
    {
        var second = DemoActivities.Load().Where(a => a.SecondTexts is not null)
            .Select(a => (DemoCatalogSeeder.IdFor(a.IatiIdentifier), a.SecondTexts!.Language)).ToHashSet();
        var translations = await Host.WithDbAsync(db => db.Entries.SelectMany(e => e.Translations, (e, t) => new { t.EntryId, t.Language, Original = e.Language, e.StateCode, e.WorkingLanguages }).ToListAsync());
        var written = translations.Where(t => !second.Contains((t.EntryId, t.Language))).ToList();
        var perLanguage = written.GroupBy(t => t.Language).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(perLanguage[Languages.French] >= 120, $"fr {perLanguage[Languages.French]}");
        Assert.True(perLanguage[Languages.Portuguese] >= 80, $"pt {perLanguage[Languages.Portuguese]}");
        Assert.True(perLanguage[Languages.English] >= 60, $"en {perLanguage[Languages.English]}");
        Assert.True(perLanguage[Languages.Spanish] >= 40, $"es {perLanguage[Languages.Spanish]}");
        Assert.True(written.Where(t => t.Language == Languages.French).Select(t => t.StateCode).Distinct().Count() >= 10);
        Assert.All(written, t =>
        {
            Assert.NotEqual(t.Original, t.Language);
            Assert.DoesNotContain(t.Language, t.WorkingLanguages.Split(','));
        });
    }

    [Theory]
    [InlineData("eau potable", "US-GOV-21-52572")]
    [InlineData("chèvres semences", "US-GOV-21-HA-229-50687")]
    public async Task A_French_query_finds_an_entry_written_in_English_through_its_French_translation(string query, string iatiIdentifier)
    {
        var id = DemoCatalogSeeder.IdFor(iatiIdentifier);

        var found = await Host.WithDbAsync(async db => await (await SeededDemoCatalog.SearchAsync(db, query)).Select(e => e.Id).ToListAsync());
        var entry = await Host.WithDbAsync(db => db.Entries.AsNoTracking().Include(e => e.Translations).SingleAsync(e => e.Id == id));

        Assert.Contains(id, found);
        Assert.Equal(Languages.English, entry.Language);
        Assert.DoesNotContain(SearchText.Terms(query), SearchText.Terms(entry.Title + " " + entry.Description).Contains);
        Assert.Contains(entry.Translations, t => t.Language == Languages.French);
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

    [Fact]
    public async Task Running_the_seeder_again_changes_no_translation_and_no_search_term()
    {
        var before = await Host.WithDbAsync(Rows.CountAsync);

        await Host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync());

        Assert.Equal(before, await Host.WithDbAsync(Rows.CountAsync));
    }
}

/// <summary>Row counts of the demo catalog's tables.</summary>
internal sealed record Rows(int Entries, int Translations, int SearchTerms, int AuditEntries)
{
    public static async Task<Rows> CountAsync(CooperaNet.Application.Data.CooperaNetDbContext db) => new(
        await db.Entries.IgnoreQueryFilters().CountAsync(),
        await db.Set<EntryTranslation>().CountAsync(),
        await db.EntrySearchTerms.CountAsync(),
        await db.AuditEntries.CountAsync());
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
    public async Task A_database_seeded_before_the_translations_gets_them_and_their_search_terms_on_the_next_run()
    {
        await using var host = await DataHost.StartAsync();
        var seed = () => host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync());
        var drinkingWater = DemoCatalogSeeder.IdFor("US-GOV-21-52572");
        var findsDrinkingWater = () => host.WithDbAsync(async db => await (await SeededDemoCatalog.SearchAsync(db, "eau potable")).AnyAsync(e => e.Id == drinkingWater));
        await seed();
        var seeded = await host.WithDbAsync(Rows.CountAsync);

        // What a database seeded from the activities alone looks like: no French version and no terms from it.
        var french = await host.WithDbAsync(async db =>
        {
            var ids = await db.Set<EntryTranslation>().Where(t => t.Language == Languages.French).Select(t => t.EntryId).ToListAsync();
            await db.Set<EntryTranslation>().Where(t => t.Language == Languages.French).ExecuteDeleteAsync();
            await db.EntrySearchTerms.Where(t => ids.Contains(t.EntryId)).ExecuteDeleteAsync();
            return ids.Count;
        });
        Assert.True(french >= 120);
        Assert.False(await findsDrinkingWater());

        var created = await seed();

        Assert.Equal(0, created);
        Assert.True(await findsDrinkingWater());
        var upgraded = await host.WithDbAsync(Rows.CountAsync);
        Assert.Equal(seeded with { AuditEntries = upgraded.AuditEntries }, upgraded);
        await seed();
        Assert.Equal(upgraded, await host.WithDbAsync(Rows.CountAsync));
    }

    [Fact]
    public void Translations_are_never_in_the_activitys_own_or_second_language()
    {
        var activities = DemoActivities.Load();

        Assert.All(activities.Where(a => a.Translations.Count > 0), a =>
        {
            Assert.DoesNotContain(a.Language, a.Translations.Keys);
            Assert.True(a.SecondTexts is null || !a.Translations.ContainsKey(a.SecondTexts.Language), a.IatiIdentifier);
            Assert.All(a.Translations.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.Title + t.Summary)));
        });
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
