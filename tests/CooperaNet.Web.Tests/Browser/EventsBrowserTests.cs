using CooperaNet.Domain.Events;
using CooperaNet.Web.Tests.Events;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>
/// The events pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the list, the month table,
/// an event with its registration and management forms, and the secretariat's form, also with errors.
/// </summary>
public sealed class EventsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_list_the_month_an_event_and_the_form_have_no_axe_violations(string lang)
    {
        var workshop = await EventData.SaveAsync(Browser.App, EventStatus.Published, "Taller de juntas de agua");
        await EventData.SaveAsync(Browser.App, EventStatus.Cancelled, "Panel suspendido");
        var page = await SecretariatAsync(lang);
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/events");
        await Assertions.Expect(page.Locator($"main a[href='/{lang}/events/{workshop.Id}']").First).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"list: {v}"));

        await GotoAsync(page, $"/{lang}/events/month/2027-05");
        await Assertions.Expect(page.Locator("main table caption")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"main table a[href='/{lang}/events/{workshop.Id}']").First).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"month: {v}"));

        await page.Locator("main a[rel=next]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{lang}/events/month/2027-06$"));

        await GotoAsync(page, $"/{lang}/events/{workshop.Id}");
        await Assertions.Expect(page.Locator("main form[action*='handler=Register']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"event: {v}"));

        await page.Locator("main form[action*='handler=Register'] button").ClickAsync();
        await Assertions.Expect(page.Locator("main form[action*='handler=Unregister']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"event after registering: {v}"));

        await GotoAsync(page, $"/{lang}/events/new");
        await Assertions.Expect(page.Locator("#Form_Title")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"new form: {v}"));

        await page.Locator("#Form_TimeZone").FillAsync("Eastern Standard Time");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_TimeZone']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"form with errors: {v}"));

        await GotoAsync(page, $"/{lang}/events/{workshop.Id}/edit");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"edit form: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [InlineData("es")]
    [InlineData("pt")]
    public async Task A_focal_point_proposes_an_event_and_joins_a_waiting_list_with_no_axe_violations(string lang)
    {
        var full = await EventData.SaveAsync(Browser.App, EventStatus.Published, "Taller con una sola plaza", capacity: 1, registered: Guid.NewGuid());
        var page = await SignedInAsync(lang);
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/events/propose");
        await Assertions.Expect(page.Locator("#Form_Title")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"propose form: {v}"));

        await page.Locator("#Form_Title").FillAsync("Foro de cooperación " + lang);
        await page.Locator("#Form_Venue").FillAsync("Cancillería");
        await page.Locator("#Form_City").FillAsync("Bogotá");
        await page.Locator("#Form_Country").FillAsync("CO");
        await page.Locator("#Form_TimeZone").FillAsync("America/Bogota");
        await page.Locator("#Form_Start").FillAsync("2027-08-10T09:00");
        await page.Locator("#Form_End").FillAsync("2027-08-10T13:00");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main .notice.success")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main .tag-status")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"own proposal: {v}"));

        await GotoAsync(page, $"/{lang}/events");
        await Assertions.Expect(page.Locator("#proposals-title")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"list with proposals: {v}"));

        await GotoAsync(page, $"/{lang}/events/{full.Id}");
        await page.Locator("main form[action*='handler=Register'] button").ClickAsync();
        await Assertions.Expect(page.Locator("main form[action*='handler=Unregister']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"on the waiting list: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
