using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Partners;
using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>
/// The secretariat's pages of the crossing, the follow-up and the accounts, served in the four languages and each checked
/// once with axe-core, the languages in turn;
/// and a partner user linked to their organisation with the keyboard only.
/// </summary>
public sealed class SecretariatPagesBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string[] Paths =
    [
        "/matches",
        "/campaigns",
        "/campaigns/new",
        "/campaigns/sessions",
        "/campaigns/invitations",
        "/follow-up/CO",
        "/follow-up/overdue",
        "/participation/states/CO",
        "/work-plan/plans",
    ];

    [Fact]
    public async Task The_secretariats_pages_are_served_in_every_language_and_have_no_axe_violations()
    {
        var partner = await Browser.App.CreateUserAsync($"partner-{Guid.NewGuid():N}@example.org", Roles.Partner);
        var page = await SecretariatAsync();
        await AssertServedInEveryLanguageAsync(page, [.. Paths, "/admin/users"]);

        // axe-core on each page once, the languages in turn (the public pages are checked in all four elsewhere).
        var failures = new List<string>();
        for (var i = 0; i < Paths.Length; i++)
        {
            var path = $"/{LanguageFor(i)}{Paths[i]}";
            await GotoAsync(page, path);
            Assert.Equal(path, new Uri(page.Url).AbsolutePath);
            var violations = await Browser.AxeAsync(page);
            failures.AddRange(violations.Select(v => $"{path}: {v}"));
        }

        // The accounts with a partner user's form, then that form refused (an organisation that does not exist).
        var lang = LanguageFor(Paths.Length);
        var select = page.Locator($"#partner-{partner.Id:N}");
        await GotoAsync(page, $"/{lang}/admin/users");
        await Assertions.Expect(select).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"/{lang}/admin/users: {v}"));
        await select.EvaluateAsync("(s, id) => { s.add(new Option(id, id)); s.value = id; }", Guid.NewGuid().ToString());
        await page.Locator($"form:has(#partner-{partner.Id:N}) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator($".error-summary a[href='#partner-{partner.Id:N}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"/{lang}/admin/users with an error: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public async Task The_secretariat_links_a_partner_user_to_their_organisation_with_the_keyboard_only()
    {
        var name = "Organización del teclado " + PageMatrixHost.Word();
        var organisation = await PartnerData.SaveAsync(Browser.App, name);
        var partner = await Browser.App.CreateUserAsync($"partner-{Guid.NewGuid():N}@example.org", Roles.Partner);
        var page = await SecretariatAsync("es");
        await GotoAsync(page, "/es/admin/users");
        var select = page.Locator($"#partner-{partner.Id:N}");

        // Tab from the top of the page to the partner user's select: it is in the tab order.
        for (var stops = 0; stops < 300 && await page.EvaluateAsync<string>("document.activeElement.id") != $"partner-{partner.Id:N}"; stops++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(select).ToBeFocusedAsync();
        for (var options = 0; options < 100 && await select.InputValueAsync() != organisation.Id.ToString(); options++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Assertions.Expect(select).ToHaveValueAsync(organisation.Id.ToString());
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator($"form:has(#partner-{partner.Id:N}) button[type=submit]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main p.notice[role=status]")).ToHaveTextAsync("La cuenta pertenece ahora a la organización socia elegida.");
        await Assertions.Expect(page.Locator($"main a[href='/es/partners/{organisation.Id}']")).ToHaveTextAsync(name);
        await Assertions.Expect(select).ToHaveValueAsync(organisation.Id.ToString());
    }
}
