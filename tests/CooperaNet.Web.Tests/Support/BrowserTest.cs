using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Support;

/// <summary>
/// Base of the browser test classes: xunit makes one instance per test, so the pages a test opens
/// are closed when it ends, while the application and Chromium live as long as the class.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private readonly List<IPage> pages = [];

    protected BrowserFixture Browser => browser;

    protected async Task<IPage> NewPageAsync(int width = 1280)
    {
        var page = await browser.NewPageAsync(width);
        pages.Add(page);
        return page;
    }

    /// <summary>A page signed in, through the sign-in form, as a new focal point of <paramref name="state"/>.</summary>
    protected async Task<IPage> SignedInAsync(string lang, string state = "CO")
    {
        var email = $"focal-point-{Guid.NewGuid():N}@example.org";
        await browser.CreateUserAsync(email, Application.Identity.Roles.FocalPoint, state);
        return await SignInAsync(email, lang);
    }

    /// <summary>A page signed in, through the sign-in form, as the existing account <paramref name="email"/> (no second factor).</summary>
    protected async Task<IPage> SignInAsync(string email, string lang)
    {
        var page = await NewPageAsync();
        await GotoAsync(page, $"/{lang}/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(TestUsers.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/");
        return page;
    }

    /// <summary>A page signed in as a new secretariat account that has set up its authenticator, as it must before its pages.</summary>
    protected async Task<IPage> SecretariatAsync(string lang = "en")
    {
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        await browser.CreateUserAsync(email, Application.Identity.Roles.Secretariat);
        var page = await NewPageAsync();
        await GotoAsync(page, $"/{lang}/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(TestUsers.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/account/profile**");
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.Locator("input[name='Setup.Code']").FillAsync(Totp.Now(key));
        await page.Locator("input[name='Setup.Code']").PressAsync("Enter");
        // The profile answers the accepted code with the recovery codes and the form to renew them.
        await page.Locator("main form[action*='handler=RecoveryCodes']").WaitForAsync();
        return page;
    }

    /// <summary>Opens <paramref name="path"/> and checks the HTTP status of the document.</summary>
    protected static async Task<IResponse> GotoAsync(IPage page, string path, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Status == expectedStatus, $"{path} answered {response.Status}, expected {expectedStatus}.");
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }
}
