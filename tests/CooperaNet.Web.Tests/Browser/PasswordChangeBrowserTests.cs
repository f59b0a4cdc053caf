using CooperaNet.Web.Tests.Support;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The profile's password section in Chromium: axe-core in two of the four languages (PublicPages), with and without errors, sent with the Enter key.</summary>
public sealed class PasswordChangeBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("es")]
    [InlineData("pt")]
    public async Task The_password_form_and_its_errors_have_no_axe_violations(string lang)
    {
        var page = await SignedInAsync(lang);
        var failures = new List<string>();
        await GotoAsync(page, $"/{lang}/account/profile#password");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"form: {v}"));

        await page.Locator("#Password_CurrentPassword").FillAsync(TestUsers.Password);
        await page.Locator("#Password_NewPassword").FillAsync("qwertyuiop2026");
        await page.Locator("#Password_ConfirmPassword").FillAsync("qwertyuiop2026");
        await page.Locator("#Password_ConfirmPassword").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".error-summary a[href='#Password_NewPassword']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"errors: {v}"));
        await Assertions.Expect(page.Locator("#Password_NewPassword")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty(failures);
    }
}
