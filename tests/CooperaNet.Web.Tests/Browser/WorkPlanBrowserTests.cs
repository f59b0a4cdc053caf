using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The live work plan read by anyone, and an action's page used by a working-group member, checked with axe-core.</summary>
public sealed class WorkPlanBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("en", "Record the proposal", "Write the text.", "Your proposal was recorded.")]
    [InlineData("es", "Registrar la propuesta", "Escriba el texto.", "Su propuesta fue registrada.")]
    [InlineData("pt", "Registrar a proposta", "Escreva o texto.", "Sua proposta foi registrada.")]
    [InlineData("fr", "Enregistrer la proposition", "Saisissez le texte.", "Votre proposition a été enregistrée.")]
    public async Task A_working_group_member_reads_the_live_plan_and_records_a_proposal_with_no_axe_violations(string lang, string button, string error, string done)
    {
        var page = await SignedInAsync(lang);
        await GotoAsync(page, $"/{lang}/work-plan");
        await Assertions.Expect(page.Locator("svg.timeline").First).ToBeVisibleAsync();
        var plan = await Browser.AxeAsync(page);

        await page.Locator("#action-3 ~ p a[href*='/actions/3']").ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/work-plan/*/actions/3");
        var action = await Browser.AxeAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(error);
        var refused = await Browser.AxeAsync(page);

        await page.Locator("#proposal-text").FillAsync("Sesiones virtuales con los Estados que no publicaron " + lang);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync(done);
        var recorded = await Browser.AxeAsync(page);

        foreach (var (name, violations) in new[] { ("live plan", plan), ("action", action), ("refused proposal", refused), ("recorded proposal", recorded) })
        {
            Assert.True(violations.Count == 0, $"The {name} page breaks {violations.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }

    private async Task<IPage> SignedInAsync(string lang)
    {
        var email = $"working-group-{Guid.NewGuid():N}@example.org";
        await Browser.CreateUserAsync(email, Roles.WorkingGroupMember);
        var page = await NewPageAsync();
        await GotoAsync(page, $"/{lang}/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(TestUsers.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/");
        return page;
    }
}
