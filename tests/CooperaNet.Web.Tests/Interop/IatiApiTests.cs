using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CooperaNet.Web.Features.Interop;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Interop.IatiApiTests.Outcome;

namespace CooperaNet.Web.Tests.Interop;

/// <summary>
/// The IATI import and the imported activities on the API: only the secretariat (second factor) imports,
/// everyone reads; the findings come in the request's language; a file that breaks the schema changes
/// nothing. Allowed imports are audited under the importer; refused and dry-run requests write nothing.
/// </summary>
public sealed class IatiApiTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    public enum Outcome
    {
        Ok,
        Unauthorized,
        Forbidden,
        SignIn,
        TwoFactor,
        Denied,

        /// <summary>200 and the activity created, audited under the caller.</summary>
        Imported,
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Body
    {
        None,
        Xml,
        Form,
    }

    private sealed record Row(string Name, HttpMethod Method, string Path, Body Body, Outcome[] Expected);

    private static readonly Row[] Table =
    [
        // Endpoint                                                                               Anonymous      Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("import, dry run", HttpMethod.Post, IatiEndpoints.Imports + "?dryRun=true", Body.Xml,   [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Forbidden]),
        new("import", HttpMethod.Post, IatiEndpoints.Imports, Body.Xml,                              [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Imported,  Forbidden]),
        new("imported activities", HttpMethod.Get, IatiEndpoints.Activities, Body.None,              [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("page", HttpMethod.Get, "/en/iati/import", Body.None,                                    [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("page, preview", HttpMethod.Post, "/en/iati/import?handler=Preview", Body.Form,          [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("page, import", HttpMethod.Post, "/en/iati/import?handler=Import", Body.Form,            [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Imported,  TwoFactor]),
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
        var identifier = "XM-TEST-" + PageMatrixHost.Word();
        var lastAudit = await host.LastAuditAsync();

        var xml = Activities(Activity(identifier, "CO", "Agua potable rural"));
        using var request = new HttpRequestMessage(line.Method, line.Path)
        {
            Content = line.Body switch
            {
                Body.Xml => Xml(xml),
                Body.Form => Form(session.Token, xml),
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

        var records = await host.AuditSinceAsync(lastAudit, ["ExternalActivity", "ExternalActivityText"]);
        var stored = await InDbAsync(db => db.ExternalActivities.AnyAsync(a => a.IatiIdentifier == identifier, Ct));
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
    public async Task A_real_file_is_previewed_then_imported_and_read_back_by_anyone()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        var file = await File.ReadAllBytesAsync(TestFiles.Iati("worldbank-sv.xml"), Ct);

        var preview = await ImportAsync(secretariat, file, "?dryRun=true");
        var before = await InDbAsync(db => db.ExternalActivities.CountAsync(a => a.ReportingOrgRef == "44000", Ct));
        var imported = await ImportAsync(secretariat, file, string.Empty);
        var anonymous = await host.SessionAsync(Who.Anonymous);
        var page = await anonymous.Browser.Http.GetFromJsonAsync<ExternalActivityPage>($"{IatiEndpoints.Activities}?country=SV&publisher=44000&pageSize=5", Ct);

        Assert.Equal((13, 13, true), (preview.Read, preview.Created, preview.DryRun));
        Assert.Equal(0, before);
        Assert.Equal((13, 13, false, false), (imported.Read, imported.Created, imported.DryRun, imported.Stopped));
        Assert.Equal(13, page!.Total);
        Assert.Equal(5, page.Items.Count);
        Assert.All(page.Items, a => Assert.Equal(["SV"], a.Countries));
        Assert.Contains(page.Items, a => a.Sectors.Count > 0);
    }

    [Fact]
    public async Task The_findings_come_in_the_requests_language()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        var file = Encoding.UTF8.GetBytes(Activities(Activity("XM-TEST-FR-" + PageMatrixHost.Word(), "ES", "Proyecto en España")));

        var report = await ImportAsync(secretariat, file, "?dryRun=true&lang=fr");

        Assert.Equal((1, 0, 1), (report.Read, report.Created, report.Refused));
        Assert.Equal(
            ["warning « ES » n'est pas un État membre de l'OEA : écarté.", "error Aucun pays bénéficiaire n'est un État membre de l'OEA et aucune région bénéficiaire ne se trouve dans les Amériques."],
            report.Findings.OrderByDescending(f => f.Severity).Select(f => $"{f.Severity} {f.Message}"));
        Assert.Equal("iati-activity[1]/recipient-country", report.Findings.Single(f => f.Severity == "error").Element);
    }

    [Fact]
    public async Task A_file_that_breaks_the_schema_is_refused_whole_and_changes_nothing()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        var good = "XM-TEST-OK-" + PageMatrixHost.Word();
        var xml = Activities(Activity(good, "CO", "Agua potable rural"), Activity("XM-TEST-BAD", "PE", "Sin identificador"))
            .Replace("<iati-identifier>XM-TEST-BAD</iati-identifier>", string.Empty, StringComparison.Ordinal);

        using var response = await secretariat.Browser.Http.PostAsync($"{IatiEndpoints.Imports}?lang=es", Xml(xml), Ct);
        var report = await response.Content.ReadFromJsonAsync<IatiImportContract>(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(report!.Stopped);
        var critical = report.Findings[0];
        Assert.Equal(("critical", "iati.schema"), (critical.Severity, critical.Code));
        Assert.StartsWith("El archivo no cumple el esquema IATI 2.03:", critical.Message, StringComparison.Ordinal);
        Assert.False(await InDbAsync(db => db.ExternalActivities.AnyAsync(a => a.IatiIdentifier == good, Ct)));
    }

    [Theory]
    [InlineData("text/plain", "", "file", "Send the IATI file as the request body, with the type application/xml.")]
    [InlineData("application/xml", "?dryRun=maybe", "dryRun", "dryRun must be true or false.")]
    public async Task A_request_that_is_not_an_import_gets_a_400_per_field(string type, string query, string field, string message)
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Activities()));
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        using var response = await secretariat.Browser.Http.PostAsync($"{IatiEndpoints.Imports}{query}{(query.Length > 0 ? "&" : "?")}lang=en", content, Ct);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], problem!.Errors[field]);
    }

    [Fact]
    public async Task The_page_previews_then_imports_and_says_what_it_found()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        var identifier = "XM-TEST-PAGE-" + PageMatrixHost.Word();
        var xml = Activities(Activity(identifier, "CO", "Agua potable rural"), Activity(identifier + "-ES", "ES", "Proyecto en España"));

        using var preview = await secretariat.Browser.Http.PostAsync("/es/iati/import?handler=Preview", Form(secretariat.Token, xml), Ct);
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Ct));
        var storedAfterPreview = await InDbAsync(db => db.ExternalActivities.AnyAsync(a => a.IatiIdentifier == identifier, Ct));
        using var import = await secretariat.Browser.Http.PostAsync("/es/iati/import?handler=Import", Form(secretariat.Token, xml), Ct);
        var importHtml = WebUtility.HtmlDecode(await import.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Vista previa de activities.xml: no ha cambiado nada", previewHtml, StringComparison.Ordinal);
        Assert.Contains("Ningún país receptor es Estado miembro de la OEA", previewHtml, StringComparison.Ordinal);
        Assert.False(storedAfterPreview);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Contains("activities.xml importado", importHtml, StringComparison.Ordinal);
        Assert.True(await InDbAsync(db => db.ExternalActivities.AnyAsync(a => a.IatiIdentifier == identifier, Ct)));
    }

    [Fact]
    public async Task The_page_refuses_no_file_and_a_broken_one()
    {
        var secretariat = await host.SessionAsync(Who.Secretariat);
        using var none = new MultipartFormDataContent { { new StringContent(secretariat.Token), "__RequestVerificationToken" } };

        using var empty = await secretariat.Browser.Http.PostAsync("/fr/iati/import?handler=Preview", none, Ct);
        using var broken = await secretariat.Browser.Http.PostAsync("/fr/iati/import?handler=Import", Form(secretariat.Token, "<iati-activities version=\"2.03\"><iati-activity>"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("error-summary", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("activities.xml ne peut pas être importé : rien n'a changé", WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_refuses_a_page_out_of_range()
    {
        var anonymous = await host.SessionAsync(Who.Anonymous);

        using var response = await anonymous.Browser.Http.GetAsync($"{IatiEndpoints.Activities}?pageSize=500&lang=pt", Ct);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Deve ser um número entre 1 e 100."], problem!.Errors["pageSize"]);
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);

    private async Task<IatiImportContract> ImportAsync(PageMatrixHost.Session session, byte[] file, string query)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await session.Browser.Http.PostAsync(IatiEndpoints.Imports + query, content, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<IatiImportContract>(Ct))!;
    }

    private async Task<T> InDbAsync<T>(Func<Application.Data.CooperaNetDbContext, Task<T>> read)
    {
        await using var db = host.NewDbContext();
        return await read(db);
    }

    private static MultipartFormDataContent Form(string token, string xml)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "Upload", "activities.xml");
        return form;
    }

    private static ByteArrayContent Xml(string xml)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return content;
    }

    private static string Activities(params string[] activities) =>
        $"""<?xml version="1.0" encoding="UTF-8"?>{"\n"}<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">{"\n"}{string.Join("\n", activities)}{"\n"}</iati-activities>""";

    private static string Activity(string identifier, string country, string title) => $"""
        <iati-activity xml:lang="es">
         <iati-identifier>{identifier}</iati-identifier>
         <reporting-org ref="XM-TEST" type="40"><narrative>Test</narrative></reporting-org>
         <title><narrative>{title}</narrative></title>
         <description><narrative>Descripción.</narrative></description>
         <participating-org role="4" type="10"><narrative>Ministerio</narrative></participating-org>
         <activity-status code="2"/>
         <activity-date type="1" iso-date="2026-01-01"/>
         <recipient-country code="{country}" percentage="100"/>
        </iati-activity>
        """;
}
