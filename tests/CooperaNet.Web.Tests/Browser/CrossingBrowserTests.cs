using CooperaNet.Application.Identity;
using CooperaNet.Application.Matching;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The pages where focal points follow their state's pairs, driven by keyboard-free clicks and checked with axe-core.</summary>
public sealed class CrossingBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("en", "We are interested", "Your interest is recorded")]
    [InlineData("es", "Estamos interesados", "Su interés quedó registrado")]
    [InlineData("pt", "Temos interesse", "Seu interesse foi registrado")]
    [InlineData("fr", "Nous sommes intéressés", "Votre intérêt est enregistré")]
    public async Task A_focal_point_finds_a_pair_says_it_is_interested_and_reads_the_notice_with_no_axe_violations(string lang, string button, string done)
    {
        await EntryBuilder.AnEntry().Demand().From("AR").InSector("14030").WrittenIn("es")
            .Titled("Operación de sistemas rurales de agua potable " + lang)
            .Summarized("Buscamos formar a operadores de acueductos rurales en potabilización y mantenimiento.")
            .Published().SaveAsync(Browser.App);
        var job = Browser.App.Services.GetRequiredService<MatchingJob>();
        while (await job.RunOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }

        var page = await SignedInAsync(lang);
        await GotoAsync(page, $"/{lang}/matches");
        var list = await Browser.AxeAsync(page);
        await page.Locator(".pair-card h3 a").First.ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/matches/*");
        var pair = await Browser.AxeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync(done);
        var answered = await Browser.AxeAsync(page);
        await GotoAsync(page, $"/{lang}/notifications");
        await Assertions.Expect(page.Locator(".notifications li").First).ToBeVisibleAsync();
        var inbox = await Browser.AxeAsync(page);

        foreach (var (name, violations) in new[] { ("matches", list), ("pair", pair), ("answered pair", answered), ("notifications", inbox) })
        {
            Assert.True(violations.Count == 0, $"The {name} page breaks {violations.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }
}
