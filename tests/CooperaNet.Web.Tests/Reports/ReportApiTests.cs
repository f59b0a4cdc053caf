using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Reports;
using CooperaNet.Domain.WorkPlans;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Reports;

/// <summary>
/// The semester reports through the API: the secretariat decides and issues a draft, and the issued report is
/// public, frozen and written as PDF, DOCX and HTML. Each test that issues works on a semester of its own.
/// </summary>
public sealed class ReportApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private const string AcceptedWording = "Organizar sesiones de socialización virtuales con los Estados que aún no publican";
    private const string OwnWording = "Publish a short guide for new focal points";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secretariat_decides_and_issues_a_draft_which_then_is_public_in_every_format()
    {
        var semester = new Semester(2003, 1);
        await factory.OfferOnAsync(new DateOnly(2003, 2, 10), "PE");
        await factory.OfferOnAsync(new DateOnly(2003, 4, 22), "PE");
        await factory.DemandOnAsync(new DateOnly(2003, 5, 5), "UY");
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        var draft = await JsonAsync(await secretariat.Http.GetAsync($"/api/v1/reports/{semester}?lang=en", Ct));
        var figures = draft.GetProperty("figures");
        Assert.Equal(("2003H1", 2, 1, 2), (figures.GetProperty("semester").GetString(), figures.GetProperty("current").GetProperty("offersPublished").GetInt32(),
            figures.GetProperty("current").GetProperty("demandsPublished").GetInt32(), figures.GetProperty("current").GetProperty("statesWithEntry").GetInt32()));
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("issuedAt").ValueKind);
        var suggested = Assert.Single(draft.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("key").GetString() == ProposalRules.StatesWithoutEntry);
        Assert.Equal((JsonValueKind.Null, "pending"), (suggested.GetProperty("text").ValueKind, suggested.GetProperty("decision").GetString()));

        using (var decided = await secretariat.Http.PostAsJsonAsync($"/api/v1/reports/{semester}/proposals/{ProposalRules.StatesWithoutEntry}", new { decision = "accepted", text = AcceptedWording, language = "es" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        }

        string ownKey;
        using (var proposed = await secretariat.Http.PostAsJsonAsync($"/api/v1/reports/{semester}/proposals", new { text = OwnWording, language = "en" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
            ownKey = (await JsonAsync(proposed)).GetProperty("key").GetString()!;
        }

        using (var issued = await secretariat.Http.PostAsync($"/api/v1/reports/{semester}/issue", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, issued.StatusCode);
        }

        using var anonymous = factory.CreateClient();
        var list = (await JsonAsync(await anonymous.GetAsync("/api/v1/reports?lang=en", Ct))).EnumerateArray().ToList();
        var listed = Assert.Single(list, r => r.GetProperty("semester").GetString() == "2003H1");
        Assert.Equal("/api/v1/reports/2003H1", listed.GetProperty("url").GetString());
        Assert.Equal("/api/v1/reports/2003H1/document?format=pdf&lang=en", listed.GetProperty("documents").GetProperty("pdf").GetString());

        var report = await JsonAsync(await anonymous.GetAsync($"/api/v1/reports/{semester}", Ct));
        Assert.NotEqual(JsonValueKind.Null, report.GetProperty("issuedAt").ValueKind);
        Assert.Equal(2, report.GetProperty("figures").GetProperty("current").GetProperty("offersPublished").GetInt32());
        Assert.True(report.GetProperty("isIssued").GetBoolean());
        var kept = report.GetProperty("proposals").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!, p => (p.GetProperty("decision").GetString(), p.GetProperty("text").GetString()));
        Assert.Equal(("accepted", AcceptedWording), kept[ProposalRules.StatesWithoutEntry]);
        Assert.Equal(("accepted", OwnWording), kept[ownKey]);
        Assert.Equal(2, kept.Count);

        using var pdf = await anonymous.GetAsync($"/api/v1/reports/{semester}/document?format=pdf&lang=es", Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Ct);
        Assert.InRange(await ReportData.PdfPagesAsync(bytes), 1, 4);
        var text = await ReportData.PdfTextAsync(bytes);
        Assert.Contains("Se publicaron 2 ofertas y 1 demandas.", text, StringComparison.Ordinal);
        Assert.Contains(AcceptedWording, text, StringComparison.Ordinal);
        Assert.Contains(OwnWording, text, StringComparison.Ordinal);
        Assert.DoesNotContain("BORRADOR", text, StringComparison.Ordinal);

        using var docx = await anonymous.GetAsync($"/api/v1/reports/{semester}/document?format=docx&lang=pt", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync(Ct))[..2]);

        using var html = await anonymous.GetAsync($"/api/v1/reports/{semester}/document?format=html&lang=fr", Ct);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2 offres et 1 demandes ont été publiées.", await html.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issued_reports_figures_do_not_change_when_data_of_its_semester_arrives_later()
    {
        var semester = new Semester(2005, 2);
        var day = new DateOnly(2005, 9, 14);
        await factory.OfferOnAsync(day, "CR");
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        using (var issued = await secretariat.Http.PostAsync($"/api/v1/reports/{semester}/issue", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, issued.StatusCode);
        }

        using var anonymous = factory.CreateClient();
        var before = await TextAsync(await anonymous.GetAsync($"/api/v1/reports/{semester}?lang=en", Ct));

        await factory.OfferOnAsync(day, "CR");
        await factory.DemandOnAsync(day, "PA");

        var after = await TextAsync(await anonymous.GetAsync($"/api/v1/reports/{semester}?lang=en", Ct));
        var recomputed = await factory.WithScopeAsync(sp =>
            sp.GetRequiredService<SemesterFiguresCalculator>().ComputeAsync(semester, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), Ct));
        Assert.Equal((2, 1), (recomputed.Current.OffersPublished, recomputed.Current.DemandsPublished));
        Assert.Equal(before, after);
        Assert.Equal(1, JsonSerializer.Deserialize<JsonElement>(after).GetProperty("figures").GetProperty("current").GetProperty("offersPublished").GetInt32());
        var pdf = await anonymous.GetByteArrayAsync($"/api/v1/reports/{semester}/document?format=pdf&lang=en", Ct);
        Assert.Contains("1 offers and 0 demands were published.", await ReportData.PdfTextAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issued_report_refuses_further_decisions_and_a_second_issue_in_the_callers_language()
    {
        var semester = new Semester(2007, 1);
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        using (var issued = await secretariat.Http.PostAsync($"/api/v1/reports/{semester}/issue", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, issued.StatusCode);
        }

        using var decide = await secretariat.Http.PostAsJsonAsync($"/api/v1/reports/{semester}/proposals/{ProposalRules.StatesWithoutEntry}?lang=fr", new { decision = "dropped" }, Ct);
        using var propose = await secretariat.Http.PostAsJsonAsync($"/api/v1/reports/{semester}/proposals?lang=es", new { text = OwnWording, language = "en" }, Ct);
        using var again = await secretariat.Http.PostAsync($"/api/v1/reports/{semester}/issue?lang=en", null, Ct);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (decide.StatusCode, propose.StatusCode, again.StatusCode));
        var french = await JsonAsync(decide);
        Assert.Equal(("urn:cooperanet:report.already-issued", "Ce rapport a été publié\u00A0: il ne change plus."), (french.GetProperty("type").GetString(), french.GetProperty("detail").GetString()));
        Assert.Equal("Este informe ya se emitió: no cambia más.", (await JsonAsync(propose)).GetProperty("detail").GetString());
        Assert.Equal("This report was issued: it no longer changes.", (await JsonAsync(again)).GetProperty("detail").GetString());
        var report = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/reports/{semester}", Ct));
        Assert.Empty(report.GetProperty("proposals").EnumerateArray());
    }

    [Fact]
    public async Task The_running_semester_cannot_be_issued_before_it_is_over()
    {
        var running = Semester.Of(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        using var response = await secretariat.Http.PostAsync($"/api/v1/reports/{running}/issue?lang=en", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal(("urn:cooperanet:report.semester-not-over", "A report can be issued only once its semester is over."),
            (problem.GetProperty("type").GetString(), problem.GetProperty("detail").GetString()));
        using var anonymous = await factory.CreateClient().GetAsync($"/api/v1/reports/{running}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_focal_points_token_neither_reads_a_draft_nor_decides_proposes_or_issues()
    {
        var semester = new Semester(2009, 2);
        using var focalPoint = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");

        using var decide = await focalPoint.PostAsJsonAsync($"/api/v1/reports/{semester}/proposals/{ProposalRules.StatesWithoutEntry}", new { decision = "accepted", text = AcceptedWording, language = "es" }, Ct);
        using var propose = await focalPoint.PostAsJsonAsync($"/api/v1/reports/{semester}/proposals", new { text = OwnWording, language = "en" }, Ct);
        using var issue = await focalPoint.PostAsync($"/api/v1/reports/{semester}/issue", null, Ct);
        using var draft = await focalPoint.GetAsync($"/api/v1/reports/{semester}", Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (decide.StatusCode, propose.StatusCode, issue.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        await using var db = factory.NewDbContext();
        Assert.False(await db.SemesterReports.AnyAsync(r => r.Semester == semester.ToString(), Ct));
    }

    [Fact]
    public async Task Anonymous_readers_are_told_a_draft_is_not_issued_yet_in_json_and_as_a_file()
    {
        var semester = new Semester(2011, 1);
        using var anonymous = factory.CreateClient();

        using var json = await anonymous.GetAsync($"/api/v1/reports/{semester}?lang=es", Ct);
        using var pdf = await anonymous.GetAsync($"/api/v1/reports/{semester}/document?format=pdf&lang=en", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (json.StatusCode, pdf.StatusCode));
        var spanish = await JsonAsync(json);
        Assert.Equal(("urn:cooperanet:report.not-issued", "El informe de este semestre todavía no se ha emitido."),
            (spanish.GetProperty("type").GetString(), spanish.GetProperty("detail").GetString()));
        Assert.Equal("This semester's report has not been issued yet.", (await JsonAsync(pdf)).GetProperty("detail").GetString());
        var list = await TextAsync(await anonymous.GetAsync("/api/v1/reports", Ct));
        Assert.DoesNotContain(semester.ToString(), list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/reports/2024H3", "semester")]
    [InlineData("/api/v1/reports/veinte", "semester")]
    [InlineData("/api/v1/reports/2099H2", "semester")]
    [InlineData("/api/v1/reports/2099H2/document?format=pdf", "semester")]
    [InlineData("/api/v1/reports/2024H1/document?format=odt", "format")]
    [InlineData("/api/v1/reports/2024H1/document", "format")]
    [InlineData("/api/v1/reports/2024H1?lang=de", "lang")]
    [InlineData("/api/v1/reports/2024H1/document?format=pdf&lang=de", "lang")]
    public async Task A_bad_request_is_refused_on_its_field_in_the_callers_language(string path, string field)
    {
        var spanish = await FieldErrorAsync(path, "es", field);
        var english = await FieldErrorAsync(path, "en", field);

        Assert.NotEqual(spanish, english);
        Assert.All(new[] { spanish, english }, message =>
        {
            Assert.DoesNotContain("Error.", message, StringComparison.Ordinal);
            Assert.DoesNotContain("report.", message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(message));
        });
    }

    [Fact]
    public async Task Semester_messages_say_whether_the_text_is_not_a_semester_or_the_semester_has_not_begun()
    {
        Assert.Equal("“2024H3” is not a semester: write the year followed by H1 or H2, for example 2024H1.", await FieldErrorAsync("/api/v1/reports/2024H3", "en", "semester"));
        Assert.Equal("El semestre 2099H2 no ha comenzado: todavía no hay nada que informar.", await FieldErrorAsync("/api/v1/reports/2099H2", "es", "semester"));
        Assert.Equal("«\u00A0odt\u00A0» n'est pas un format de rapport\u00A0: choisissez pdf, docx ou html.", await FieldErrorAsync("/api/v1/reports/2024H1/document?format=odt", "fr", "format"));

        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        using var issue = await secretariat.Http.PostAsync("/api/v1/reports/2099H2/issue?lang=pt", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, issue.StatusCode);
        Assert.Equal("O semestre 2099H2 não começou: ainda não há nada a relatar.", (await JsonAsync(issue)).GetProperty("errors").GetProperty("semester")[0].GetString());
    }

    [Fact]
    public async Task A_semester_without_any_activity_is_written_as_a_pdf_that_says_so()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        using var response = await secretariat.Http.GetAsync("/api/v1/reports/2001H1/document?format=pdf&lang=en", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.InRange(await ReportData.PdfPagesAsync(bytes), 1, 4);
        var text = await ReportData.PdfTextAsync(bytes);
        Assert.Contains("No activity was recorded on the platform during this semester", text, StringComparison.Ordinal);
        Assert.Contains("DRAFT", text, StringComparison.Ordinal);
    }

    /// <summary>The message on <paramref name="field"/> of the 400 that <paramref name="path"/> answers an anonymous caller speaking <paramref name="language"/>.</summary>
    private async Task<string> FieldErrorAsync(string path, string language, string field)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}");
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        return errors.GetProperty(field)[0].GetString()!;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(Ct);
        }
    }
}
