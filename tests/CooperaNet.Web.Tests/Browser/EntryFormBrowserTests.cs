using CooperaNet.Application.Identity;
using CooperaNet.Domain;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The pages behind sign-in that focal points use to write entries.</summary>
public sealed class EntryFormBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [MemberData(nameof(PublicPages.SpanishAndPortuguese), MemberType = typeof(PublicPages))]
    public async Task Entry_form_and_its_errors_have_no_axe_violations(string lang)
    {
        var page = await SignedInAsync(lang);
        await GotoAsync(page, $"/{lang}/catalog/new?kind=offer");
        var blank = await Browser.AxeAsync(page);

        await page.Locator("form.entry-form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        var invalid = await Browser.AxeAsync(page);

        Assert.True(blank.Count == 0, $"The blank form breaks {blank.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, blank)}");
        Assert.True(invalid.Count == 0, $"The form with errors breaks {invalid.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, invalid)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.EnglishAndFrench), MemberType = typeof(PublicPages))]
    public async Task Suggested_sectors_appear_by_the_classification_and_have_no_axe_violations(string lang)
    {
        var page = await SignedInAsync(lang);
        await GotoAsync(page, $"/{lang}/catalog/new?kind=offer");
        await page.Locator("#Form_Title").FillAsync("Capacitación de operadores de acueductos rurales en agua potable");
        await page.Locator("#Form_Language").SelectOptionAsync("es");

        await page.Locator("form.entry-form button[type=submit]").Nth(1).ClickAsync();

        await Assertions.Expect(page.Locator("#suggestions code").First).ToBeVisibleAsync();
        Assert.Contains("14030", await page.Locator("#suggestions").InnerTextAsync());
        Assert.Equal("Capacitación de operadores de acueductos rurales en agua potable", await page.Locator("#Form_Title").InputValueAsync());
        var violations = await Browser.AxeAsync(page);
        Assert.True(violations.Count == 0, $"The form with suggestions breaks {violations.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [Theory]
    [InlineData("es", "Abastecimiento de agua potable y saneamiento en comunidades rurales", "14030")]
    [InlineData("pt", "Formação profissional de jovens em ofícios técnicos", "11330")]
    [InlineData("fr", "Vaccination des enfants contre les maladies infectieuses", "12250")]
    [InlineData("en", "Primary education teacher training", "11130")]
    public async Task Sectors_are_proposed_while_the_title_is_written_and_added_with_one_press(string lang, string title, string sector)
    {
        var page = await SignedInAsync(Languages.English);
        await GotoAsync(page, "/en/catalog/new?kind=offer");
        await page.Locator("#Form_Language").SelectOptionAsync(lang);

        await page.Locator("#Form_Title").PressSequentiallyAsync(title);

        var add = page.Locator($"#live-suggestions button[aria-label^=\"Add {sector} \"]");
        await Assertions.Expect(add).ToBeVisibleAsync();
        await add.ClickAsync();
        Assert.Contains(sector, await page.Locator("#Form_Sectors").InputValueAsync());
        await Assertions.Expect(add).ToBeDisabledAsync();
        var violations = await Browser.AxeAsync(page);
        Assert.True(violations.Count == 0, $"The form with live suggestions breaks {violations.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [Fact]
    public async Task Code_fields_keep_suggesting_after_each_comma()
    {
        var page = await SignedInAsync(Languages.English);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await GotoAsync(page, "/en/catalog/new?kind=offer");

        await page.GetByLabel("OECD-DAC sectors").PressSequentiallyAsync("14030, 112");

        var first = await page.Locator("#sector-codes option").First.GetAttributeAsync("value");
        Assert.StartsWith("14030, ", first);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Entry_page_of_a_draft_has_no_axe_violations_with_its_buttons()
    {
        var page = await SignedInAsync(Languages.French);
        await GotoAsync(page, "/fr/catalog/new?kind=demand");
        await page.GetByLabel("Titre", new() { Exact = true }).First.FillAsync("Surveillance des maladies vectorielles");
        await page.GetByLabel("Résumé", new() { Exact = true }).First.FillAsync("Renforcer la surveillance épidémiologique des maladies vectorielles.");
        await page.GetByLabel("Secteurs CAD-OCDE").FillAsync("12250");
        await page.GetByLabel("Modalité").SelectOptionAsync("expert-mission");
        await page.GetByLabel("Institution responsable").FillAsync("Ministère de la Santé");
        await page.Locator("form.entry-form button[type=submit]").First.ClickAsync();

        await page.WaitForURLAsync("**/fr/catalog/*");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Soumettre au secrétariat" })).ToBeVisibleAsync();
        var violations = await Browser.AxeAsync(page);

        Assert.True(violations.Count == 0, $"The draft's page breaks {violations.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
