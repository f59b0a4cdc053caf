using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

public sealed class CatalogKeyboardTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Search_box_comes_first_in_the_content_and_enter_searches()
    {
        var page = await NewPageAsync();
        await GotoAsync(page, "/en/catalog");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search offers and demands" })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("agua potable");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/en/catalog?q=agua+potable*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 result", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Community management of rural drinking water" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Filters_are_labelled_controls_that_the_keyboard_submits()
    {
        var page = await NewPageAsync();
        await GotoAsync(page, "/en/catalog");

        await page.GetByLabel("Offers or demands").SelectOptionAsync("demand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).PressAsync("Enter");

        await page.WaitForURLAsync("**kind=demand*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No results" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Offers or demands")).ToHaveValueAsync("demand");
    }
}
