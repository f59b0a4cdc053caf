using System.Net;
using System.Net.Http.Json;
using CooperaNet.Domain.WorkPlans;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.WorkPlans.WorkPlanAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.WorkPlans;

/// <summary>
/// Every work-plan page, handler and endpoint, tried by every kind of user. The plan and its indicators
/// are public; comments and proposals are read by working-group members, focal points and the secretariat;
/// working-group members propose, they and the secretariat comment; only the secretariat decides
/// proposals, records evidence and copies plans. An allowed write changes the database; a refused one
/// changes nothing.
/// </summary>
public sealed class WorkPlanAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    private const string Plan = "AICD-GT3-2023-2024";
    private const string ActionPage = $"/en/work-plan/{Plan}/actions/3";

    /// <summary>What the request answers.</summary>
    public enum Outcome
    {
        /// <summary>200.</summary>
        Ok,

        /// <summary>200, showing the action's comments and proposals.</summary>
        SeesDiscussion,

        /// <summary>200, saying the discussion is not for this user.</summary>
        NoDiscussion,

        /// <summary>Redirect to the sign-in page.</summary>
        SignIn,

        /// <summary>Redirect to set up two-step verification.</summary>
        TwoFactor,

        /// <summary>401 problem (API).</summary>
        Unauthorized,

        Forbidden,
        NotFound,

        /// <summary>Redirect (page) or 204/201 (API) after the change, which is saved.</summary>
        Done,
    }

    private sealed record Row(string Name, Func<Case, PageMatrixHost.Session, Task<HttpResponseMessage>> Send, Outcome[] Expected);

    /// <summary>What one request is about: an open proposal, the recorded indicator, a fresh code for a copy.</summary>
    public sealed record Case(Guid Proposal, int Indicator, string NewCode, string Word);

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        Line("GET live work plan", (c, s) => Get(s, "/en/work-plan"),                 [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        Line("GET a plan by code", (c, s) => Get(s, $"/en/work-plan/{Plan}"),         [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        Line("GET list of plans", (c, s) => Get(s, "/en/work-plan/plans"),            [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        Line("GET action page", (c, s) => Get(s, ActionPage),                         [NoDiscussion,      NoDiscussion,   NoDiscussion,   SeesDiscussion, SeesDiscussion, SeesDiscussion, SeesDiscussion, TwoFactor]),
        Line("POST comment", (c, s) => s.PostAsync(ActionPage + "?handler=Comment", new Dictionary<string, string> { ["text"] = "Comentario " + c.Word }),
                                                                                     [SignIn,       Forbidden, Forbidden, Done,      Forbidden, Forbidden, Done,      TwoFactor]),
        Line("POST proposal", (c, s) => s.PostAsync(ActionPage + "?handler=Propose", new Dictionary<string, string> { ["text"] = "Propuesta " + c.Word }),
                                                                                     [SignIn,       Forbidden, Forbidden, Done,      Forbidden, Forbidden, Forbidden, TwoFactor]),
        Line("POST accept proposal", (c, s) => s.PostAsync(ActionPage + "?handler=Decide", new Dictionary<string, string> { ["proposal"] = c.Proposal.ToString(), ["decision"] = "accept", ["reason"] = "Encaja." }),
                                                                                     [SignIn,       NotFound,  NotFound,  Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        Line("POST record evidence", (c, s) => s.PostAsync(ActionPage + "?handler=Record", Evidence(c)),
                                                                                     [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        Line("POST copy plan", (c, s) => s.PostAsync("/en/work-plan/plans?handler=Copy", new Dictionary<string, string> { ["Copy.Source"] = Plan, ["Copy.Code"] = c.NewCode, ["Copy.FirstYear"] = "2025" }),
                                                                                     [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),

        Line("API list plans", (c, s) => Get(s, "/api/v1/work-plans"),                [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        Line("API plan tracking", (c, s) => Get(s, $"/api/v1/work-plans/{Plan}"),     [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        Line("API discussion", (c, s) => Get(s, $"/api/v1/work-plans/{Plan}/actions/3/discussion"),
                                                                                     [Unauthorized, Forbidden, Forbidden, Ok,        Ok,        Ok,        Ok,        Ok]),
        Line("API comment", (c, s) => Json(s, $"/api/v1/work-plans/{Plan}/actions/3/comments", new { text = "Comentario " + c.Word }),
                                                                                     [Unauthorized, Forbidden, Forbidden, Done,      Forbidden, Forbidden, Done,      Done]),
        Line("API proposal", (c, s) => Json(s, $"/api/v1/work-plans/{Plan}/actions/3/proposals", new { text = "Propuesta " + c.Word }),
                                                                                     [Unauthorized, Forbidden, Forbidden, Done,      Forbidden, Forbidden, Forbidden, Forbidden]),
        Line("API decline proposal", (c, s) => Json(s, $"/api/v1/work-plans/proposals/{c.Proposal}/decline", new { reason = "Fuera de alcance." }),
                                                                                     [Unauthorized, NotFound,  NotFound,  Forbidden, Forbidden, Forbidden, Done,      Done]),
        Line("API record evidence", (c, s) => Json(s, $"/api/v1/work-plans/indicators/{c.Indicator}/evidence", new { value = 1, asOf = "2023-06-30", link = "https://www.oas.org/" + c.Word }),
                                                                                     [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      Done]),
        Line("API copy plan", (c, s) => Json(s, $"/api/v1/work-plans/{Plan}/copy", new { code = c.NewCode, firstYear = 2025 }),
                                                                                     [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      Done]),
    ];

    public static TheoryData<string, Who, Outcome> Cases()
    {
        var data = new TheoryData<string, Who, Outcome>();
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetValues<Who>().Length, row.Expected.Length);
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(row.Name, who, row.Expected[(int)who]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_work_plan_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var @case = await CaseAsync();
        var before = await SnapshotAsync();

        using var response = await line.Send(@case, session);

        var body = await AccountClient.TextAsync(response);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"{row} answered {(int)response.StatusCode} {location}";
        var api = row.StartsWith("API", StringComparison.Ordinal);
        switch (expected)
        {
            case Ok:
                Assert.True(response.StatusCode == HttpStatusCode.OK, status);
                break;
            case SeesDiscussion:
                Assert.True(response.StatusCode == HttpStatusCode.OK, status);
                Assert.Contains("Propuesta abierta " + @case.Word, body, StringComparison.Ordinal);
                break;
            case NoDiscussion:
                Assert.True(response.StatusCode == HttpStatusCode.OK, status);
                Assert.DoesNotContain(@case.Word, body, StringComparison.Ordinal);
                Assert.Contains("Comments and proposals are visible to working-group members", body, StringComparison.Ordinal);
                break;
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in", StringComparison.Ordinal), status);
                break;
            case TwoFactor:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location == "/en/account/profile#two-factor", status);
                break;
            case Unauthorized:
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, status);
                break;
            case Forbidden:
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, status);
                break;
            case NotFound:
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, status);
                break;
            case Done:
                Assert.True(
                    api ? response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Created
                        : response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/work-plan/", StringComparison.Ordinal),
                    status);
                break;
        }

        var after = await SnapshotAsync();
        if (expected == Done)
        {
            Assert.NotEqual(before, after);
        }
        else
        {
            Assert.Equal(before, after);
        }
    }

    /// <summary>What a write would change: comments, proposals by status, evidence, plans.</summary>
    private sealed record Snapshot(int Comments, int Open, int Decided, int Evidence, int Plans);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = host.NewDbContext();
        var ct = TestContext.Current.CancellationToken;
        return new Snapshot(
            await db.ActionComments.CountAsync(ct),
            await db.ActionProposals.CountAsync(p => p.Status == ProposalStatus.Open, ct),
            await db.ActionProposals.CountAsync(p => p.Status != ProposalStatus.Open, ct),
            await db.IndicatorEvidence.CountAsync(ct),
            await db.WorkPlans.CountAsync(ct));
    }

    /// <summary>An open proposal on action 3 (with a word no other text holds) and action 3's recorded indicator.</summary>
    private async Task<Case> CaseAsync()
    {
        var word = PageMatrixHost.Word();
        var member = await host.SessionAsync(Who.WorkingGroupMember);
        await using var db = host.NewDbContext();
        var ct = TestContext.Current.CancellationToken;
        var action = await db.WorkPlanActions.AsNoTracking().Include(a => a.Indicators).SingleAsync(a => a.WorkPlanCode == Plan && a.Number == 3, ct);
        var (proposal, error) = ActionProposal.Make(action.Id, "Propuesta abierta " + word, member.UserId!.Value, "Miembro", host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.Null(error);
        db.ActionProposals.Add(proposal!);
        await db.SaveChangesAsync(ct);
        return new Case(proposal!.Id, action.Indicators.Single().Id, ("AICD-TEST-" + word).ToUpperInvariant(), word);
    }

    private static Dictionary<string, string> Evidence(Case c) => new()
    {
        ["evidence.Indicator"] = c.Indicator.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["evidence.Value"] = "1",
        ["evidence.AsOf"] = "2023-06-30",
        ["evidence.Link"] = "https://www.oas.org/" + c.Word,
    };

    private static Task<HttpResponseMessage> Get(PageMatrixHost.Session session, string path) =>
        session.Browser.Http.GetAsync(path, TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> Json(PageMatrixHost.Session session, string path, object body) =>
        session.Browser.Http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);

    private static Row Line(string name, Func<Case, PageMatrixHost.Session, Task<HttpResponseMessage>> send, Outcome[] expected) => new(name, send, expected);
}
