using System.Net;
using System.Text.RegularExpressions;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Reports;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Reports;

/// <summary>
/// The report pages through HTTP, with cookies and the forms' antiforgery token as a browser without
/// JavaScript sends them. Each test that writes works on a semester of its own.
/// </summary>
public sealed partial class ReportPagesTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secretariats_draft_page_has_a_form_per_proposal_one_for_its_own_and_one_to_issue()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        var page = await secretariat.PageAsync("/en/reports/2013H1");

        Assert.Contains("<h1>CooperaNet semester report: First half of 2013</h1>", page, StringComparison.Ordinal);
        Assert.Contains("DRAFT", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" class=\"proposal-form\" action=\"/en/reports/2013H1?handler=Decide\">", page, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"key\" value=\"{ProposalRules.StatesWithoutEntry}\">", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" id=\"decision-0-pending\" name=\"decision\" value=\"pending\" checked=\"checked\">", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"decision-0-accepted\">Keep</label>", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/en/reports/2013H1?handler=Propose\"", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/en/reports/2013H1?handler=Issue\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/reports/2013H1/document?format=pdf&lang=fr\"", page, StringComparison.Ordinal);

        var member = await Sessions.SignedInAsync(factory, Roles.WorkingGroupMember);
        var read = await member.PageAsync("/en/reports/2013H1");
        Assert.Contains("First half of 2013", read, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_is_saved_with_its_wording_and_shown_again_on_the_draft()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        const string wording = "Hold two virtual sessions with the states that have not published yet";

        using var saved = await secretariat.PostFormAsync("/en/reports/2013H2?handler=Decide", Decision("accepted", wording), "/en/reports/2013H2");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/en/reports/2013H2#proposals", saved.Headers.Location?.OriginalString);
        var page = await secretariat.PageAsync("/en/reports/2013H2");
        Assert.Contains("<p class=\"notice success\" role=\"status\">The decision was saved.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" id=\"decision-0-accepted\" name=\"decision\" value=\"accepted\" checked=\"checked\">", page, StringComparison.Ordinal);
        Assert.Contains($">{wording}</textarea>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_decision_shows_the_draft_again_with_an_error_summary_in_the_page_language_linked_to_its_radios()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, lang: "es");

        using var refused = await secretariat.PostFormAsync("/es/reports/2014H1?handler=Decide", Decision("maybe", string.Empty), "/es/reports/2014H1");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await AccountClient.TextAsync(refused);
        Assert.Contains("<h2 id=\"error-summary-title\">Hay un problema</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#decision-0-accepted\">Elija si conserva la propuesta, la descarta o decide más tarde.</a>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"decision-0-accepted\"", page, StringComparison.Ordinal);
        Assert.Contains("handler=Decide", page, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.SemesterReports.AnyAsync(r => r.Semester == "2014H1", Ct));
    }

    [Fact]
    public async Task Each_refused_forms_error_summary_links_to_that_forms_own_field()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, lang: "pt");

        using var decided = await secretariat.PostFormAsync("/pt/reports/2014H2?handler=Decide", Decision("accepted", new string('a', 1001)), "/pt/reports/2014H2");
        using var proposed = await secretariat.PostFormAsync("/pt/reports/2014H2?handler=Propose", new Dictionary<string, string> { ["wording"] = "Nova proposta", ["language"] = "de" }, "/pt/reports/2014H2");

        Assert.Equal(["wording-0"], await SummaryTargetsAsync(decided));
        Assert.Equal(["language"], await SummaryTargetsAsync(proposed));
    }

    [Fact]
    public async Task Issuing_needs_the_box_ticked_then_the_report_is_public_and_listed()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        using var unconfirmed = await secretariat.PostFormAsync("/en/reports/2015H1?handler=Issue", new Dictionary<string, string>(), "/en/reports/2015H1");

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("<a href=\"#confirm\">Tick the box to confirm that the report is ready to be issued.</a>", await AccountClient.TextAsync(unconfirmed), StringComparison.Ordinal);
        await using (var db = factory.NewDbContext())
        {
            Assert.False(await db.SemesterReports.AnyAsync(r => r.Semester == "2015H1" && r.IssuedAt != null, Ct));
        }

        using var issued = await secretariat.PostFormAsync("/en/reports/2015H1?handler=Issue", new Dictionary<string, string> { ["confirm"] = "true" }, "/en/reports/2015H1");

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal("/en/reports/2015H1", issued.Headers.Location?.OriginalString);
        var after = await secretariat.PageAsync("/en/reports/2015H1");
        Assert.Contains("The report was issued. It is now public.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Decide", after, StringComparison.Ordinal);

        var anonymous = AccountClient.For(factory);
        var list = await anonymous.PageAsync("/en/reports");
        Assert.Contains("<a href=\"/en/reports/2015H1\">First half of 2015</a>", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/reports/2015H1/document?format=pdf&lang=en\"", list, StringComparison.Ordinal);
        var report = await anonymous.PageAsync("/en/reports/2015H1");
        Assert.Contains("<h1>CooperaNet semester report: First half of 2015</h1>", report, StringComparison.Ordinal);
        Assert.DoesNotContain("DRAFT", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "This semester's report has not been issued yet.")]
    [InlineData("es", "El informe de este semestre todavía no se ha emitido.")]
    public async Task A_draft_is_not_found_for_anonymous_readers_who_are_told_it_is_not_issued_yet(string lang, string message)
    {
        var anonymous = AccountClient.For(factory);

        using var response = await anonymous.GetAsync($"/{lang}/reports/2016H1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await AccountClient.TextAsync(response);
        Assert.Contains($"<p>{message}</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2016H1/document", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_opens_a_semesters_draft_from_the_list_and_a_bad_semester_is_explained()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, lang: "fr");

        var list = await secretariat.PageAsync("/fr/reports");
        using var open = await secretariat.GetAsync("/fr/reports?semester=2017h2");
        using var future = await secretariat.GetAsync("/fr/reports?semester=2099H2");

        Assert.Contains("<select id=\"semester\" name=\"semester\">", list, StringComparison.Ordinal);
        Assert.Contains("Ouvrir le projet", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/fr/reports/2017H2", open.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("<a href=\"#semester\">Le semestre 2099H2 n'a pas commencé\u00A0: il n'y a encore rien à présenter.</a>", await AccountClient.TextAsync(future), StringComparison.Ordinal);
    }

    /// <summary>The ids the error summary of a refused form links to, each checked to exist on the page.</summary>
    private static async Task<List<string>> SummaryTargetsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await AccountClient.TextAsync(response);
        var summary = Summary().Match(page);
        Assert.True(summary.Success, "No error summary on the page");
        var targets = Link().Matches(summary.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.All(targets, id => Assert.Contains($"id=\"{id}\"", page, StringComparison.Ordinal));
        return targets;
    }

    private static Dictionary<string, string> Decision(string decision, string wording) => new()
    {
        ["key"] = ProposalRules.StatesWithoutEntry,
        ["decision"] = decision,
        ["wording"] = wording,
        ["language"] = "en",
    };

    [GeneratedRegex("class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("<a href=\"#([^\"]+)\"")]
    private static partial Regex Link();
}
