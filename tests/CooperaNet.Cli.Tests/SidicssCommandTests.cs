using System.Text;
using CooperaNet.Application.Interop.Sidicss;
using CooperaNet.Cli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests;

public sealed class SidicssCommandTests : IDisposable
{
    private readonly TestCli cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-sidicss-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_takes_the_good_rows_says_the_bad_ones_and_export_writes_them_back()
    {
        var input = Path.Combine(folder, "segib.csv");
        await File.WriteAllTextAsync(input, string.Join("\r\n",
            string.Join(',', SidicssExchange.Columns),
            ",Huertos escolares,es,Proyecto,Bilateral,MX,,GT,Educación,Social,11220,4,Planificada,2026-02-01,2026-08-01,1000,,500,,,",
            ",Sin país,es,Proyecto,Bilateral,MX,,XX,Educación,Social,11220,,Planificada,,,,,,,,"), Encoding.UTF8, Ct);
        var csv = Path.Combine(folder, "out.csv");
        var xlsx = Path.Combine(folder, "out.xlsx");

        var dry = await cli.RunAsync("sidicss", "import", input, "--dry-run");
        var real = await cli.RunAsync("sidicss", "import", input);
        var exportCsv = await cli.RunAsync("sidicss", "export", "--out", csv);
        var exportXlsx = await cli.RunAsync("sidicss", "export", "--out", xlsx);

        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("Dry run, nothing changed: 2 rows read, 1 to create, 0 to update, 0 unchanged, 1 refused.", dry.Error, StringComparison.Ordinal);
        Assert.Contains("2 rows read, 1 created, 0 updated, 0 unchanged, 1 refused.", real.Error, StringComparison.Ordinal);
        Assert.Equal("refused: line 3, column receptor: 'XX' is not an OAS member state (ISO 3166-1 alpha-2).", real.Out.Trim());
        Assert.True(exportCsv.ExitCode == 0, exportCsv.Error);
        Assert.Contains("SIDICSS: 1 initiatives as CSV", exportCsv.Error, StringComparison.Ordinal);
        Assert.Contains(",Huertos escolares,es,Proyecto,Bilateral,MX,,GT,Educación,Social,11220,4,Planificada,2026-02-01,2026-08-01,1000,,500,,,", await File.ReadAllTextAsync(csv, Ct), StringComparison.Ordinal);
        Assert.True((await File.ReadAllBytesAsync(xlsx, Ct)).AsSpan().StartsWith("PK"u8));
        await using var db = cli.OpenDatabase();
        Assert.Equal(1, await db.Initiatives.CountAsync(Ct));
    }

    [Fact]
    public async Task A_file_of_another_kind_or_an_unreadable_one_changes_nothing()
    {
        var text = Path.Combine(folder, "segib.txt");
        var broken = Path.Combine(folder, "segib.xlsx");
        await File.WriteAllTextAsync(text, "codigo", Ct);
        await File.WriteAllTextAsync(broken, "no es un libro", Ct);

        var wrongKind = await cli.RunAsync("sidicss", "import", text);
        var unreadable = await cli.RunAsync("sidicss", "import", broken);

        Assert.Equal(2, wrongKind.ExitCode);
        Assert.Contains("should end in .csv or .xlsx", wrongKind.Error, StringComparison.Ordinal);
        Assert.Equal(1, unreadable.ExitCode);
        Assert.Contains("cannot be imported: nothing changed", unreadable.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: The workbook cannot be read", unreadable.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        cli.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
