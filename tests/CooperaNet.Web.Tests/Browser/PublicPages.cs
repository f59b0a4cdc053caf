using CooperaNet.Domain;

namespace CooperaNet.Web.Tests.Browser;

/// <summary>The pages anyone can open, in every language; the browser tests check each of them.</summary>
public static partial class PublicPages
{
    public const string NotFound = "/no-such-page";

    /// <summary>A published entry of the browser fixture's database.</summary>
    public static readonly string Entry = $"/catalog/{Support.BrowserFixture.PublishedEntryId}";

    /// <summary>SEGIB's page, seeded at start-up.</summary>
    public static readonly string Partner = $"/partners/{Application.Partners.PartnerSeeder.Segib}";

    /// <summary>One state page stands for all 35: they share one template, and the home page links to each.</summary>
    public const string State = "/states/CO";

    private static readonly string[] Paths = ["/", "/work-plan", "/api-reference", "/account/sign-in", "/account/forgot-password", "/catalog", "/participation", "/reports", "/priorities", "/experiences", "/experts/apply", "/experts/calls", "/open-data", "/events", "/guidelines", "/newsletter", "/communications", "/partners", "/partners/pilot", Entry, State];

    /// <summary>Every page with the status it must answer: 200, or 404 for the deliberate missing page.</summary>
    public static TheoryData<string, int> All
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var lang in Languages.All)
            {
                foreach (var path in Paths)
                {
                    data.Add($"/{lang}{path}", 200);
                }

                data.Add($"/{lang}{NotFound}", 404);
            }

            return data;
        }
    }

    public static TheoryData<string> LanguageCodes => new(Languages.All);

    /// <summary>
    /// Two of the four languages, for the features' own axe-core checks in the browser: the public pages are
    /// checked in all four (AccessibilityTests, PageDeliveryTests), and a feature's theories take
    /// <see cref="SpanishAndPortuguese"/> and <see cref="EnglishAndFrench"/> in turn, so every language is still
    /// rendered and checked across the features at half the browser time.
    /// </summary>
    public static TheoryData<string> SpanishAndPortuguese => new("es", "pt");

    /// <inheritdoc cref="SpanishAndPortuguese"/>
    public static TheoryData<string> EnglishAndFrench => new("en", "fr");

    /// <summary>The catalog's own pages, in every language, for the checks too slow to run on every page (320 px).</summary>
    public static TheoryData<string> Catalog => new(Languages.All.SelectMany(lang => new[] { $"/{lang}/catalog", $"/{lang}{Entry}", $"/{lang}{State}" }));

    public static bool Contains(string path) =>
        All.Any(row => row.Data.Item1 == path) || StatePage().IsMatch(path);

    [System.Text.RegularExpressions.GeneratedRegex("^/(es|en|pt|fr)/states/[A-Z]{2}$")]
    private static partial System.Text.RegularExpressions.Regex StatePage();
}
