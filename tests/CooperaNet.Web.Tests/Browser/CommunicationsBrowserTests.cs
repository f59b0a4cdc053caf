using CooperaNet.Web.Tests.Communications;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>
/// The communication pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the key messages, the
/// channels, the plans and the grid in both views, and the secretariat's forms, also with errors; and the
/// grid driven by keyboard.
/// </summary>
public sealed class CommunicationsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Plan = "/communications/plans/2031/1";

    [Theory]
    [InlineData("es")]
    [InlineData("pt")]
    public async Task The_messages_channels_plans_grid_and_forms_have_no_axe_violations(string lang)
    {
        var saved = await CommunicationData.SaveAsync(Browser.App, "zq" + lang);
        var page = await SecretariatAsync(lang);
        var failures = new List<string>();
        async Task CheckAsync(string name) => failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"{name}: {v}"));

        await GotoAsync(page, $"/{lang}/communications");
        await Assertions.Expect(page.Locator("main h2#audience-media")).ToBeVisibleAsync();
        await CheckAsync("key messages");

        await GotoAsync(page, $"/{lang}/communications/audiences/media/edit");
        await page.Locator("#Form_MessageFr").FillAsync(string.Empty);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_MessageFr']")).ToBeVisibleAsync();
        await CheckAsync("message form with errors");

        await GotoAsync(page, $"/{lang}/communications/channels");
        await Assertions.Expect(page.Locator("main table caption")).ToBeVisibleAsync();
        await CheckAsync("channels");

        await GotoAsync(page, $"/{lang}/communications/channels/new");
        await page.Locator("#Form_Address").FillAsync("javascript:alert(1)");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_Address']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Form_Audiences-error")).ToBeVisibleAsync();
        await CheckAsync("channel form with errors");

        await GotoAsync(page, $"/{lang}/communications/channels/{saved.ChannelId}/edit");
        await CheckAsync("channel edit form");

        await GotoAsync(page, $"/{lang}/communications/plans");
        await Assertions.Expect(page.Locator($"main a[href='/{lang}{Plan}']")).ToBeVisibleAsync();
        await CheckAsync("plans");

        await GotoAsync(page, $"/{lang}{Plan}");
        await Assertions.Expect(page.Locator("main table caption")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"main table a[href='/{lang}{Plan}/pieces/{saved.PieceId}/edit']")).ToBeVisibleAsync();
        await CheckAsync("grid by audience");

        await GotoAsync(page, $"/{lang}{Plan}?by=channel");
        await Assertions.Expect(page.Locator($"main table a[href='/{lang}{Plan}/items/{saved.ItemId}/edit']")).ToBeVisibleAsync();
        await CheckAsync("grid by channel");

        await GotoAsync(page, $"/{lang}{Plan}/items/new");
        await page.Locator("#Form_PlannedOn").FillAsync("2031-09-01");
        await page.Locator("#Form_Owner").FillAsync("Equipo de comunicación");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_PlannedOn']")).ToBeVisibleAsync();
        await CheckAsync("item form with errors");

        await GotoAsync(page, $"/{lang}{Plan}/items/{saved.ItemId}/edit");
        await CheckAsync("item edit form");

        await GotoAsync(page, $"/{lang}{Plan}/pieces/new");
        await page.Locator("#Form_Title").FillAsync("Noticia");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_ExternalUrl']")).ToBeVisibleAsync();
        await CheckAsync("piece form with errors");

        await GotoAsync(page, $"/{lang}{Plan}/pieces/{saved.PieceId}/edit");
        await CheckAsync("piece edit form");

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public async Task A_focal_point_reads_the_grid_by_keyboard_and_switches_to_the_channel_view()
    {
        var saved = await CommunicationData.SaveAsync(Browser.App, "zqkeys");
        var page = await SignedInAsync("en");

        await GotoAsync(page, $"/en{Plan}");
        var grid = page.Locator("main table.plan-grid");
        Assert.Equal(7, await grid.Locator("thead th[scope=col]").CountAsync());
        Assert.Equal(7, await grid.Locator("tbody th[scope=row]").CountAsync());
        Assert.Equal("Semester 1 of 2031: audiences by month", await grid.Locator("caption").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main a[href*='/edit']").CountAsync());

        // From the "by audience" link, Tab reaches the channel view; Enter opens it.
        await page.Locator("main nav a[aria-current=page]").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("By channel", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/en/communications/plans/2031/1\\?by=channel$"));

        // The scrollable grid takes the focus (so it scrolls with the arrow keys), then its links follow in order.
        await page.Locator("main nav a[href='/en/communications/plans']").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("region", await page.EvaluateAsync<string>("document.activeElement.getAttribute('role')"));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.tagName === 'A' && document.activeElement.closest('table.plan-grid') !== null"));

        // Each cell names its row and month, so a screen reader announces both.
        var cell = page.Locator("main td:has(a[href='https://example.org/zqkeys'])");
        Assert.Equal(["channel-" + saved.WebsiteId, "col-2031-05"], (await cell.GetAttributeAsync("headers"))!.Split(' '));
        Assert.Equal("CooperaNet", await page.Locator("#channel-" + saved.WebsiteId).InnerTextAsync());
    }
}
