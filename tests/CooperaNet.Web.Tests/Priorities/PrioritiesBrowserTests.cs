using CooperaNet.Web.Tests.Browser;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Priorities;

/// <summary>The priority pages in Chromium, checked with axe-core in two of the four languages (PublicPages).</summary>
public sealed class PrioritiesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly HashSet<BrowserFixture> Seeded = [];

    [Theory]
    [MemberData(nameof(PublicPages.EnglishAndFrench), MemberType = typeof(PublicPages))]
    public async Task Ranking_and_area_pages_have_no_axe_violations(string lang)
    {
        await SeedOnceAsync();
        var page = await NewPageAsync();

        await GotoAsync(page, $"/{lang}/priorities");
        var ranking = await Browser.AxeAsync(page);
        await Assertions.Expect(page.Locator("svg[role=img] title")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(".+"));
        await page.Locator($"table a[href='/{lang}/priorities/category/140']").ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/priorities/category/140");
        var area = await Browser.AxeAsync(page);
        await GotoAsync(page, $"/{lang}/priorities?dimension=language");
        var languages = await Browser.AxeAsync(page);

        Assert.True(ranking.Count == 0, $"/{lang}/priorities breaks {ranking.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, ranking)}");
        Assert.True(area.Count == 0, $"/{lang}/priorities/category/140 breaks {area.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, area)}");
        Assert.True(languages.Count == 0, $"/{lang}/priorities?dimension=language breaks {languages.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, languages)}");
    }

    [Fact]
    public async Task Dimension_links_switch_the_ranking_on_a_narrow_screen()
    {
        await SeedOnceAsync();
        var page = await NewPageAsync(320);
        await GotoAsync(page, "/en/priorities");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Group by" }).GetByRole(AriaRole.Link, new() { Name = "Sustainable Development Goal" }).ClickAsync();

        await page.WaitForURLAsync("**/en/priorities?dimension=sdg");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sustainable Development Goal" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.Locator("table tbody th a").First).ToHaveTextAsync("Clean water and sanitation", new() { IgnoreCase = true });
    }

    private async Task SeedOnceAsync()
    {
        await Seeding.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (Seeded.Add(Browser))
            {
                await PriorityData.OldDemandAsync(Browser.App, "JM", "Agua potable para comunidades rurales de montaña");
            }
        }
        finally
        {
            Seeding.Release();
        }
    }
}
