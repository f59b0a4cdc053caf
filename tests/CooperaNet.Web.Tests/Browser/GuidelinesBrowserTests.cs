using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Tests.Guidelines;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>
/// The guidelines pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the public list and a
/// published guideline, and for the secretariat a version in consultation with its comment (withdrawn and
/// restored) and approval forms, the draft form (also with errors) and the differences between two versions.
/// </summary>
public sealed class GuidelinesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_guidelines_pages_have_no_axe_violations(string lang)
    {
        var (published, _) = await GuidelineData.SaveAsync(Browser.App, GuidelineStatus.Published);
        var (consulted, _) = await GuidelineData.SaveAsync(Browser.App, GuidelineStatus.InConsultation, Guid.NewGuid());
        var failures = new List<string>();

        var reader = await NewPageAsync();
        await GotoAsync(reader, $"/{lang}/guidelines");
        await Assertions.Expect(reader.Locator($"main a[href='/{lang}/guidelines/{published}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(reader)).Select(v => $"public list: {v}"));
        await GotoAsync(reader, $"/{lang}/guidelines/{published}");
        await Assertions.Expect(reader.Locator($"main a[href*='/versions/1/pdf?lang={lang}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(reader)).Select(v => $"published guideline: {v}"));

        var page = await SecretariatAsync(lang);
        await GotoAsync(page, $"/{lang}/guidelines/{consulted}");
        await Assertions.Expect(page.Locator("#Comment_Text")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Approval_Meeting")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"consultation: {v}"));

        await page.Locator("#Comment_Text").FillAsync("Precisar los plazos de respuesta.");
        await page.Locator("#Comment_Text").PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main form[action*='handler=Withdraw']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"after commenting: {v}"));

        await page.Locator("main form[action*='handler=Withdraw'] button").ClickAsync();
        await Assertions.Expect(page.Locator("main form[action*='handler=Restore']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"after withdrawing: {v}"));
        await page.Locator("main form[action*='handler=Restore'] button").ClickAsync();
        await Assertions.Expect(page.Locator("main form[action*='handler=Withdraw']")).ToBeVisibleAsync();

        await page.Locator("main form[action*='handler=Approve'] button").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Approval_Meeting']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"approval with errors: {v}"));

        await page.Locator("main form[action*='handler=NewVersion'] button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{lang}/guidelines/{consulted}/2$"));
        await GotoAsync(page, $"/{lang}/guidelines/{consulted}/2/edit");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"edit form: {v}"));

        await page.Locator($"#Form_Body{char.ToUpperInvariant(lang[0])}{lang[1]}").FillAsync("## Contactos\n\nLa Secretaría revisa los contactos.\n");
        await page.Locator("#Form_TitleFr").FillAsync(string.Empty);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_TitleFr']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"edit form with errors: {v}"));

        await page.Locator("#Form_TitleFr").FillAsync("Ligne directrice révisée");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{lang}/guidelines/{consulted}/2$"));

        await GotoAsync(page, $"/{lang}/guidelines/{consulted}/diff?from=1&to=2");
        await Assertions.Expect(page.Locator("main .diff ins").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main .diff del").First).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"diff: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
