using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Browser;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Participation;

/// <summary>The participation pages in Chromium, checked with axe-core.</summary>
public sealed class ParticipationBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [MemberData(nameof(PublicPages.SpanishAndPortuguese), MemberType = typeof(PublicPages))]
    public async Task Participation_page_has_no_axe_violations_and_its_map_links_are_named(string lang)
    {
        var page = await NewPageAsync();
        await GotoAsync(page, $"/{lang}/participation");

        var violations = await Browser.AxeAsync(page);

        Assert.True(violations.Count == 0, $"/{lang}/participation breaks {violations.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        await Assertions.Expect(page.Locator("svg a.map-state")).ToHaveCountAsync(35);
        await Assertions.Expect(page.Locator($"svg a[href='/{lang}/states/KN']")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(".+"));
    }

    [Fact]
    public async Task Keyboard_reaches_a_small_island_state_on_the_map_and_opens_its_page()
    {
        var page = await NewPageAsync();
        await GotoAsync(page, "/en/participation");

        var grenada = page.Locator("svg a[href='/en/states/GD']");
        await grenada.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/en/states/GD");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Grenada");
    }

    [Fact]
    public async Task Secretariat_view_of_a_state_has_no_axe_violations()
    {
        var page = await SecretariatAsync();
        await GotoAsync(page, "/en/participation/states/CO");
        var detail = await Browser.AxeAsync(page);
        await GotoAsync(page, "/en/participation/quiet");
        var quiet = await Browser.AxeAsync(page);

        Assert.True(detail.Count == 0, $"The state view breaks {detail.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, detail)}");
        Assert.True(quiet.Count == 0, $"The quiet states page breaks {quiet.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, quiet)}");
    }
}
