using System.IO.Compression;
using System.Text;
using CooperaNet.Application.Interop.Sidicss;
using CooperaNet.Application.Interop.Tables;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Interop;

public sealed class SidicssTests
{
    private static readonly Guid Bilateral = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Triangular = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid Regional = Guid.Parse("0193a000-0000-7000-8000-000000000003");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_initiative_is_one_row_with_its_roles_sector_costs_and_dates()
    {
        await using var host = await SeededAsync();

        var csv = Encoding.UTF8.GetString((await ExportAsync(host, SidicssFormat.Csv)).Content);

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal(string.Join(',', SidicssExchange.Columns), lines[0]);
        Assert.Equal("0193a000-0000-7000-8000-000000000001,Riego por goteo,es,Proyecto,Bilateral,CO,,PY,Agropecuario,Sectores productivos,31140,6;6.4,En ejecución,2026-03-01,2026-12-31,,,,,,", lines[1]);
        Assert.Equal("0193a000-0000-7000-8000-000000000002,Bancos de leche humana,es,Programa,Triangular,BR,CL,SV,Salud,Social,12240,3;3.2,Finalizada,2025-01-15,2025-11-30,150000,80000.5,25000,142000,80000.5,", lines[2]);
        Assert.Equal("0193a000-0000-7000-8000-000000000003,\"Red de catastro, registro y propiedad\",pt,Acción,Regional,AR;UY,,BO;PY,Fortalecimiento institucional y políticas públicas,Fortalecimiento institucional,15110,,Planificada,,,,,,,,", lines[3]);
    }

    [Theory]
    [InlineData(SidicssFormat.Csv)]
    [InlineData(SidicssFormat.Xlsx)]
    public async Task Export_import_elsewhere_and_export_again_gives_the_same_file(SidicssFormat format)
    {
        await using var source = await SeededAsync();
        await using var target = await DataHost.StartAsync();
        var (first, rows) = await ExportAsync(source, format);

        var imported = await ImportAsync(target, first, format, dryRun: false);
        var (second, _) = await ExportAsync(target, format);
        var again = await ImportAsync(source, first, format, dryRun: false);

        Assert.Equal(3, rows);
        Assert.Equal((3, 3, 0, 0, 0), (imported.Rows, imported.Created, imported.Updated, imported.Unchanged, imported.Refused));
        Assert.Empty(imported.Findings);
        Assert.Equal(first, second);
        Assert.Equal((3, 0, 0, 3), (again.Rows, again.Created, again.Updated, again.Unchanged));
        var triangular = await target.WithDbAsync(db => db.Initiatives.Include(i => i.Participants).SingleAsync(i => i.Id == Triangular, Ct));
        Assert.Equal(InitiativeStatus.Completed, triangular.Status);
        Assert.Equal(["12240"], triangular.Sectors);
        Assert.Equal(80000.5m, triangular.Participants.Single(p => p.Role == ParticipantRole.SecondOfferer).BudgetedCost);
    }

    [Fact]
    public async Task The_workbook_reads_back_as_it_was_written_and_is_the_same_bytes_twice()
    {
        await using var host = await SeededAsync();
        var (first, _) = await ExportAsync(host, SidicssFormat.Xlsx);
        var (second, _) = await ExportAsync(host, SidicssFormat.Xlsx);

        using var stream = new MemoryStream(first);
        var (rows, error) = XlsxFile.Read(stream);

        Assert.Null(error);
        Assert.Equal(first, second);
        Assert.Equal(SidicssExchange.Columns, rows[0]);
        Assert.Equal("150000", rows[2][15]);
        Assert.Equal("Red de catastro, registro y propiedad", rows[3][1]);
    }

