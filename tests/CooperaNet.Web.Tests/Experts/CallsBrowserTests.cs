using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Tests.Browser;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CooperaNet.Web.Tests.Experts.ExpertData;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>
/// The calls' pages in Chromium, checked with axe-core in two languages each (the four across the features, PublicPages): the public list and a
/// call, the expert's application form (empty, refused, sent), and the secretariat's list, forms,
/// call management and vetting page; and the application form used with the keyboard alone.
/// </summary>
public sealed class CallsBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [MemberData(nameof(PublicPages.SpanishAndPortuguese), MemberType = typeof(PublicPages))]
    public async Task The_public_calls_and_the_experts_application_form_have_no_axe_violations(string lang)
    {
        var callId = await CallAsync($"Agua rural {lang}", publish: true);
        var page = await NewPageAsync();
        var failures = new List<string>();

        await GotoAsync(page, $"/{lang}/experts/calls");
        await Assertions.Expect(page.Locator($"main a[href='/{lang}/experts/calls/{callId}']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"list: {v}"));

        await GotoAsync(page, $"/{lang}/experts/calls/{callId}");
        failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"call, anonymous: {v}"));

        var expert = await ExpertPageAsync(lang);
        await GotoAsync(expert, $"/{lang}/experts/calls/{callId}");
        await Assertions.Expect(expert.Locator("#Motivation")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(expert)).Select(v => $"apply form: {v}"));

        await expert.Locator("form[action*='handler=Apply'] button[type=submit]").ClickAsync();
        await Assertions.Expect(expert.Locator(".error-summary a[href='#Motivation']")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(expert)).Select(v => $"apply refused: {v}"));

        await expert.Locator("#Motivation").FillAsync("Doce años con juntas de agua rurales.");
        await expert.Locator("form[action*='handler=Apply'] button[type=submit]").ClickAsync();
        await Assertions.Expect(expert.Locator(".notice.success")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(expert)).Select(v => $"applied: {v}"));

        await GotoAsync(expert, $"/{lang}/experts/calls");
        await Assertions.Expect(expert.Locator("#mine-title")).ToBeVisibleAsync();
        failures.AddRange((await Browser.AxeAsync(expert)).Select(v => $"list, expert: {v}"));

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.EnglishAndFrench), MemberType = typeof(PublicPages))]
    public async Task The_secretariats_calls_pages_have_no_axe_violations(string lang)
    {
        var draft = await CallAsync($"Borrador {lang}", publish: false);
        var published = await CallAsync($"Publicada {lang}", publish: true);
        var (profile, _) = await Browser.App.ExpertAsync(AProfile($"Postulante {lang}"));
        await Browser.App.WithScopeAsync(sp => sp.GetRequiredService<ExpertCalls>().ApplyAsync(published, profile.Id, "Conozco la región andina.", TestContext.Current.CancellationToken));
        var page = await SecretariatAsync(lang);
        var failures = new List<string>();

        async Task CheckAsync(string name) => failures.AddRange((await Browser.AxeAsync(page)).Select(v => $"{name}: {v}"));

        await GotoAsync(page, $"/{lang}/experts/calls");
        await Assertions.Expect(page.Locator("#status-draft")).ToBeVisibleAsync();
        await CheckAsync("list");

        await GotoAsync(page, $"/{lang}/experts/calls/{draft}");
        await Assertions.Expect(page.Locator("form[action*='handler=Publish']")).ToBeVisibleAsync();
        await CheckAsync("draft");

        await GotoAsync(page, $"/{lang}/experts/calls/{published}");
        await page.Locator("form[action*='handler=Close'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#confirm']")).ToBeVisibleAsync();
        await CheckAsync("close unconfirmed");

        await GotoAsync(page, $"/{lang}/experts/calls/new");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#Form_Title']")).ToBeVisibleAsync();
        await CheckAsync("new call refused");

        await GotoAsync(page, $"/{lang}/experts/calls/{draft}/edit");
        await Assertions.Expect(page.Locator("#Form_Title")).ToHaveValueAsync($"Borrador {lang}");
        await CheckAsync("edit");

        await GotoAsync(page, $"/{lang}/experts/calls/{published}/applications");
        await page.Locator("form[action*='handler=Move']:has(input[value=reject]) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#reason-0']")).ToBeVisibleAsync();
        await CheckAsync("vetting refused");

        await page.Locator("#note-0").FillAsync("Trabajamos juntos.");
        await page.Locator("form[action*='handler=Conflict'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToBeVisibleAsync();
        await CheckAsync("vetting");

        Assert.True(failures.Count == 0, $"{failures.Count} WCAG violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Fact]
    public async Task An_expert_applies_with_the_keyboard_alone()
    {
        var callId = await CallAsync("Gestión comunitaria del agua", publish: true);
        var page = await ExpertPageAsync("en");
        await GotoAsync(page, $"/en/experts/calls/{callId}");

        var motivation = page.GetByRole(AriaRole.Textbox, new() { Name = "Your motivation" });
        for (var i = 0; i < 60 && !await motivation.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(motivation).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send my application" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var summaryLink = page.Locator(".error-summary a[href='#Motivation']");
        await Assertions.Expect(summaryLink).ToHaveTextAsync("This is required.");
        await summaryLink.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(motivation).ToBeFocusedAsync();
        await Assertions.Expect(motivation).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Keyboard.TypeAsync("I have built rural water systems with communities for twelve years.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your application was received." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Status of your application: Received.")).ToBeVisibleAsync();
    }

    private Task<Guid> CallAsync(string title, bool publish) => Browser.App.WithScopeAsync(async sp =>
    {
        var calls = sp.GetRequiredService<ExpertCalls>();
        var ct = TestContext.Current.CancellationToken;
        var details = new CallDetails(
            title, "Apoyo técnico a las juntas de agua.\n\nDiagnóstico, diseño y capacitación.", "es", ["14030", "11220"], ["es", "qu"], ["PE", "BO"],
            "Sector CAD: Abastecimiento básico de agua potable", sp.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(15));
        var (call, error) = await calls.CreateAsync(details, "browser", ct);
        Assert.Null(error);
        if (publish)
        {
            Assert.Null(await calls.PublishAsync(call!.Id, ct));
        }

        return call!.Id;
    });

    /// <summary>A page signed in, through the sign-in form, as a new expert with a profile.</summary>
    private async Task<IPage> ExpertPageAsync(string lang)
    {
        var (_, email) = await Browser.App.ExpertAsync(AProfile("Experta " + Guid.NewGuid().ToString("N")[..6]), lang);
        var page = await NewPageAsync();
        await GotoAsync(page, $"/{lang}/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(TestUsers.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/");
        return page;
    }
}
