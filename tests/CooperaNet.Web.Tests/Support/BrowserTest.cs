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