    [Fact]
    public async Task A_bad_row_is_refused_with_its_line_and_column_and_the_others_are_taken()
    {
        await using var host = await DataHost.StartAsync();
        var header = string.Join(',', SidicssExchange.Columns);
        var csv = string.Join("\r\n",
            header,
            ",Huertos escolares,es,Proyecto,Bilateral,MX,,GT,Educación,Social,11220,4,Planificada,2026-02-01,2026-08-01,1000,,500,,,",
            ",Sin tipo,es,Plan,Bilateral,MX,,GT,Educación,Social,11220,,Planificada,,,,,,,,",
            ",Tres roles mal,es,Proyecto,Triangular,MX,,GT,Educación,Social,11220,,Planificada,,,,,,,,",
            ",Estado desconocido,xx,Proyecto,Bilateral,MX,,ES,Salud,Social,11220,99,Cerrada,2026-09-01,2026-01-01,-5,,,,,",
            "no-es-un-codigo,Código ajeno,es,Proyecto,Bilateral,MX,,GT,Educación,Social,,,Planificada,,,,,,,,");

        var result = await ImportAsync(host, Encoding.UTF8.GetBytes(csv), SidicssFormat.Csv, dryRun: false);

        Assert.Equal((5, 1, 4), (result.Rows, result.Created, result.Refused));
        Assert.Equal(
            ["3 tipo", "4 primer_oferente", "5 idioma", "5 receptor", "5 sector_actividad", "5 ods", "5 estado", "5 fecha_fin", "5 coste_presupuestado_primer_oferente", "6 codigo"],
            result.Findings.Select(f => $"{f.Line} {f.Column}"));
        Assert.Equal(
            ["sidicss.type", "sidicss.roles-triangular", "sidicss.language", "sidicss.state", "sidicss.segib-mismatch", "sidicss.sdg", "sidicss.status", "sidicss.dates", "sidicss.cost", "sidicss.code"],
            result.Findings.Select(f => f.Code));
        Assert.Equal("'Plan' is not an initiative type: Programa, Proyecto, Acción.", result.Findings[0].Message);
        var created = await host.WithDbAsync(db => db.Initiatives.Include(i => i.Participants).SingleAsync(Ct));
        Assert.Equal("Huertos escolares", created.Title);
        Assert.Equal(1000m, created.Participants.Single(p => p.StateCode == "MX").BudgetedCost);
        Assert.Equal(500m, created.Participants.Single(p => p.StateCode == "GT").BudgetedCost);
    }

