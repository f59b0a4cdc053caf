using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The secretariat's pages of the crossing and the follow-up, in the four languages, checked with axe-core.</summary>
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

    [Theory]
    [MemberData(nameof(PublicPages.LanguageCodes), MemberType = typeof(PublicPages))]
    public async Task The_secretariats_pages_have_no_axe_violations(string lang)
    {
        var page = await SecretariatAsync(lang);
        var failures = new List<string>();
        foreach (var path in Paths)
        {
            await GotoAsync(page, $"/{lang}{path}");
            Assert.Equal($"/{lang}{path}", new Uri(page.Url).AbsolutePath);
            var violations = await Browser.AxeAsync(page);
            failures.AddRange(violations.Select(v => $"{path}: {v}"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
