using CooperaNet.Web.Tests.Browser;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;
using static CooperaNet.Web.Tests.Experts.ExpertData;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>
/// The experts' pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the application form
/// (empty and refused), the expert's own profile, and the secretariat's roster and profile pages.
/// </summary>
public sealed class ExpertsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [MemberData(nameof(PublicPages.EnglishAndFrench), MemberType = typeof(PublicPages))]
    public async Task The_apply_form_and_its_errors_have_no_axe_violations(string lang)
    {
        var page = await NewPageAsync();
        var failures = new List<string>();
        await GotoAsync(page, $"/{lang}/experts/apply");
        await Assertions.Expect(page.Locator("#Form_Languages")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"form: {v}"));

        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Account_Consent']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"refused: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.SpanishAndPortuguese), MemberType = typeof(PublicPages))]
    public async Task The_experts_own_profile_has_no_axe_violations(string lang)
    {
        var (_, email) = await Browser.App.ExpertAsync(AProfile() with { Languages = [new("es", "native"), new("qu", "intermediate")] }, lang);
        var page = await NewPageAsync();
        await GotoAsync(page, $"/{lang}/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(TestUsers.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/");

        var failures = new List<string>();
        await GotoAsync(page, $"/{lang}/experts/profile");
        await Assertions.Expect(page.Locator("#erase")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"profile: {v}"));

        await page.Locator("form[action*='handler=Erase'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#ConfirmErasure']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"erasure unconfirmed: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.EnglishAndFrench), MemberType = typeof(PublicPages))]
    public async Task The_secretariats_roster_and_profile_pages_have_no_axe_violations(string lang)
    {
        var (expert, _) = await Browser.App.ExpertAsync(AProfile($"Rosa Mamani {lang}", "BO", "11220", "en"));
        var page = await SecretariatAsync(lang);

        var failures = new List<string>();
        await GotoAsync(page, $"/{lang}/experts?country=BO");
        await Assertions.Expect(page.Locator($"main table a[href='/{lang}/experts/{expert.Id}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"roster: {v}"));

        await GotoAsync(page, $"/{lang}/experts?availability=soon", 400);
        await Assertions.Expect(page.Locator(".error-summary a[href='#Availability']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"roster refused: {v}"));

        await GotoAsync(page, $"/{lang}/experts/{expert.Id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Rosa Mamani {lang}");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"profile: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
