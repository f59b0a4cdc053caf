using CooperaNet.Web.Tests.Newsletter;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>
/// The newsletter pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the archive with the
/// subscribe form (also with errors and after subscribing), a sent issue with its share links, the
/// confirmation and unsubscribe pages before and after their button, and the secretariat's new-issue,
/// edit, preview, draft and deleted-draft pages.
/// </summary>
public sealed class NewsletterBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("es")]
    [InlineData("pt")]
    public async Task Every_newsletter_page_has_no_axe_violations(string lang)
    {
        var sent = await NewsletterData.IssueAsync(Browser.App, "Water news " + lang, sent: true, language: lang);
        var deleted = await NewsletterData.IssueAsync(Browser.App, "Deleted draft " + lang, sent: false, language: lang, deleted: true);
        var pending = await NewsletterData.PendingTokenAsync(Browser.App);
        var unsubscribe = await NewsletterData.UnsubscribeTokenAsync(Browser.App);
        var page = await NewPageAsync();
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/newsletter");
        await Assertions.Expect(page.Locator($"main a[href='/{lang}/newsletter/{sent.Id}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"archive: {v}"));

        await page.Locator("#Form_Email").FillAsync("not an address");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_Email']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"subscribe with errors: {v}"));

        await page.Locator("#Form_Email").FillAsync($"reader-{lang}@example.org");
        await page.Locator("#Form_Email").PressAsync("Enter");
        await Assertions.Expect(page.Locator("main .notice.success")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"after subscribing: {v}"));

        await GotoAsync(page, $"/{lang}/newsletter/{sent.Id}");
        await Assertions.Expect(page.Locator("main .share-links a[href^='https://www.linkedin.com/']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("script[src^='http']").CountAsync());
        await Assertions.Expect(page.Locator("#share-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^http://[^/]+/{lang}/newsletter/{sent.Id}$"));
        await Assertions.Expect(page.Locator("main button[data-copy]")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"issue: {v}"));

        await GotoAsync(page, $"/{lang}/newsletter/confirm/{pending}");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"confirm: {v}"));
        await page.Locator("main form button").ClickAsync();
        await Assertions.Expect(page.Locator("main .notice.success")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"confirmed: {v}"));

        await GotoAsync(page, $"/{lang}/newsletter/unsubscribe/{unsubscribe}");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"unsubscribe: {v}"));
        await page.Locator("main form button").ClickAsync();
        await Assertions.Expect(page.Locator("main .notice.success")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"unsubscribed: {v}"));

        var secretariat = await SecretariatAsync(lang);
        await GotoAsync(secretariat, $"/{lang}/newsletter/new");
        failures.AddRange((await Browser.AxeAsync(secretariat)).Select(v => $"new issue: {v}"));
        await secretariat.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(secretariat.Locator("#Form_Title")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(secretariat)).Select(v => $"edit: {v}"));

        await secretariat.Locator("#Form_Title").FillAsync(string.Empty);
        await secretariat.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(secretariat.Locator(".error-summary a[href='#Form_Title']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(secretariat)).Select(v => $"edit with errors: {v}"));

        await secretariat.Locator("#Form_Title").FillAsync("Boletín " + lang);
        await secretariat.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(secretariat.Locator("main form[action*='handler=Send']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(secretariat)).Select(v => $"draft: {v}"));

        await secretariat.Locator($"main a[href$='/preview']").ClickAsync();
        await Assertions.Expect(secretariat.Locator("main pre").First).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(secretariat)).Select(v => $"preview: {v}"));

        await GotoAsync(secretariat, $"/{lang}/newsletter/{deleted.Id}");
        await Assertions.Expect(secretariat.Locator("main form[action*='handler=Restore']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(secretariat)).Select(v => $"deleted draft: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
