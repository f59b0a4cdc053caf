using CooperaNet.Application.Identity;
using CooperaNet.Application.Partners;
using CooperaNet.Web.Tests.Partners;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>
/// The partner registry's signed-in pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the
/// secretariat's organisation page, forms (also with errors), pilot and joint activity; a partner user's own
/// pages; and a partner recording an activity with the keyboard only.
/// </summary>
public sealed class PartnersBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_secretariats_partner_pages_and_forms_have_no_axe_violations(string lang)
    {
        var item = await PartnerData.SaveAsync(Browser.App, "Organización de Estados Iberoamericanos " + lang);
        var page = await SecretariatAsync(lang);
        var failures = new List<string>();

        async Task CheckAsync(string name, string path, string visible)
        {
            await GotoAsync(page, path);
            await Assertions.Expect(page.Locator(visible).First).ToBeVisibleAsync();
            failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"{name}: {v}"));
        }

        await CheckAsync("organisation", $"/{lang}/partners/{item.Id}", "main form[action*='handler=RemoveContact']");
        await CheckAsync("edit", $"/{lang}/partners/{item.Id}/edit", "#Form_Name");
        await page.Locator("#Form_Name").FillAsync(string.Empty);
        await page.Locator("#Form_Website").FillAsync("no es una dirección");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_Website']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"edit with errors: {v}"));
        await CheckAsync("new", $"/{lang}/partners/new", "#Form_Scope");
        await CheckAsync("new contact", $"/{lang}/partners/{item.Id}/contacts/new", "#Form_Email");
        await CheckAsync("new entry", $"/{lang}/partners/{item.Id}/log/new", "#Form_OccurredOn");
        await CheckAsync("new agreement", $"/{lang}/partners/{item.Id}/agreements/new", "#Form_Status");
        await CheckAsync("agreement", $"/{lang}/partners/{item.Id}/agreements/{item.AgreementId}", "main form[action*='handler=RestoreDocument']");
        await page.Locator("#Upload_File").SetInputFilesAsync(new FilePayload { Name = "acuerdo.pdf", MimeType = "application/pdf", Buffer = "MZ not a PDF"u8.ToArray() });
        await page.Locator("main form[action*='handler=Upload'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Upload_File']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"agreement with errors: {v}"));
        await page.Locator("#Upload_File").SetInputFilesAsync(new FilePayload { Name = "acuerdo-firmado.pdf", MimeType = "application/pdf", Buffer = PartnerData.Pdf });
        await page.Locator("main form[action*='handler=Upload'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main a[download]", new() { HasText = "acuerdo-firmado.pdf" })).ToBeVisibleAsync();
        await CheckAsync("pilot", $"/{lang}/partners/pilot", "main form[action*='handler=Move']");
        await CheckAsync("activity", $"/{lang}/partners/{item.Id}/activity", "main h1");

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [InlineData("es")]
    [InlineData("pt")]
    public async Task A_partner_users_own_pages_have_no_axe_violations(string lang)
    {
        var page = await PartnerAsync(PartnerSeeder.Segib, lang);
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/partners/{PartnerSeeder.Segib}");
        await Assertions.Expect(page.Locator($"main a[href='/{lang}/partners/{PartnerSeeder.Segib}/contacts/new']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"organisation: {v}"));

        await GotoAsync(page, $"/{lang}/partners/{PartnerSeeder.Segib}/edit");
        await Assertions.Expect(page.Locator("#Form_DescriptionEs")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#Form_Name").CountAsync());
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"edit: {v}"));

        await GotoAsync(page, $"/{lang}/partners/{PartnerSeeder.Segib}/activity");
        await Assertions.Expect(page.Locator($"main a[href='/{lang}/events/propose']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"activity: {v}"));

        await GotoAsync(page, $"/{lang}/partners/{PartnerSeeder.Mercosur}/activity", 404);

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public async Task A_partner_records_an_activity_with_the_keyboard_only()
    {
        var item = await PartnerData.SaveAsync(Browser.App, "Organización del teclado");
        var page = await PartnerAsync(item.Id, "es");
        await GotoAsync(page, $"/es/partners/{item.Id}/log/new");

        await page.Locator("#Form_Kind").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#Form_OccurredOn")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("03102026");
        await Assertions.Expect(page.Locator("#Form_OccurredOn")).Not.ToHaveValueAsync(string.Empty);

        // The date field's day, month and year are stops of their own: Tab through them to the summary.
        for (var stops = 0; stops < 3 && await page.EvaluateAsync<string>("document.activeElement.id") != "Form_Summary"; stops++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.Locator("#Form_Summary")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Seminario conjunto sobre cooperación Sur-Sur.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("main form button[type=submit]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/es/partners/{item.Id}/activity");
        await Assertions.Expect(page.Locator("main").GetByText("Seminario conjunto sobre cooperación Sur-Sur.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main").GetByText("Evento conjunto")).ToBeVisibleAsync();
    }

    /// <summary>A page signed in as a new partner user of <paramref name="organisation"/>.</summary>
    private async Task<IPage> PartnerAsync(Guid organisation, string lang)
    {
        var email = $"partner-{Guid.NewGuid():N}@example.org";
        var user = await Browser.App.CreateUserAsync(email, Roles.Partner);
        await PartnerData.BindAsync(Browser.App, user.Id, organisation);
        return await SignInAsync(email, lang);
    }
}
