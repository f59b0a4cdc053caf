using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Browser;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>
/// The assignments' pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the demand's
/// experts and the propose form (empty and refused), the expert's page, the roster and the list for
/// the secretariat; the receiving state's list with its evaluation form (and its errors); the expert's
/// own missions with their forms, and the invitation of an account without a profile; and an
/// evaluation given with the keyboard alone.
/// </summary>
public sealed class AssignmentsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PublicPages.EnglishAndFrench), MemberType = typeof(PublicPages))]
    public async Task The_secretariats_assignment_pages_have_no_axe_violations(string lang)
    {
        var app = Browser.App;
        var demand = await app.WaterDemandAsync("CO", $"Agua rural {lang}");
        var (expert, _) = await app.RosterExpertAsync(ExpertData.AProfile($"Julia Paredeszq{lang}"));
        await app.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Evaluated, score: 5);
        await app.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Accepted);
        var page = await SecretariatAsync(lang);
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/catalog/{demand.Id}");
        await Assertions.Expect(page.Locator($"#experts a[href='/{lang}/experts/{expert.Id}']").First).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"demand: {v}"));

        await page.Locator("#experts form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Input_ExpertId']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"propose refused: {v}"));

        await GotoAsync(page, $"/{lang}/experts/{expert.Id}");
        await Assertions.Expect(page.Locator("#evaluations-title")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"expert: {v}"));

        await GotoAsync(page, $"/{lang}/experts?q=Paredeszq{lang}");
        await Assertions.Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(1);
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"roster: {v}"));

        await GotoAsync(page, $"/{lang}/experts/assignments");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"assignments: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.SpanishAndPortuguese), MemberType = typeof(PublicPages))]
    public async Task The_receiving_states_list_and_evaluation_form_have_no_axe_violations(string lang)
    {
        var app = Browser.App;
        var demand = await app.WaterDemandAsync("PA", $"Agua para Darién {lang}");
        var (expert, _) = await app.RosterExpertAsync();
        var completed = await app.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Completed);
        var page = await SignedInAsync(lang, "PA");
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/experts/assignments");
        await Assertions.Expect(page.Locator($"#score-{completed.Id:N}")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"list: {v}"));

        await page.Locator($"form:has(#score-{completed.Id:N}) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator($".error-summary a[href='#score-{completed.Id:N}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"evaluation refused: {v}"));

        await GotoAsync(page, $"/{lang}/experts/{expert.Id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(expert.FullName);
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"expert: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.EnglishAndFrench), MemberType = typeof(PublicPages))]
    public async Task The_experts_missions_and_the_invitation_to_write_a_profile_have_no_axe_violations(string lang)
    {
        var app = Browser.App;
        var demand = await app.WaterDemandAsync("CO");
        var (expert, email) = await app.RosterExpertAsync();
        var proposed = await app.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Proposed);
        await app.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Evaluated);
        var page = await SignInAsync(email, lang);
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/experts/profile");
        await Assertions.Expect(page.Locator($"#reason-{proposed.Id:N}")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"missions: {v}"));

        await page.Locator($"form:has(#reason-{proposed.Id:N}) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator($".error-summary a[href='#reason-{proposed.Id:N}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"decline refused: {v}"));

        var withoutProfile = $"sin-perfil-{Guid.NewGuid():N}@example.org";
        await Browser.CreateUserAsync(withoutProfile, Roles.Expert);
        var invited = await SignInAsync(withoutProfile, lang);
        await GotoAsync(invited, $"/{lang}/experts/profile");
        await Assertions.Expect(invited.Locator("#Consent")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(invited)).Select(v => $"no profile: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public async Task The_receiving_state_evaluates_with_the_keyboard_alone()
    {
        var app = Browser.App;
        var demand = await app.WaterDemandAsync("JM", "Rural water for Saint Elizabeth");
        var (expert, _) = await app.RosterExpertAsync(ExpertData.AProfile("Keisha Campbell"));
        var completed = await app.AssignmentAsync(expert.Id, demand.Id, AssignmentStage.Completed);
        var page = await SignedInAsync("en", "JM");
        await GotoAsync(page, "/en/experts/assignments");
        var form = page.Locator($"form:has(#score-{completed.Id:N})");
        var radios = form.Locator("input[type=radio]");

        // Tab enters the radio group on its first radio (none is checked); the arrows move within it and check.
        for (var presses = 0; presses < 200 && !await IsFocusedWithinAsync(radios); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(form.GetByRole(AriaRole.Radio, new() { Name = "1 · Poor" })).ToBeFocusedAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Assertions.Expect(form.GetByRole(AriaRole.Radio, new() { Name = "4 · Very good" })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(form.GetByLabel("Comment on the work")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Clear training sessions and a maintenance plan the water board now follows.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(form.GetByRole(AriaRole.Button, new() { Name = "Send the evaluation" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".notice.success")).ToHaveTextAsync("Thank you: your evaluation was recorded.");
        await using var db = app.NewDbContext();
        var saved = await db.ExpertAssignments.AsNoTracking().SingleAsync(a => a.Id == completed.Id, Ct);
        Assert.Equal((4, "Clear training sessions and a maintenance plan the water board now follows."), (saved.EvaluationScore, saved.EvaluationComment));
    }

    private static async Task<bool> IsFocusedWithinAsync(ILocator elements) =>
        await elements.EvaluateAllAsync<bool>("(nodes) => nodes.includes(document.activeElement)");
}
