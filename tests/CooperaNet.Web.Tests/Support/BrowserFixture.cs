using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CooperaNet.Web.Tests.Support;

/// <summary>
/// The application on a real port (Kestrel, fresh database) and one headless Chromium for a test class.
/// Chromium is Debian's (/usr/bin/chromium); Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    // Plain data out of the page, so a failing assertion can say which rule, which element and why.
    private const string RunAxe = """
        async () => {
            // Only violations are read: axe then skips collecting every node that passes.
            const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'], resultTypes: ['violations'] });
            return JSON.stringify(result.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map(n => ({ target: n.target.flat().join(' '), summary: n.failureSummary })),
            })));
        }
        """;

    /// <summary>The published entry every fixture's database holds, so entry pages have a known address.</summary>
    public static readonly Guid PublishedEntryId = new("01930f6e-5c3a-7c1e-9a53-6f0e2d4b8a11");

    private readonly CooperaNetFactory app = new();
    private string axeScript = string.Empty;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Where the application listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress { get; private set; } = string.Empty;

    private IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        axeScript = AxeCore.Load();
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = addresses.First().TrimEnd('/');
        await SeedCatalogAsync();

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// One published offer of Colombia with translations, sectors and SDGs: the catalog, its entry page
    /// and the state page then show the markup readers will see.
    /// </summary>
    private Task SeedCatalogAsync() => EntryBuilder.AnEntry()
        .WithId(PublishedEntryId).Offer().From("CO").InSector("14030", "41010").ForSdg("6", "6.1")
        .Titled("Gestión comunitaria del agua potable rural")
        .Summarized("Acompañamiento a operadores comunitarios de acueductos rurales durante seis meses.")
        .Described("Visitas técnicas y guías de operación.\nFormación de operadores locales.")
        .TranslatedTo("en", "Community management of rural drinking water", "Six months of support to community operators of rural water systems.")
        .TranslatedTo("pt", "Gestão comunitária da água potável rural", "Acompanhamento de operadores comunitários de aquedutos rurais durante seis meses.")
        .Published()
        .SaveAsync(app);

    /// <summary>
    /// A page in its own browser context (no shared cookies or cache), <paramref name="width"/> CSS px wide;
    /// closing the page closes its context. Relative URLs resolve against <see cref="BaseAddress"/>.
    /// The page enforces the site's Content-Security-Policy, which admits axe-core by its hash
    /// (CooperaNet:Security:AuditScriptHashes), so <see cref="AxeAsync"/> checks the page as served.
    /// </summary>
    public Task<IPage> NewPageAsync(int width = 1280, int height = 900) =>
        Browser.NewPageAsync(new()
        {
            BaseURL = BaseAddress,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-US",
        });

    /// <summary>The application under test, to seed data and run its background work on demand.</summary>
    public CooperaNetFactory App => app;

    /// <summary>A user of the application under test, who then signs in through the page as a person would.</summary>
    public Task CreateUserAsync(string email, string role, string? state = null) => app.CreateUserAsync(email, role, state);

    /// <summary>Runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it is now.</summary>
    public async Task<IReadOnlyList<AxeViolation>> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = axeScript });
        var json = await page.EvaluateAsync<string>(RunAxe);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("axe-core returned nothing.");
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await app.DisposeAsync();
    }
}
