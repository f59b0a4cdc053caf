using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

public sealed class AccessibilityTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    public async Task Page_has_no_axe_violations(string path, int status)
    {
        // axe-core goes in as an inline script that the site's CSP admits by its hash, and no other.
        var page = await NewPageAsync();
        await GotoAsync(page, path, status);

        var violations = await Browser.AxeAsync(page);

        Assert.True(violations.Count == 0, $"{path} breaks {violations.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.LanguageCodes), MemberType = typeof(PublicPages))]
    public async Task Every_page_the_home_page_links_to_is_checked(string lang)
    {
        var page = await NewPageAsync();
        await GotoAsync(page, $"/{lang}/");

        var links = await page.Locator("a[href]").EvaluateAllAsync<string[]>(
            "links => links.filter(a => a.origin === location.origin).map(a => a.pathname)");

        var missing = links.Distinct().Where(path => !PublicPages.Contains(path)).ToList();
        Assert.True(links.Length > 0, $"/{lang}/ has no links to follow.");
        Assert.True(missing.Count == 0, $"/{lang}/ links to pages no browser test checks; add them to {nameof(PublicPages)}: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    public async Task Page_is_in_the_language_of_its_address_and_has_one_h1(string path, int status)
    {
        var page = await NewPageAsync();
        await GotoAsync(page, path, status);

        Assert.Equal(path.Split('/')[1], await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Language_switcher_leads_from_the_English_work_plan_to_the_French_one()
    {
        var page = await NewPageAsync();
        await GotoAsync(page, "/en/work-plan");
        var french = page.GetByRole(AriaRole.Navigation, new() { Name = "Language", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Français" });

        await Assertions.Expect(french).ToHaveAttributeAsync("href", "/fr/work-plan");
        await french.ClickAsync();

        await page.WaitForURLAsync("**/fr/work-plan");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
    }

    [Theory]
    [InlineData("/en/")]
    [InlineData("/en/work-plan")]
    [InlineData("/en/api-reference")]
    [MemberData(nameof(PublicPages.Catalog), MemberType = typeof(PublicPages))]
    public async Task Page_does_not_scroll_sideways_on_a_320_px_screen(string path)
    {
        var page = await NewPageAsync(width: 320);
        await GotoAsync(page, path);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 320, $"{path} is {scrollWidth} px wide on a 320 px screen.");
    }

    [Fact]
    public async Task First_tab_focuses_the_skip_link_and_enter_moves_focus_to_the_main_content()
    {
        var page = await NewPageAsync();
        await GotoAsync(page, "/en/work-plan");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string?>("() => document.activeElement?.className"));

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'main'");
    }

    [Fact]
    public async Task Tabbing_reaches_the_language_switcher_and_the_main_navigation()
    {
        var page = await NewPageAsync();
        await GotoAsync(page, "/en/work-plan");

        string[] expected =
        [
            "Language /es/work-plan", "Language /en/work-plan", "Language /pt/work-plan", "Language /fr/work-plan",
            "Main navigation /en/", "Main navigation /en/work-plan", "Main navigation /en/api-reference",
        ];
        var focused = new List<string>();
        while (focused.Count < 20 && !focused.Contains(expected[^1]))
        {
            await page.Keyboard.PressAsync("Tab");
            focused.Add(await page.EvaluateAsync<string>(
                "() => `${document.activeElement?.closest('nav')?.getAttribute('aria-label') ?? '-'} ${document.activeElement?.getAttribute('href')}`"));
        }

        var reached = focused.Where(expected.Contains).ToList();
        Assert.True(expected.SequenceEqual(reached), $"Tab order was: {string.Join(" | ", focused)}");
    }
}
