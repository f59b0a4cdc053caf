using CooperaNet.Application.ReferenceData;
using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests;

public sealed class ReferenceDataImportTests
{
    [Fact]
    public async Task First_start_loads_states_sectors_sdgs_and_the_work_plan()
    {
        await using var host = await DataHost.StartAsync();
        var counts = await host.WithDbAsync(async db => new
        {
            States = await db.MemberStates.CountAsync(),
            Groups = await db.StateGroups.CountAsync(),
            Categories = await db.SectorCategories.CountAsync(),
            Sectors = await db.Sectors.CountAsync(),
            Goals = await db.SdgGoals.CountAsync(),
            Targets = await db.SdgTargets.CountAsync(),
            Actions = await db.WorkPlanActions.CountAsync(),
            Mandates = await db.Mandates.CountAsync(),
        });
        Assert.Equal(35, counts.States);
        Assert.Equal(4, counts.Groups);
        Assert.Equal(44, counts.Categories);
        Assert.Equal(326, counts.Sectors);
        Assert.Equal(17, counts.Goals);
        Assert.Equal(169, counts.Targets);
        Assert.Equal(5, counts.Actions);
        Assert.Equal(3, counts.Mandates);
    }

    [Fact]
    public async Task Running_the_import_again_changes_nothing()
    {
        await using var host = await DataHost.StartAsync();
        var auditBefore = await host.WithDbAsync(db => db.AuditEntries.CountAsync());

        var again = await host.InScopeAsync(sp => sp.GetRequiredService<ReferenceDataImporter>().ImportAsync());

        Assert.All(again, result => Assert.False(result.Changed));
        Assert.All(again, result => Assert.Equal(1, result.Version));
        Assert.Equal(auditBefore, await host.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(35, await host.WithDbAsync(db => db.MemberStates.CountAsync()));
    }

    [Fact]
    public async Task A_forced_import_updates_rows_in_place_and_bumps_the_version()
    {
        await using var host = await DataHost.StartAsync();
        await host.WithDbAsync(async db =>
        {
            var colombia = await db.MemberStates.SingleAsync(s => s.Code == "CO");
            colombia.Name = LocalizedText.Of("Colombia (editado)", "Colombia", "Colômbia", "Colombie");
            return await db.SaveChangesAsync();
        });

        var results = await host.InScopeAsync(sp => sp.GetRequiredService<ReferenceDataImporter>().ImportAsync(force: true));

        Assert.All(results, result => Assert.Equal(2, result.Version));
        var name = await host.WithDbAsync(db => db.MemberStates.Where(s => s.Code == "CO").Select(s => s.Name.Es).SingleAsync());
        Assert.Equal("Colombia", name);
        Assert.Equal(35, await host.WithDbAsync(db => db.MemberStates.CountAsync()));
        Assert.Equal(5, await host.WithDbAsync(db => db.WorkPlanActions.CountAsync()));
    }

    [Fact]
    public async Task Every_name_exists_in_the_four_languages_where_the_sources_have_it()
    {
        await using var host = await DataHost.StartAsync();
        var states = await host.WithDbAsync(db => db.MemberStates.AsNoTracking().ToListAsync());
        Assert.All(states, s => Assert.True(s.Name.IsComplete, s.Code));
        var goals = await host.WithDbAsync(db => db.SdgGoals.AsNoTracking().ToListAsync());
        Assert.All(goals, g => Assert.True(g.Title.IsComplete && g.ShortName.IsComplete, g.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var actions = await host.WithDbAsync(db => db.WorkPlanActions.AsNoTracking().ToListAsync());
        Assert.All(actions, a => Assert.True(a.Title.IsComplete && a.ExpectedResult.IsComplete && a.Responsible.IsComplete, a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_work_plan_keeps_the_Spanish_text_as_written()
    {
        await using var host = await DataHost.StartAsync();
        var first = await host.WithDbAsync(db => db.WorkPlanActions.AsNoTracking().Include(a => a.Steps).SingleAsync(a => a.Number == 1));
        Assert.StartsWith("Ejecutar un piloto de trabajo para articular acciones de cooperación con la Secretaría General Iberoamericana (SEGIB)", first.Title.Es);
        Assert.Equal(2, first.Steps.Count);
    }
}
