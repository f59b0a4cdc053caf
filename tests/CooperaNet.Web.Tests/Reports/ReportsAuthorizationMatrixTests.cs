using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Reports;
using CooperaNet.Domain.WorkPlans;
using CooperaNet.Web.Tests.CatalogPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Reports.ReportsAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Reports;

/// <summary>
/// Every semester-report page, handler and endpoint, tried by every kind of user. Issued reports are
/// public; drafts are read by the working group and the secretariat (others are told the report is not
/// issued); only the secretariat decides proposals and issues. Allowed writes are saved and audited
/// under their actor; refused ones change nothing.
/// </summary>
public sealed class ReportsAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    /// <summary>A semester long over, whose draft the rows read and decide on.</summary>
    private const string Draft = "2025H1";

    /// <summary>A semester issued once for the whole class.</summary>
    private const string Issued = "2024H2";

    /// <summary>Semesters from 2000H1 on, one for each write the secretariat makes that issues.</summary>
    private static int nextSemester = -1;

    public enum Outcome
    {
        Ok,
        SignIn,
        TwoFactor,
        Denied,
        Forbidden,
        NotFound,

        /// <summary>Redirect after the change, which is saved and audited.</summary>
        Done,

        /// <summary>API: 401.</summary>
        Unauthorized,

        /// <summary>API: 201, saved and audited.</summary>
        Created,

        /// <summary>API: 204, saved and audited.</summary>
        Saved,
    }

    private enum Verb
    {
        Get,
        Post,
        PostJson,
    }

    /// <summary>A row; its path and body get a semester nobody issued yet (for the rows that issue).</summary>
    private sealed record Row(string Name, Verb Verb, Func<string, string> Path, Func<object>? Body, Outcome[] Expected);

    private static readonly string[] Audited = ["SemesterReport", "ReportProposal"];

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                                      Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("GET reports", Verb.Get, _ => "/en/reports", null,                                                            [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET reports, open a draft", Verb.Get, _ => $"/en/reports?semester={Draft}", null,                            [Ok,           Ok,        Ok,        Redirect,  Ok,        Ok,        Redirect,  TwoFactor]),
        new("GET issued report", Verb.Get, _ => $"/en/reports/{Issued}", null,                                            [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET draft report", Verb.Get, _ => $"/en/reports/{Draft}", null,                                              [NotFound,     NotFound,  NotFound,  Ok,        NotFound,  NotFound,  Ok,        TwoFactor]),
        new("POST decide a proposal", Verb.Post, _ => $"/en/reports/{Draft}?handler=Decide", DecideForm,                  [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Done,      TwoFactor]),
        new("POST add a proposal", Verb.Post, _ => $"/en/reports/{Draft}?handler=Propose", ProposeForm,                   [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Done,      TwoFactor]),
        new("POST issue", Verb.Post, s => $"/en/reports/{s}?handler=Issue", IssueForm,                                    [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Done,      TwoFactor]),

        new("API list reports", Verb.Get, _ => "/api/v1/reports", null,                                                   [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API issued report", Verb.Get, _ => $"/api/v1/reports/{Issued}", null,                                        [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API issued report as PDF", Verb.Get, _ => $"/api/v1/reports/{Issued}/document?format=pdf&lang=fr", null,     [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API draft report", Verb.Get, _ => $"/api/v1/reports/{Draft}", null,                                          [NotFound,     NotFound,  NotFound,  Ok,        NotFound,  NotFound,  Ok,        NotFound]),
        new("API draft report as DOCX", Verb.Get, _ => $"/api/v1/reports/{Draft}/document?format=docx", null,             [NotFound,     NotFound,  NotFound,  Ok,        NotFound,  NotFound,  Ok,        NotFound]),
        new("API decide a proposal", Verb.PostJson, _ => $"/api/v1/reports/{Draft}/proposals/states-without-entry", DecideJson, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved, Forbidden]),
        new("API add a proposal", Verb.PostJson, _ => $"/api/v1/reports/{Draft}/proposals", ProposeJson,                  [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created,   Forbidden]),
        new("API issue", Verb.PostJson, s => $"/api/v1/reports/{s}/issue", () => new { },                                 [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Forbidden]),
    ];

    /// <summary>Redirect to the draft's own page (the draft form of the list).</summary>
    private const Outcome Redirect = (Outcome)100;

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
    public async Task Each_report_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        await IssueOnceAsync();
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var path = line.Path(who == Who.Secretariat ? NextSemester() : "2023H1");
        var lastAudit = await host.LastAuditAsync();

        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, (Dictionary<string, string>)line.Body!()),
            _ => await session.Browser.Http.PostAsJsonAsync(path, line.Body!(), TestContext.Current.CancellationToken),
        };

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"{line.Verb} {path} answered {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in?ReturnUrl=", StringComparison.Ordinal), status);
                break;
            case TwoFactor:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location == "/en/account/profile#two-factor", status);
                break;
            case Denied:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal), status);
                break;
            case Done or Redirect:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/reports/", StringComparison.Ordinal), status);
                break;
            default:
                var code = expected switch
                {
                    Ok => HttpStatusCode.OK,
                    Forbidden => HttpStatusCode.Forbidden,
                    NotFound => HttpStatusCode.NotFound,
                    Unauthorized => HttpStatusCode.Unauthorized,
                    Saved => HttpStatusCode.NoContent,
                    _ => HttpStatusCode.Created,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await host.AuditSinceAsync(lastAudit, Audited);
        if (expected is Done or Created or Saved)
        {
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Equal(session.UserId, r.ActorId));
        }
        else
        {
            Assert.Empty(records);
        }
    }

    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.Expert)]
    [InlineData(Who.Partner)]
    [InlineData(Who.WorkingGroupMember)]
    [InlineData(Who.AnotherStatesFocalPoint)]
    [InlineData(Who.OwnFocalPoint)]
    [InlineData(Who.Secretariat)]
    [InlineData(Who.SecretariatWithoutSecondFactor)]
    public async Task Every_report_write_endpoint_is_the_secretariats_alone(Who who)
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/reports", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET").Select(m => (Method: m, Template: e.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct()
            .ToList();
        Assert.Equal(3, endpoints.Count);
        var user = await host.SessionAsync(who);
        var wrong = new List<string>();
        foreach (var (method, template) in endpoints)
        {
            var path = template.Replace("{semester}", who == Who.Secretariat ? NextSemester() : "2023H1", StringComparison.Ordinal)
                .Replace("{key}", "states-without-entry", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { decision = "accepted", text = "Texto", language = "es" }) };
            using var response = await user.Browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
            var allowed = response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
            var expected = who == Who.Secretariat;
            var refusal = who == Who.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            if (allowed != expected || (!expected && response.StatusCode != refusal))
            {
                wrong.Add($"{method} {template}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    /// <summary>A semester long over that no test issued yet.</summary>
    private static string NextSemester()
    {
        var n = Interlocked.Increment(ref nextSemester);
        return $"{2000 + (n / 2)}H{1 + (n % 2)}";
    }

    private static Dictionary<string, string> DecideForm() => new() { ["key"] = "states-without-entry", ["decision"] = "accepted", ["wording"] = "Sesiones dirigidas " + PageMatrixHost.Word(), ["language"] = "es" };

    private static Dictionary<string, string> ProposeForm() => new() { ["wording"] = "Propuesta " + PageMatrixHost.Word(), ["language"] = "es" };

    private static Dictionary<string, string> IssueForm() => new() { ["confirm"] = "true" };

    private static object DecideJson() => new { decision = "dropped" };

    private static object ProposeJson() => new { text = "Proposal " + PageMatrixHost.Word(), language = "en" };

    /// <summary>Issues <see cref="Issued"/> through the service, once for the class (the rows read it).</summary>
    private async Task IssueOnceAsync() => await host.WithScopeAsync(async sp =>
    {
        var reports = sp.GetRequiredService<SemesterReports>();
        _ = Semester.TryParse(Issued, out var semester);
        if (!await reports.IsIssuedAsync(semester, TestContext.Current.CancellationToken))
        {
            Assert.Null(await reports.IssueAsync(semester, "Secretaría", TestContext.Current.CancellationToken));
        }

        return true;
    });
}
