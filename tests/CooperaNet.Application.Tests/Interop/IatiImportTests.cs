using System.Text;
using CooperaNet.Application.Interop.Iati;
using CooperaNet.Domain.Interop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Interop;

/// <summary>The real IATI files in tests/data/iati-activities, and hand-made ones beside them.</summary>
public sealed class IatiImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string RealFile(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CooperaNet.slnx")))
            {
                return Path.Combine(folder.FullName, "tests", "data", "iati-activities", name);
            }
        }

        throw new InvalidOperationException($"No CooperaNet.slnx above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public async Task The_World_Bank_file_is_imported_whole_with_its_countries_sectors_and_dates()
    {
        await using var host = await DataHost.StartAsync();

        var result = await ImportFileAsync(host, "worldbank-sv.xml");

        Assert.Equal((13, 13, 0, 0, 0), (result.Read, result.Created, result.Updated, result.Unchanged, result.Refused));
        Assert.DoesNotContain(result.Findings, f => f.Severity != IatiSeverity.Warning);
        var water = await host.WithDbAsync(db => db.ExternalActivities.Include(a => a.Texts).SingleAsync(a => a.IatiIdentifier == "44000-P178734", Ct));
        Assert.Equal("44000", water.ReportingOrgRef);
        Assert.Equal("World Bank", water.ReportingOrgName);
        Assert.Equal("en", water.Language);
        Assert.Equal(["SV"], water.Countries);
        Assert.Equal("El Salvador Water Sector Resilience Project", Assert.Single(water.Texts).Title);
        Assert.StartsWith("The proposed US$100 million Water Sector Resilience Project", water.Texts[0].Description, StringComparison.Ordinal);
        Assert.Contains("The proposed Project Development Objectives (PDO)", water.Texts[0].Description, StringComparison.Ordinal);
        Assert.Empty(water.Sectors); // the bank's own sector and theme vocabularies (99, 98) only
        var health = await host.WithDbAsync(db => db.ExternalActivities.SingleAsync(a => a.IatiIdentifier == "44000-P169677", Ct));
        Assert.Equal(["12191", "12220", "12230", "12240", "74020"], health.Sectors);
    }

    [Fact]
    public async Task The_nine_real_files_keep_every_activity_of_the_Americas_and_refuse_the_rest()
    {
        await using var host = await DataHost.StartAsync();
        var results = new List<IatiImportResult>();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(RealFile("x"))!, "*.xml").Order(StringComparer.Ordinal))
        {
            results.Add(await ImportFileAsync(host, Path.GetFileName(file)));
        }

        Assert.Equal(9, results.Count);
        Assert.Equal((1118, 1068, 50), (results.Sum(r => r.Read), results.Sum(r => r.Created), results.Sum(r => r.Refused)));
        Assert.All(results.SelectMany(r => r.Findings).Where(f => f.Severity != IatiSeverity.Warning), f => Assert.Equal("iati.not-americas", f.Code));
        var stored = await host.WithDbAsync(db => db.ExternalActivities.Include(a => a.Texts).ToListAsync(Ct));
        Assert.Equal(1068, stored.Count);
        Assert.All(stored, a => Assert.NotEmpty(a.Texts));
        Assert.Equal(["en", "es"], stored.Select(a => a.Language).Distinct().Order());
        Assert.Equal(["en", "es", "pt"], stored.SelectMany(a => a.Texts).Select(t => t.Language).Distinct().Order());
        Assert.Contains(stored, a => a.Sdgs.Contains("3.3"));
        Assert.Contains(stored, a => a.Countries.Count == 0);
    }

    [Fact]
    public async Task Recipients_named_only_on_transactions_count_and_a_second_language_is_kept()
    {
        await using var host = await DataHost.StartAsync();

        var result = await ImportFileAsync(host, "usaid-bo.xml");

        Assert.Equal(63, result.Read);
        Assert.Equal(63, result.Created);
        var activities = await host.WithDbAsync(db => db.ExternalActivities.Include(a => a.Texts).ToListAsync(Ct));
        Assert.All(activities, a => Assert.Equal(["BO"], a.Countries));
        Assert.Contains(activities, a => a.Texts.Select(t => t.Language).Order().SequenceEqual(["en", "es"]));
    }

    [Fact]
    public async Task Activities_outside_the_Americas_are_refused_one_by_one_and_said_where()
    {
        await using var host = await DataHost.StartAsync();

        var result = await ImportFileAsync(host, "usaid-tg.xml");

        Assert.Equal((47, 0, 47), (result.Read, result.Created, result.Refused));
        Assert.False(result.Stopped);
        var errors = result.Findings.Where(f => f.Severity == IatiSeverity.Error).ToList();
        Assert.Equal(47, errors.Count);
        Assert.All(errors, e => Assert.Equal("iati.not-americas", e.Code));
        Assert.Equal(Enumerable.Range(1, 47), errors.Select(e => e.Activity));
        Assert.Equal("iati-activity[1]/transaction/recipient-country", errors[0].Element);
        Assert.StartsWith("US-GOV-1-", errors[0].Identifier, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Severity == IatiSeverity.Warning && f.Code == "iati.country-outside" && f.Element.EndsWith("[@code='TG']", StringComparison.Ordinal));
        Assert.Equal(0, await host.WithDbAsync(db => db.ExternalActivities.CountAsync(Ct)));
    }

    [Fact]
    public async Task Importing_again_changes_nothing_and_a_changed_title_updates_only_its_activity()
    {
        await using var host = await DataHost.StartAsync();
        var first = await ImportFileAsync(host, "worldbank-sv.xml");
        var audited = await host.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));

        var again = await ImportFileAsync(host, "worldbank-sv.xml");
        var changed = (await File.ReadAllTextAsync(RealFile("worldbank-sv.xml"), Ct))
            .Replace("El Salvador Water Sector Resilience Project", "El Salvador Water Sector Resilience Project (second phase)", StringComparison.Ordinal);
        var third = await ImportAsync(host, changed, dryRun: false);

        Assert.Equal((13, 0, 0, 13), (again.Read, again.Created, again.Updated, again.Unchanged));
        Assert.Equal((13, 0, 1, 12), (third.Read, third.Created, third.Updated, third.Unchanged));
        Assert.Equal(13, await host.WithDbAsync(db => db.ExternalActivities.CountAsync(Ct)));
        var water = await host.WithDbAsync(db => db.ExternalActivities.Include(a => a.Texts).SingleAsync(a => a.IatiIdentifier == "44000-P178734", Ct));
        Assert.Equal("El Salvador Water Sector Resilience Project (second phase)", water.Texts.Single().Title);
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)) > audited, "the update is recorded");
        Assert.Equal(13, first.Created);
    }

    [Fact]
    public async Task A_dry_run_reports_what_it_would_do_and_stores_nothing()
    {
        await using var host = await DataHost.StartAsync();

        var result = await ImportAsync(host, await File.ReadAllTextAsync(RealFile("worldbank-sv.xml"), Ct), dryRun: true);

        Assert.Equal((13, 13), (result.Read, result.Created));
        Assert.True(result.DryRun);
        Assert.Equal(0, await host.WithDbAsync(db => db.ExternalActivities.CountAsync(Ct)));
    }

    [Fact]
    public async Task One_bad_activity_does_not_stop_the_others()
    {
        await using var host = await DataHost.StartAsync();
        var file = Activities(
            Activity("XM-TEST-1", "CO", "Agua potable rural"),
            Activity("XM-TEST-2", "ES", "Proyecto en España"),
            Activity("XM-TEST-1", "PE", "El mismo identificador"),
            Activity("XI-IATI-OAS-0193a000-0000-7000-8000-000000000001", "PE", "Actividad de la propia plataforma"),
            Activity("XM-TEST-3", "PE", "Cadenas de valor", sectors: """<sector code="31120" vocabulary="1" percentage="50"/><sector code="99999" vocabulary="1" percentage="50"/>""", language: "de"));

        var result = await ImportAsync(host, file, dryRun: false);

        Assert.Equal((5, 2, 3), (result.Read, result.Created, result.Refused));
        Assert.Equal(
            ["Error 2 iati.not-americas", "Error 3 iati.duplicate", "Error 4 iati.own", "Warning 2 iati.country-outside", "Warning 5 iati.language", "Warning 5 iati.language", "Warning 5 iati.sector-unknown"],
            result.Findings.Select(f => $"{f.Severity} {f.Activity} {f.Code}"));
        var kept = await host.WithDbAsync(db => db.ExternalActivities.Include(a => a.Texts).OrderBy(a => a.IatiIdentifier).ToListAsync(Ct));
        Assert.Equal(["XM-TEST-1", "XM-TEST-3"], kept.Select(a => a.IatiIdentifier));
        Assert.Equal("Agua potable rural", kept[0].Texts.Single().Title);
        Assert.Equal(["31120"], kept[1].Sectors);
        Assert.Equal("en", kept[1].Language);
        Assert.Equal("Value chains", kept[1].Texts.Single().Title);
    }

    [Theory]
    [InlineData("truncated", "iati.xml")]
    [InlineData("schema", "iati.schema")]
    [InlineData("dtd", "iati.xml")]
    [InlineData("root", "iati.root")]
    [InlineData("encoding", "iati.xml")]
    public async Task A_broken_or_hostile_file_changes_nothing_and_says_where(string kind, string code)
    {
        await using var host = await DataHost.StartAsync();
        var good = Activities(Activity("XM-TEST-1", "CO", "Agua potable rural"), Activity("XM-TEST-2", "PE", "Cadenas de valor"));
        byte[] bytes = kind switch
        {
            "truncated" => Encoding.UTF8.GetBytes(good[..(good.LastIndexOf("<iati-activity", StringComparison.Ordinal) + 40)]),
            "schema" => Encoding.UTF8.GetBytes(good.Replace("<iati-identifier>XM-TEST-2</iati-identifier>", string.Empty, StringComparison.Ordinal)),
            "dtd" => Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "bbbbbbbb"><!ENTITY c "&b;&b;&b;&b;&b;&b;">]><iati-activities version="2.03">&c;</iati-activities>"""),
            "root" => Encoding.UTF8.GetBytes("""<?xml version="1.0"?><iati-organisations version="2.03"/>"""),
            _ => [.. Encoding.UTF8.GetBytes(good.Replace("Cadenas de valor", "Cadenas de valor \u0001", StringComparison.Ordinal)).Select(b => b == 1 ? (byte)0xE9 : b)],
        };

        await using var stream = new MemoryStream(bytes);
        var result = await host.InScopeAsync(sp => sp.GetRequiredService<IatiImporter>().ImportAsync(stream, dryRun: false, null, Ct));

        Assert.True(result.Stopped);
        var critical = result.Findings.Where(f => f.Severity == IatiSeverity.Critical).ToList();
        Assert.Contains(code, critical.Select(f => f.Code));
        Assert.All(critical, f => Assert.Matches(kind == "dtd" ? "^document$" : "^line [1-9][0-9]*, column [0-9]+$", f.Element));
        Assert.Equal((0, 0), (result.Created, result.Updated));
        Assert.Equal(0, await host.WithDbAsync(db => db.ExternalActivities.CountAsync(Ct)));
    }

    [Fact]
    public async Task Progress_is_reported_in_bytes_and_activities()
    {
        await using var host = await DataHost.StartAsync();
        var reports = new List<IatiImportProgress>();
        await using var file = File.OpenRead(RealFile("iaf-haiti.xml"));

        var result = await host.InScopeAsync(sp => sp.GetRequiredService<IatiImporter>().ImportAsync(file, dryRun: true, new SynchronousProgress(reports.Add), Ct));

        Assert.Equal(254, result.Read);
        Assert.Equal([200, 254], reports.Select(r => r.Activities));
        Assert.InRange(reports[0].BytesRead, 1, file.Length);
        Assert.Equal(file.Length, reports[^1].BytesRead);
        Assert.All(reports, r => Assert.Equal(file.Length, r.Length));
    }

    private static async Task<IatiImportResult> ImportFileAsync(DataHost host, string name)
    {
        await using var file = File.OpenRead(RealFile(name));
        return await host.InScopeAsync(sp => sp.GetRequiredService<IatiImporter>().ImportAsync(file, dryRun: false, null, Ct));
    }

    private static async Task<IatiImportResult> ImportAsync(DataHost host, string xml, bool dryRun)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return await host.InScopeAsync(sp => sp.GetRequiredService<IatiImporter>().ImportAsync(stream, dryRun, null, Ct));
    }

    private static string Activities(params string[] activities) =>
        $"""<?xml version="1.0" encoding="UTF-8"?>{"\n"}<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">{"\n"}{string.Join("\n", activities)}{"\n"}</iati-activities>""";

    private static string Activity(string identifier, string country, string title, string sectors = "", string language = "es") => $"""
        <iati-activity xml:lang="{language}">
         <iati-identifier>{identifier}</iati-identifier>
         <reporting-org ref="XM-TEST" type="40"><narrative>Test</narrative></reporting-org>
         <title><narrative>{title}</narrative>{(language == "de" ? "<narrative xml:lang=\"en\">Value chains</narrative>" : string.Empty)}</title>
         <description><narrative>Descripción.</narrative></description>
         <participating-org role="4" type="10"><narrative>Ministerio</narrative></participating-org>
         <activity-status code="2"/>
         <activity-date type="1" iso-date="2026-01-01"/>
         <recipient-country code="{country}" percentage="100"/>
         {sectors}
        </iati-activity>
        """;

    private sealed class SynchronousProgress(Action<IatiImportProgress> report) : IProgress<IatiImportProgress>
    {
        public void Report(IatiImportProgress value) => report(value);
    }
}
