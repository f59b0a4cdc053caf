using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The secretariat's IATI import page, empty and with a preview's findings, in two of the four languages (PublicPages).</summary>
public sealed class IatiImportBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [MemberData(nameof(PublicPages.SpanishAndPortuguese), MemberType = typeof(PublicPages))]
    public async Task The_import_page_and_its_report_have_no_axe_violations(string lang)
    {
        var page = await SecretariatAsync(lang);
        await GotoAsync(page, $"/{lang}/iati/import");
        var empty = await Browser.AxeAsync(page);

        await page.SetInputFilesAsync("input[type=file]", TestFiles.Iati("usaid-tg.xml"));
        await page.ClickAsync("button[formaction*='handler=Preview']");
        await page.WaitForSelectorAsync("#report-title");
        var report = await Browser.AxeAsync(page);

        Assert.Equal(94, await page.Locator("tbody th[scope=row]").CountAsync());
        Assert.True(empty.Count + report.Count == 0, string.Join(Environment.NewLine, empty.Concat(report)));
    }
}
