using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CooperaNet.Application.Interop.Sidicss;
using CooperaNet.Web.Features.Interop;
using CooperaNet.Web.Tests.CatalogPages;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Interop.SidicssApiTests.Outcome;

namespace CooperaNet.Web.Tests.Interop;

/// <summary>
/// The SIDICSS exchange on the API and its page: only the secretariat (second factor) downloads and reads
/// files of the layout; refused rows come back with their line, column and reason in the request's
/// language. Allowed imports are audited under the importer; refused and dry-run requests write nothing.
/// </summary>
public sealed class SidicssApiTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    public enum Outcome
    {
        Ok,
        Unauthorized,
        Forbidden,
        SignIn,
        TwoFactor,
        Denied,

        /// <summary>200 and the initiative created, audited under the caller.</summary>
        Imported,
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Body
    {
        None,
        Csv,
        Form,
    }

    private sealed record Row(string Name, HttpMethod Method, string Path, Body Body, Outcome[] Expected);

    private static readonly Row[] Table =
    [
        // Endpoint                                                                              Anonymous      Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("export, csv", HttpMethod.Get, SidicssEndpoints.Export, Body.None,                     [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Forbidden]),
        new("export, xlsx", HttpMethod.Get, SidicssEndpoints.Export + "?format=xlsx", Body.None,   [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Forbidden]),
        new("import, dry run", HttpMethod.Post, SidicssEndpoints.Imports + "?dryRun=true", Body.Csv, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,      Forbidden]),
        new("import", HttpMethod.Post, SidicssEndpoints.Imports, Body.Csv,                         [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Imported,  Forbidden]),
        new("page", HttpMethod.Get, "/en/sidicss", Body.None,                                      [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("page, export", HttpMethod.Get, "/en/sidicss?handler=Export&format=xlsx", Body.None,   [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("page, preview", HttpMethod.Post, "/en/sidicss?handler=Preview", Body.Form,            [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("page, import", HttpMethod.Post, "/en/sidicss?handler=Import", Body.Form,              [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Imported,  TwoFactor]),
    ];

    public static TheoryData<string, Who, Outcome> Cases()
    {
        var data = new TheoryData<string, Who, Outcome>();
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetValues<Who>().Length, row.Expected.Length);
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(row.Name, who, row.Expected[(int)who]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var title = "Huertos escolares " + PageMatrixHost.Word();
        var lastAudit = await host.LastAuditAsync();

        var csv = Csv(GoodRow(title));
        using var request = new HttpRequestMessage(line.Method, line.Path)
        {
            Content = line.Body switch
            {
                Body.Csv => CsvContent(csv),
                Body.Form => Form(session.Token, csv, "iniciativas.csv"),
                _ => null,
            },
        };
        using var response = await session.Browser.Http.SendAsync(request, Ct);

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"{line.Method} {line.Path} answered {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in?ReturnUrl=", StringComparison.Ordinal), status);
                break;
            case TwoFactor:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location == "/en/account/profile#two-factor", status);
                break;
            case Denied:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal), status);
                break;
            default:
                var code = expected switch
                {
                    Unauthorized => HttpStatusCode.Unauthorized,
                    Forbidden => HttpStatusCode.Forbidden,
                    _ => HttpStatusCode.OK,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await host.AuditSinceAsync(lastAudit, ["Initiative"]);
        var stored = await InDbAsync(db => db.Initiatives.AnyAsync(i => i.Title == title, Ct));
        if (expected == Imported)
        {
            Assert.True(stored, status);
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Equal(session.UserId, r.ActorId));
        }
        else
        {
            Assert.False(stored, status);
            Assert.Empty(records);
        }
    }

    [Fact]
    public async Task An_export_read_back_changes_nothing_in_either_format()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        await ImportAsync(secretariat, CsvContent(Csv(GoodRow("Red de archivos " + PageMatrixHost.Word()))), string.Empty);

        foreach (var (format, type) in new[] { ("csv", "text/csv; charset=utf-8"), ("xlsx", SidicssEndpoints.XlsxType) })
        {
            using var download = await secretariat.Browser.Http.GetAsync($"{SidicssEndpoints.Export}?format={format}", Ct);
            var bytes = await download.Content.ReadAsByteArrayAsync(Ct);
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);

            var report = await ImportAsync(secretariat, content, "?dryRun=true");

            Assert.Equal(type, download.Content.Headers.ContentType!.ToString());
            Assert.Matches($"^cooperanet-sidicss-[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\\.{format}$", download.Content.Headers.ContentDisposition!.FileName);
            Assert.True(report.Rows > 0);
            Assert.Equal((report.Rows, 0, 0, 0), (report.Unchanged, report.Created, report.Updated, report.Refused));
            Assert.Empty(report.Findings);
        }
    }

    [Fact]
    public async Task Refused_rows_come_with_line_column_and_reason_in_the_requests_language()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        var csv = Csv(
            GoodRow("Bien " + PageMatrixHost.Word()),
            ",Sin tipo,es,Plan,Bilateral,MX,,GT,Educación,Social,11220,,Planificada,,,,,,,,");

        var report = await ImportAsync(secretariat, CsvContent(csv), "?dryRun=true&lang=fr");

        Assert.Equal((2, 1, 1, true), (report.Rows, report.Created, report.Refused, report.DryRun));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((3, "tipo", "sidicss.type"), (finding.Line, finding.Column, finding.Code));
        Assert.Equal("« Plan » n’est pas un type d’initiative : Programa, Proyecto, Acción.", finding.Message);
    }

    [Fact]
    public async Task A_file_whose_header_is_not_the_layouts_is_refused_whole()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        var title = "Nunca " + PageMatrixHost.Word();
        var csv = "codigo,titulo\r\n," + title + "\r\n";

        using var response = await secretariat.Browser.Http.PostAsync($"{SidicssEndpoints.Imports}?lang=es", CsvContent(csv), Ct);
        var report = await response.Content.ReadFromJsonAsync<SidicssImportContract>(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(report!.Stopped);
        Assert.StartsWith("La primera fila debe nombrar las columnas del formato", Assert.Single(report.Findings).Message, StringComparison.Ordinal);
        Assert.False(await InDbAsync(db => db.Initiatives.AnyAsync(i => i.Title == title, Ct)));
    }

    [Theory]
    [InlineData("application/json", "", "file", "Send the file as the request body, with the type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.")]
    [InlineData("text/csv", "?dryRun=perhaps", "dryRun", "dryRun must be true or false.")]
    public async Task A_request_that_is_not_an_import_gets_a_400_per_field(string type, string query, string field, string message)
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv()));
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        using var response = await secretariat.Browser.Http.PostAsync($"{SidicssEndpoints.Imports}{query}{(query.Length > 0 ? "&" : "?")}lang=en", content, Ct);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], problem!.Errors[field]);
    }

    [Fact]
    public async Task An_unknown_export_format_gets_a_400()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);

        using var response = await secretariat.Browser.Http.GetAsync($"{SidicssEndpoints.Export}?format=ods&lang=pt", Ct);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["format deve ser csv ou xlsx."], problem!.Errors["format"]);
    }

    [Fact]
    public async Task The_page_previews_then_imports_and_refuses_what_is_not_a_file_of_the_layout()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        var title = "Archivo de prueba " + PageMatrixHost.Word();
        var csv = Csv(GoodRow(title), ",Sin tipo,es,Plan,Bilateral,MX,,GT,Educación,Social,11220,,Planificada,,,,,,,,");

        using var preview = await secretariat.Browser.Http.PostAsync("/es/sidicss?handler=Preview", Form(secretariat.Token, csv, "iniciativas.csv"), Ct);
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Ct));
        var storedAfterPreview = await InDbAsync(db => db.Initiatives.AnyAsync(i => i.Title == title, Ct));
        using var import = await secretariat.Browser.Http.PostAsync("/es/sidicss?handler=Import", Form(secretariat.Token, csv, "iniciativas.csv"), Ct);
        var importHtml = WebUtility.HtmlDecode(await import.Content.ReadAsStringAsync(Ct));
        using var wrong = await secretariat.Browser.Http.PostAsync("/es/sidicss?handler=Preview", Form(secretariat.Token, csv, "iniciativas.txt"), Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Vista previa de iniciativas.csv: no ha cambiado nada", previewHtml, StringComparison.Ordinal);
        Assert.Contains("«Plan» no es un tipo de iniciativa: Programa, Proyecto, Acción.", previewHtml, StringComparison.Ordinal);
        Assert.False(storedAfterPreview);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Contains("iniciativas.csv importado", importHtml, StringComparison.Ordinal);
        Assert.True(await InDbAsync(db => db.Initiatives.AnyAsync(i => i.Title == title, Ct)));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Elija un archivo .csv o .xlsx con el formato del SIDICSS.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);

    private static string GoodRow(string title) =>
        $",{title},es,Proyecto,Bilateral,MX,,GT,Educación,Social,11220,4,Planificada,2026-02-01,2026-08-01,1000,,500,,,";

    private static string Csv(params string[] rows) => string.Join("\r\n", [string.Join(',', SidicssExchange.Columns), .. rows]) + "\r\n";

    private async Task<SidicssImportContract> ImportAsync(PageMatrixHost.Session session, HttpContent content, string query)
    {
        using var response = await session.Browser.Http.PostAsync(SidicssEndpoints.Imports + query, content, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<SidicssImportContract>(Ct))!;
    }

    private async Task<T> InDbAsync<T>(Func<Application.Data.CooperaNetDbContext, Task<T>> read)
    {
        await using var db = host.NewDbContext();
        return await read(db);
    }

    private static MultipartFormDataContent Form(string token, string csv, string name)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", name);
        return form;
    }

    private static ByteArrayContent CsvContent(string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
