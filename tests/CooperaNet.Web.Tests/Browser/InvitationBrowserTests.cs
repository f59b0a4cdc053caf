using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The page an invitation's link opens, in each language: as first shown, with errors, and once used.</summary>
public sealed class InvitationBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("es", "Nombre completo", "Crear mi cuenta")]
    [InlineData("en", "Full name", "Create my account")]
    [InlineData("pt", "Nome completo", "Criar minha conta")]
    [InlineData("fr", "Nom complet", "Créer mon compte")]
    public async Task The_invitation_page_creates_the_account_and_has_no_axe_violations(string lang, string nameLabel, string submit)
    {
        var token = await InviteAsync(lang);
        var page = await NewPageAsync();
        var link = $"/{lang}/account/accept-invitation?token={Uri.EscapeDataString(token)}";

        await GotoAsync(page, link);
        var shown = await Browser.AxeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        var withErrors = await Browser.AxeAsync(page);
        await page.GetByLabel(nameLabel).FillAsync("Persona Invitada");
        await page.Locator("#Input_Password").FillAsync(TestUsers.Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/catalog/new");
        await GotoAsync(page, link, 410);
        var used = await Browser.AxeAsync(page);

        foreach (var (name, violations) in new[] { ("invitation", shown), ("invitation with errors", withErrors), ("used invitation", used) })
        {
            Assert.True(violations.Count == 0, $"The {name} page ({lang}) breaks {violations.Count} WCAG rule(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }

    private Task<string> InviteAsync(string lang) => Browser.App.WithScopeAsync(async sp =>
    {
        var (_, token, errors) = await sp.GetRequiredService<Invitations>().InviteAsync($"invitee-{Guid.NewGuid():N}@example.org", "DO", lang, null);
        Assert.Empty(errors);
        await sp.GetRequiredService<CooperaNetDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        return token!;
    });
}
