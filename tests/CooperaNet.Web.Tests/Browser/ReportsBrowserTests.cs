using CooperaNet.Application.Reports;
using CooperaNet.Domain.Reports;
using CooperaNet.Domain.WorkPlans;
using CooperaNet.Web.Tests.Reports;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>
/// The report pages in Chromium, checked with axe-core: an issued report as anyone reads it, a draft with the
/// secretariat's forms, and a decision made with the keyboard alone. Each test works on a semester of its own.
/// </summary>
public sealed class ReportsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("es", 2018)]
    [InlineData("en", 2019)]
    [InlineData("pt", 2020)]
    [InlineData("fr", 2012)]
    public async Task Anyone_reads_the_list_and_an_issued_report_with_no_axe_violations(string lang, int year)
    {
        var semester = new Semester(year, 1);
        await ActivityInAsync(semester);
        await WithReportsAsync(async reports =>
        {
            Assert.Null(await reports.DecideAsync(semester, ProposalRules.StatesWithoutEntry, ProposalDecision.Accepted, null, null, "Secretaría", Ct));
            Assert.Null((await reports.ProposeAsync(semester, "Publicar una guía breve para los nuevos puntos focales", "es", "Secretaría", Ct)).Error);
            Assert.Null(await reports.IssueAsync(semester, "Secretaría", Ct));
        });
        var page = await NewPageAsync();

        var failures = new List<string>();
        await GotoAsync(page, $"/{lang}/reports");
        await Assertions.Expect(page.Locator($"main a[href='/{lang}/reports/{semester}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"list: {v}"));

        await GotoAsync(page, $"/{lang}/reports/{semester}");
        await Assertions.Expect(page.Locator("main svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main table")).Not.ToHaveCountAsync(0);
        Assert.Equal(0, await page.Locator("form.proposal-form").CountAsync());
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"issued report: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [InlineData("es", 2018)]
    [InlineData("en", 2019)]
    [InlineData("pt", 2020)]
    [InlineData("fr", 2012)]
    public async Task The_secretariat_reads_a_draft_with_its_forms_and_errors_with_no_axe_violations(string lang, int year)
    {
        var semester = new Semester(year, 2);
        await ActivityInAsync(semester);
        var page = await SecretariatAsync(lang);

        var failures = new List<string>();
        await GotoAsync(page, $"/{lang}/reports");
        await Assertions.Expect(page.Locator("select#semester")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"list with the draft form: {v}"));

        await GotoAsync(page, $"/{lang}/reports/{semester}");
        await Assertions.Expect(page.Locator("form.proposal-form")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"draft: {v}"));

        await page.Locator("form[action*='handler=Issue'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#confirm']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"draft refused to issue: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public async Task The_secretariat_keeps_a_proposal_with_the_keyboard_alone()
    {
        var semester = new Semester(2017, 1);
        var page = await SecretariatAsync("en");
        await GotoAsync(page, $"/en/reports/{semester}");
        var keep = page.Locator("form.proposal-form").First.GetByRole(AriaRole.Radio, new() { Name = "Keep" });

        // Tab enters the first proposal's radio group at its checked radio ("Decide later"); the arrows move within it.
        var firstGroup = page.Locator("form.proposal-form").First.Locator("input[type=radio]");
        for (var presses = 0; presses < 200 && !await IsFocusedWithinAsync(firstGroup); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.Locator("form.proposal-form").First.GetByRole(AriaRole.Radio, new() { Name = "Decide later" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(keep).ToBeFocusedAsync();
        await Assertions.Expect(keep).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Hold two virtual sessions with the states that have not published");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("form.proposal-form").First.GetByRole(AriaRole.Button, new() { Name = "Save the decision" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".notice.success")).ToHaveTextAsync("The decision was saved.");
        await Assertions.Expect(keep).ToBeCheckedAsync();
        await using var db = Browser.App.NewDbContext();
        var saved = await db.SemesterReports.AsNoTracking().Where(r => r.Semester == semester.ToString())
            .SelectMany(r => r.Proposals).SingleAsync(p => p.Key == ProposalRules.StatesWithoutEntry, Ct);
        Assert.Equal((ProposalDecision.Accepted, "Hold two virtual sessions with the states that have not published", "en"), (saved.Decision, saved.Text, saved.TextLanguage));
    }

    private static async Task<bool> IsFocusedWithinAsync(ILocator elements) =>
        await elements.EvaluateAllAsync<bool>("(nodes) => nodes.includes(document.activeElement)");

    /// <summary>Offers and demands in two sector categories published in <paramref name="semester"/>, so the report has its chart and tables.</summary>
    private async Task ActivityInAsync(Semester semester)
    {
        var day = semester.Start.AddDays(40);
        await Browser.App.PublishedOnAsync(day, AnEntry().Offer().From("PE").InSector("14030", "41010"));
        await Browser.App.PublishedOnAsync(day.AddDays(20), AnEntry().Offer().From("UY").InSector("14030"));
        await Browser.App.PublishedOnAsync(day.AddDays(30), AnEntry().Demand().From("HN").InSector("41010"));
    }

    private Task WithReportsAsync(Func<SemesterReports, Task> work) => Browser.App.WithScopeAsync(async sp =>
    {
        await work(sp.GetRequiredService<SemesterReports>());
        return true;
    });
}
