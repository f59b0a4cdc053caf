using CooperaNet.Application.Interop.Sidicss;

using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The secretariat's SIDICSS page, empty and with a preview's refused rows, in two of the four languages (PublicPages).</summary>
public sealed class SidicssBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [MemberData(nameof(PublicPages.EnglishAndFrench), MemberType = typeof(PublicPages))]
    public async Task The_exchange_page_and_its_report_have_no_axe_violations(string lang)
    {
        var page = await SecretariatAsync(lang);
        await GotoAsync(page, $"/{lang}/sidicss");
        var empty = await Browser.AxeAsync(page);

        var csv = string.Join("\r\n",
            string.Join(',', SidicssExchange.Columns),
            ",Sin tipo,es,Plan,Bilateral,MX,,GT,Educación,Social,11220,,Planificada,,,,,,,,",
            ",Estado desconocido,es,Proyecto,Bilateral,MX,,ES,Salud,Social,11220,,Planificada,,,,,,,,") + "\r\n";
        await page.SetInputFilesAsync("input[type=file]", new Microsoft.Playwright.FilePayload
        {
            Name = "iniciativas.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await page.ClickAsync("button[formaction*='handler=Preview']");
        await page.WaitForSelectorAsync("#report-title");
        var report = await Browser.AxeAsync(page);

        Assert.True(await page.Locator("tbody th[scope=row]").CountAsync() >= 2);
        Assert.True(empty.Count + report.Count == 0, string.Join(Environment.NewLine, empty.Concat(report)));
    }
}
