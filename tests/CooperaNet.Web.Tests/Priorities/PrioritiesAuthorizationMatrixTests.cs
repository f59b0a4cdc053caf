using System.Net;
using CooperaNet.Web.Tests.CatalogPages;
using static CooperaNet.Web.Tests.Priorities.PrioritiesAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Priorities;

/// <summary>
/// The priority pages and endpoint, tried by every kind of user. They read published demands only, so
/// they are public: everyone gets them, except a secretariat account without its second factor, which every
/// page sends to set it up first (the API does not, as for the other public endpoints).
/// </summary>
public sealed class PrioritiesAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly HashSet<PageMatrixHost> Seeded = [];

    public enum Outcome
    {
        Ok,
        TwoFactor,
    }

    private static readonly (string Path, Outcome[] Expected)[] Table =
    [
        // Page or endpoint                                 Anonymous  Expert  Partner WorkGroup OtherState OwnState Secretar. Secr.no2FA
        ("/en/priorities",                                 [Ok,        Ok,     Ok,     Ok,       Ok,        Ok,      Ok,       TwoFactor]),
        ("/en/priorities?dimension=sdg",                   [Ok,        Ok,     Ok,     Ok,       Ok,        Ok,      Ok,       TwoFactor]),
        ("/en/priorities/category/140",                    [Ok,        Ok,     Ok,     Ok,       Ok,        Ok,      Ok,       TwoFactor]),
        ("/en/priorities/subregion/South%20America",       [Ok,        Ok,     Ok,     Ok,       Ok,        Ok,      Ok,       TwoFactor]),
        ("/api/v1/priorities",                             [Ok,        Ok,     Ok,     Ok,       Ok,        Ok,      Ok,       Ok]),
        ("/api/v1/priorities?dimension=language&lang=pt",  [Ok,        Ok,     Ok,     Ok,       Ok,        Ok,      Ok,       Ok]),
    ];

    public static TheoryData<string, Who, Outcome> Cases
    {
        get
        {
            var data = new TheoryData<string, Who, Outcome>();
            foreach (var (path, expected) in Table)
            {
                Assert.Equal(Enum.GetValues<Who>().Length, expected.Length);
                foreach (var who in Enum.GetValues<Who>())
                {
                    data.Add(path, who, expected[(int)who]);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_priority_page_and_endpoint_answers_each_user_as_the_table_says(string path, Who who, Outcome expected)
    {
        await SeedOnceAsync();
        var session = await host.SessionAsync(who);

        using var response = await session.Browser.GetAsync(path);

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"GET {path} as {who} answered {(int)response.StatusCode} {location}";
        if (expected == Ok)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, status);
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && location == "/en/account/profile#two-factor", status);
        }
    }

    /// <summary>One unmet demand of Colombia's in water (category 140, South America), once for the host.</summary>
    private async Task SeedOnceAsync()
    {
        await Seeding.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (Seeded.Add(host))
            {
                await PriorityData.OldDemandAsync(host, "CO", "Agua potable para escuelas rurales");
            }
        }
        finally
        {
            Seeding.Release();
        }
    }
}
