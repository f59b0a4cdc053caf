using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

public sealed class PageDeliveryTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int HomePageBudget = 150 * 1024;

    [Theory]
    [MemberData(nameof(PublicPages.All), MemberType = typeof(PublicPages))]
    public async Task Page_loads_everything_from_the_site_under_a_strict_content_security_policy(string path, int status)
    {
        var page = await NewPageAsync();
        var requested = new List<string>();
        var errors = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        page.Console += (_, message) =>
        {
            // Chromium logs the document's own 404 as an error; that status is asserted below.
            var ownStatus = status != 200 && message.Location.StartsWith(Browser.BaseAddress + path + ":", StringComparison.Ordinal);
            if (message.Type == "error" && !ownStatus)
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        // GotoAsync returns after the load event: every stylesheet, script and image the page asks for
        // has been requested by then, and the site's scripts fetch nothing until the reader acts.
        var response = await GotoAsync(page, path, status);

        var offSite = requested.Where(url => !url.StartsWith(Browser.BaseAddress + "/", StringComparison.Ordinal)).ToList();
        Assert.True(offSite.Count == 0, $"{path} requested outside the site: {string.Join(", ", offSite)}");
        Assert.Contains("script-src 'self'", await response.HeaderValueAsync("Content-Security-Policy") ?? string.Empty);
        Assert.True(errors.Count == 0, $"{path} logged errors (CSP violations show here): {string.Join(Environment.NewLine, errors)}");
    }

    [Fact]
    public async Task Stylesheet_reaches_the_browser_with_its_rules()
    {
        // An empty or blocked stylesheet still answers 200; axe and the layout tests would then judge unstyled pages.
        var page = await NewPageAsync();
        await GotoAsync(page, "/en/");

        var rules = await page.EvaluateAsync<int>("() => [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0)");

        Assert.True(rules > 50, $"The page has {rules} CSS rules; site.css did not arrive whole.");
    }

    [Fact]
    public async Task Home_page_transfers_under_150_KB()
    {
        var page = await NewPageAsync();
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) => finished.Add(request);

        await GotoAsync(page, "/en/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var sizes = new List<(string Url, long Bytes)>();
        foreach (var request in finished)
        {
            sizes.Add((request.Url, (await request.SizesAsync()).ResponseBodySize));
        }

        var total = sizes.Sum(s => s.Bytes);
        Assert.True(sizes.Count > 1, "The home page loaded no stylesheet or image; the sum would prove little.");
        Assert.True(total < HomePageBudget, $"/en/ transferred {total:N0} bytes: {string.Join(", ", sizes.Select(s => $"{s.Url} {s.Bytes:N0}"))}");
    }
}
