using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using static CooperaNet.Web.Tests.Participation.ParticipationAuthorizationTests.Outcome;

namespace CooperaNet.Web.Tests.Participation;

/// <summary>
/// Who may open the participation pages: the public page is open to all; the per-state view and the
/// quiet states only to the secretariat signed in with its second factor. One row per page, one
/// column per kind of user, as in the catalog's matrix (Colombia's focal point is "own state").
/// </summary>
public sealed class ParticipationAuthorizationTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    public enum Outcome
    {
        Ok,
        SignIn,
        Denied,
        TwoFactor,
    }

    private static readonly Who[] Columns =
        [Who.Anonymous, Who.Expert, Who.Partner, Who.WorkingGroupMember, Who.AnotherStatesFocalPoint, Who.OwnFocalPoint, Who.Secretariat, Who.SecretariatWithoutSecondFactor];

    private static readonly (string Path, Outcome[] Expected)[] Table =
    [
        // Page                                  Anonymous  Expert  Partner WorkGroup OtherState OwnState Secretar. Secr.no2FA
        ("/en/participation",                   [Ok,        Ok,     Ok,     Ok,       Ok,        Ok,      Ok,       TwoFactor]),
        ("/en/participation/states/CO",         [SignIn,    Denied, Denied, Denied,   Denied,    Denied,  Ok,       TwoFactor]),
        ("/en/participation/quiet",             [SignIn,    Denied, Denied, Denied,   Denied,    Denied,  Ok,       TwoFactor]),
    ];

    public static TheoryData<string, Who, Outcome> Cases
    {
        get
        {
            var data = new TheoryData<string, Who, Outcome>();
            foreach (var (path, expected) in Table)
            {
                for (var i = 0; i < Columns.Length; i++)
                {
                    data.Add(path, Columns[i], expected[i]);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Participation_page_answers_each_kind_of_user_as_the_table_says(string path, Who who, Outcome expected)
    {
        var session = await host.SessionAsync(who);

        using var response = await session.Browser.GetAsync(path);

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"GET {path} as {who} answered {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case Ok:
                Assert.True(response.StatusCode == HttpStatusCode.OK, status);
                break;
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in?ReturnUrl=", StringComparison.Ordinal), status);
                break;
            case Denied:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal), status);
                break;
            default:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location == "/en/account/profile#two-factor", status);
                break;
        }
    }

    [Fact]
    public async Task State_detail_api_is_for_the_secretariat_and_the_summary_for_everyone()
    {
        using var anonymous = host.CreateClient();
        using var focalPoint = await CatalogApiClient.ForAsync(host, Roles.FocalPoint, "CO");
        using var expert = await CatalogApiClient.ForAsync(host, Roles.Expert);
        using var secretariat = await CatalogApiClient.ForAsync(host, Roles.Secretariat);
        var ct = TestContext.Current.CancellationToken;

        using var summary = await anonymous.GetAsync("/api/v1/participation", ct);
        using var asAnonymous = await anonymous.GetAsync("/api/v1/participation/states/CO", ct);
        using var asFocalPoint = await focalPoint.GetAsync("/api/v1/participation/states/CO", ct);
        using var asExpert = await expert.GetAsync("/api/v1/participation/states/CO", ct);
        using var asSecretariat = await secretariat.GetAsync("/api/v1/participation/states/CO", ct);

        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asFocalPoint.StatusCode);
        Assert.Equal("application/problem+json", asFocalPoint.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, asExpert.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asSecretariat.StatusCode);
    }

    [Fact]
    public async Task Secretariat_sees_a_states_detail_and_the_quiet_states()
    {
        var session = await host.SessionAsync(Who.Secretariat);

        var detail = await session.Browser.PageAsync("/en/participation/states/CR");
        var quiet = await session.Browser.PageAsync("/en/participation/quiet");

        Assert.Contains("<h1>Participation: Costa Rica</h1>", detail);
        Assert.Contains("This state has no focal point account yet.", detail);
        Assert.Contains("Member states that have not changed an entry or answered a match in the last 90 days.", quiet);
        Assert.Contains("href=\"/en/participation/states/CR\"", quiet);
    }
}
