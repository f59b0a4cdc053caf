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

    /// <summary>
    /// The language in which the <paramref name="index"/>-th of a list of pages is checked with axe-core: the four in
    /// turn, so pages checked once each (rather than once per language) still cover every language.
    /// </summary>
    protected static string LanguageFor(int index) => Domain.Languages.All[index % Domain.Languages.All.Count];

    /// <summary>
    /// Each of <paramref name="paths"/> (without the language) answers 200 in every language, as
    /// <paramref name="page"/>'s signed-in user, with the document in that language: over HTTP with the page's
    /// cookies, without rendering, so only the axe-core checks need the browser.
    /// </summary>
    protected static async Task AssertServedInEveryLanguageAsync(IPage page, IEnumerable<string> paths)
    {
        var failures = new List<string>();
        foreach (var path in paths)
        {
            foreach (var lang in Domain.Languages.All)
            {
                var response = await page.Context.APIRequest.GetAsync($"/{lang}{path}", new() { MaxRedirects = 0 });
                var html = await response.TextAsync();
                if (response.Status != 200 || !html.Contains($"<html lang=\"{lang}\"", StringComparison.Ordinal))
                {
                    failures.Add($"/{lang}{path}: {response.Status}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"Not served in its language:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
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