    [Fact]
    public async Task A_changed_row_updates_its_initiative_and_a_status_never_goes_back()
    {
        await using var host = await SeededAsync();
        var csv = Encoding.UTF8.GetString((await ExportAsync(host, SidicssFormat.Csv)).Content)
            .Replace("Riego por goteo,", "Riego por goteo y microaspersión,", StringComparison.Ordinal)
            .Replace("Finalizada", "En ejecución", StringComparison.Ordinal);

        var result = await ImportAsync(host, Encoding.UTF8.GetBytes(csv), SidicssFormat.Csv, dryRun: false);

        Assert.Equal((3, 0, 1, 1, 1), (result.Rows, result.Created, result.Updated, result.Unchanged, result.Refused));
        Assert.Equal("3 estado", $"{Assert.Single(result.Findings).Line} {result.Findings[0].Column}");
        Assert.Equal("Riego por goteo y microaspersión", await host.WithDbAsync(db => db.Initiatives.Where(i => i.Id == Bilateral).Select(i => i.Title).SingleAsync(Ct)));
        Assert.True(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Initiative) && a.Action == "modified", Ct)));
    }

    [Fact]
    public async Task A_dry_run_and_an_unreadable_file_change_nothing()
    {
        await using var host = await SeededAsync();
        var (csv, _) = await ExportAsync(host, SidicssFormat.Csv);
        await using var empty = await DataHost.StartAsync();

        var dry = await ImportAsync(empty, csv, SidicssFormat.Csv, dryRun: true);
        var header = await ImportAsync(empty, Encoding.UTF8.GetBytes("codigo,titulo\r\nx,y\r\n"), SidicssFormat.Csv, dryRun: false);
        var garbage = await ImportAsync(empty, Encoding.UTF8.GetBytes("esto no es un libro"), SidicssFormat.Xlsx, dryRun: false);
        var bomb = await ImportAsync(empty, Bomb(), SidicssFormat.Xlsx, dryRun: false);

        Assert.Equal((3, 3), (dry.Rows, dry.Created));
        Assert.True(header.Stopped);
        Assert.Contains("must name the columns of the layout", header.Findings.Single().Message, StringComparison.Ordinal);
        Assert.True(garbage.Stopped);
        Assert.True(bomb.Stopped);
        Assert.Contains("compression bomb", bomb.Findings.Single().Message, StringComparison.Ordinal);
        Assert.Equal(0, await empty.WithDbAsync(db => db.Initiatives.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("11220", "Educación", "Social")]
    [InlineData("12240", "Salud", "Social")]
    [InlineData("15111", "Gestión de finanzas públicas", "Fortalecimiento institucional")]
    [InlineData("15170", "Género", "Otros ámbitos")]
    [InlineData("16061", "Cultura", "Otros ámbitos")]
    [InlineData("23210", "Energía", "Infraestructura y servicios económicos")]
    [InlineData("31310", "Pesca", "Sectores productivos")]
    [InlineData("74020", "Gestión de desastres", "Medio ambiente")]
    [InlineData("99810", "Otros", "Otros ámbitos")]
    public void A_DAC_code_belongs_to_one_SEGIB_sector(string code, string sector, string area)
    {
        var segib = SegibSectors.Of(code);

        Assert.Equal((sector, area), (segib.Name, segib.Area));
    }

    private static async Task<(byte[] Content, int Rows)> ExportAsync(DataHost host, SidicssFormat format) =>
        await host.InScopeAsync(sp => sp.GetRequiredService<SidicssExchange>().ExportAsync(format, Ct));

    private static async Task<SidicssImportResult> ImportAsync(DataHost host, byte[] file, SidicssFormat format, bool dryRun)
    {
        await using var stream = new MemoryStream(file);
        return await host.InScopeAsync(sp => sp.GetRequiredService<SidicssExchange>().ImportAsync(stream, format, dryRun, Ct));
    }

    /// <summary>A workbook whose sheet unpacks to 200 MB of zeros.</summary>
    private static byte[] Bomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                part.Write(zeros);
            }
        }

        return output.ToArray();
    }

    /// <summary>Three initiatives: bilateral from a pair's demand (its sectors read from the demand), triangular with costs, regional planned.</summary>
    private static async Task<DataHost> SeededAsync()
    {
        var host = await DataHost.StartAsync();
        var now = host.Clock.GetUtcNow();
        var demand = new CatalogEntry
        {
            Id = Guid.NewGuid(),
            Kind = EntryKind.Demand,
            StateCode = "PY",
            Language = "es",
            Title = "Riego",
            Summary = "Riego.",
            Institution = "MAG",
            CreatedAt = now,
            UpdatedAt = now,
        };
        demand.Sectors.Add(new EntrySector { EntryId = demand.Id, SectorCode = "31140" });
        demand.Sdgs.Add(new EntrySdg { EntryId = demand.Id, Code = "6.4" });
        demand.Sdgs.Add(new EntrySdg { EntryId = demand.Id, Code = "6" });
        var bilateral = new Initiative
        {
            Id = Bilateral,
            Title = "Riego por goteo",
            Language = "es",
            Type = InitiativeType.Project,
            Modality = CooperationModality.Bilateral,
            DemandId = demand.Id,
            StartsOn = new(2026, 3, 1),
            EndsOn = new(2026, 12, 31),
            CreatedAt = now,
            Participants = [new() { StateCode = "CO", Role = ParticipantRole.Offerer }, new() { StateCode = "PY", Role = ParticipantRole.Receiver }],
        };
        Assert.Null(bilateral.Start(now));
        var triangular = new Initiative
        {
            Id = Triangular,
            Title = "Bancos de leche humana",
            Language = "es",
            Type = InitiativeType.Programme,
            Modality = CooperationModality.Triangular,
            StartsOn = new(2025, 1, 15),
            EndsOn = new(2025, 11, 30),
            CreatedAt = now,
            Sectors = ["12240"],
            Sdgs = ["3.2", "3"],
            Participants =
            [
                new() { StateCode = "BR", Role = ParticipantRole.FirstOfferer, BudgetedCost = 150000m, ExecutedCost = 142000m },
                new() { StateCode = "CL", Role = ParticipantRole.SecondOfferer, BudgetedCost = 80000.5m, ExecutedCost = 80000.5m },
                new() { StateCode = "SV", Role = ParticipantRole.Receiver, BudgetedCost = 25000m },
            ],
        };
        Assert.Null(triangular.Start(now));
        Assert.Null(triangular.Complete(now));
        var regional = new Initiative
        {
            Id = Regional,
            Title = "Red de catastro, registro y propiedad",
            Language = "pt",
            Type = InitiativeType.Action,
            Modality = CooperationModality.Regional,
            CreatedAt = now,
            Sectors = ["15110"],
            Participants =
            [
                new() { StateCode = "UY", Role = ParticipantRole.Offerer }, new() { StateCode = "AR", Role = ParticipantRole.Offerer },
                new() { StateCode = "PY", Role = ParticipantRole.Receiver }, new() { StateCode = "BO", Role = ParticipantRole.Receiver },
            ],
        };
        await host.WithDbAsync(db =>
        {
            db.Entries.Add(demand);
            db.Initiatives.AddRange(bilateral, triangular, regional);
            return db.SaveChangesAsync();
        });
        return host;
    }
}
