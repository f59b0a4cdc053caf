using CooperaNet.Cli.Experts;
using CooperaNet.Cli.Tests.Support;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Cli.Tests;

public sealed class ExpertsImportTests : IDisposable
{
    private const string Header = "email,full_name,nationality,residence,languages,sectors,sdgs,years_of_experience,availability,available_from,education,current_position,summary";

    private const string Lucia = "lucia@example.org,Lucía Fernández,UY,AR,es:native;en:advanced,14020;14030,6;6.1,14,available,,\"Ingeniería civil, Universidad de la República\",Consultora,\"Ingeniera hidráulica: diseño de sistemas de agua potable rural,\nsaneamiento y gestión comunitaria del agua.\"";

    private const string Pedro = "pedro@example.org,Pedro Quispe,PE,,es:native;qu:native;en:intermediate,11220,4,9,partly,,,Docente,\"Formador de docentes rurales, \"\"escuela nueva\"\" y educación intercultural bilingüe.\"";

    private readonly TestCli cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-roster-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Write(params string[] lines)
    {
        var path = Path.Combine(folder, "roster.csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }

    [Fact]
    public async Task A_valid_roster_is_imported_with_quoted_fields_accounts_without_password_and_the_consent_recorded()
    {
        var result = await cli.RunAsync("experts", "import", "--csv", Write(Header, Lucia, Pedro));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Imported 2 experts into the roster.", result.Out.Trim());
        await using var db = cli.OpenDatabase();
        var lucia = await db.ExpertProfiles.Include(p => p.Languages).Include(p => p.Sectors).Include(p => p.Sdgs)
            .SingleAsync(p => p.FullName == "Lucía Fernández", Ct);
        Assert.Equal("Ingeniería civil, Universidad de la República", lucia.Education);
        Assert.Equal("Ingeniera hidráulica: diseño de sistemas de agua potable rural,\nsaneamiento y gestión comunitaria del agua.", lucia.Summary.ReplaceLineEndings("\n"));
        Assert.Equal([("en", LanguageLevel.Advanced), ("es", LanguageLevel.Native)], lucia.Languages.Select(l => (l.Language, l.Level)).Order());
        Assert.Equal(["14020", "14030"], lucia.Sectors.Select(s => s.SectorCode).Order());
        Assert.Equal(["6", "6.1"], lucia.Sdgs.Select(s => s.Code).Order());
        Assert.True(lucia.IsInRoster);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.Equal(ExpertsCommand.ImportedConsent(today), lucia.ConsentVersion);
        Assert.StartsWith("imported by the secretariat on ", lucia.ConsentVersion);

        var pedro = await db.ExpertProfiles.SingleAsync(p => p.FullName == "Pedro Quispe", Ct);
        Assert.Equal("Formador de docentes rurales, \"escuela nueva\" y educación intercultural bilingüe.", pedro.Summary);
        Assert.Equal(Availability.Partly, pedro.Availability);

        var account = await db.Users.SingleAsync(u => u.Id == lucia.UserId, Ct);
        Assert.Equal("lucia@example.org", account.Email);
        Assert.Null(account.PasswordHash);
        var expertRole = await db.Roles.SingleAsync(r => r.Name == "expert", Ct);
        Assert.Equal(2, await db.UserRoles.CountAsync(r => r.RoleId == expertRole.Id, Ct));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_field_and_nothing_is_written()
    {
        var path = Write(
            Header,
            Lucia,
            "no-es-correo,Ana,XX,,es:fluent,99999,,abc,sometimes,,,,corto",
            Pedro,
            "pedro@example.org,Pedro Otra Vez,PE,,es:native,11220,,3,available,,,,\"Un resumen suficientemente largo para pasar.\"",
            "only,three,fields");

        var result = await cli.RunAsync("experts", "import", "--csv", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        // Lucía's summary spans lines 2 and 3, so the next record starts on line 4.
        Assert.Equal(
            [
                "line 4: email: 'no-es-correo' is not an e-mail address",
                "line 4: years_of_experience: 'abc' is not a whole number",
                "line 4: nationality: 'XX' is not an ISO 3166-1 alpha-2 country code",
                "line 4: summary: must be 20 to 4000 characters long",
                "line 4: availability: must be available, partly or unavailable",
                "line 4: languages: each language is a two-letter ISO 639-1 code and a level: basic, intermediate, advanced or native",
                "line 4: sectors: '99999' is not an active 5-digit DAC sector code",
                "line 6: email: 'pedro@example.org' is also on line 5",
                "line 7: row: has 3 fields; the header has 13",
                "error: 3 lines have errors; nothing was imported.",
            ],
            lines);
        await using var db = cli.OpenDatabase();
        Assert.Equal(0, await db.ExpertProfiles.CountAsync(Ct));
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_refused_not_updated()
    {
        await cli.CreateUserAsync("lucia@example.org");

        var result = await cli.RunAsync("experts", "import", "--csv", Write(Header, Pedro, Lucia));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3: email: an account with 'lucia@example.org' exists already; an import never changes existing accounts", result.Error);
        await using var db = cli.OpenDatabase();
        Assert.Equal(0, await db.ExpertProfiles.CountAsync(Ct));
        Assert.Equal(["lucia@example.org"], await db.Users.Select(u => u.Email).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_dry_run_checks_every_row_and_writes_nothing()
    {
        var result = await cli.RunAsync("experts", "import", "--csv", Write(Header, Lucia, Pedro), "--dry-run");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Checked 2 experts: every row is valid. Nothing written (dry run).", result.Out.Trim());
        await using var db = cli.OpenDatabase();
        Assert.Equal(0, await db.ExpertProfiles.CountAsync(Ct));
    }

    [Fact]
    public async Task A_header_without_a_required_column_or_with_an_unknown_one_is_refused_on_line_1()
    {
        var result = await cli.RunAsync("experts", "import", "--csv", Write(Header.Replace(",summary", ",resumen", StringComparison.Ordinal), Lucia));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1: header: unknown column 'resumen'", result.Error);
        Assert.Contains("line 1: header: missing column 'summary'", result.Error);
    }

    [Fact]
    public async Task A_quoted_field_left_open_is_reported_with_the_line_it_opens_on()
    {
        var result = await cli.RunAsync("experts", "import", "--csv", Write(Header, Pedro, "ana@example.org,\"Ana"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3: row: a quoted field is never closed", result.Error);
    }

    [Fact]
    public async Task A_missing_file_is_bad_usage()
    {
        var result = await cli.RunAsync("experts", "import", "--csv", Path.Combine(folder, "nowhere.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: no file", result.Error);
    }

    public void Dispose()
    {
        cli.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
