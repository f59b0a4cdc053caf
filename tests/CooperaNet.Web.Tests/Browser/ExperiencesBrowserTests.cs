using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Tests.Experiences;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>
/// The experience pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the list with its
/// filters, an experience with a translation, an image and its owner's forms, and the edit form, also
/// as it comes back with errors.
/// </summary>
public sealed class ExperiencesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("es")]
    [InlineData("pt")]
    public async Task The_list_an_experience_and_the_edit_form_have_no_axe_violations(string lang)
    {
        var experience = await ExperienceData.SaveAsync(Browser.App, ExperienceData.Input("Juntas de agua de Cauca") with { Body = "## Contexto\n\nLas juntas de **Cauca** recibieron formación.\n\n- [Informe](https://example.org/informe)" },
            ExperienceStatus.Published, translations: [new("en", "Water boards of Cauca", "How the community water boards of Cauca learned to run their systems.", "## Context\n\nSix months of training.")]);
        var draft = await ExperienceData.SaveAsync(Browser.App, ExperienceData.Input("Borrador de Colombia"), ExperienceStatus.Draft);
        var page = await SignedInAsync(lang, "CO");
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/experiences");
        await Assertions.Expect(page.Locator($"main a[href^='/{lang}/experiences/{experience.Id}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"list: {v}"));

        await GotoAsync(page, $"/{lang}/experiences?kind=success-story&sdg=6&sector=140&q=agua");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"filtered list: {v}"));

        await GotoAsync(page, $"/{lang}/experiences?kind=rumour", expectedStatus: 400);
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"list with an error: {v}"));

        await GotoAsync(page, $"/{lang}/experiences/{experience.Id}");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"experience: {v}"));

        await GotoAsync(page, $"/{lang}/experiences/{draft.Id}");
        await Assertions.Expect(page.Locator("form[action*='handler=Image']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"own draft with its forms: {v}"));

        await page.Locator("form[action*='handler=Image'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"image refused: {v}"));

        await GotoAsync(page, $"/{lang}/experiences/{draft.Id}/edit");
        await Assertions.Expect(page.Locator("#Form_Title")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"edit form: {v}"));

        await page.Locator("#Form_Title").FillAsync("");
        await page.Locator("#Form_VideoUrl").FillAsync("javascript:alert(1)");
        await page.Locator("main form.entry-form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_VideoUrl']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"edit form with errors: {v}"));

        await GotoAsync(page, $"/{lang}/experiences/new");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"new form: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
