using CooperaNet.Application.Reports;
using CooperaNet.Domain;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Reports;

/// <summary>An issued report in the public list, with where to read it.</summary>
public sealed record IssuedReportView(string Semester, DateTimeOffset IssuedAt, string Url, IReadOnlyDictionary<string, string> Documents);

/// <summary>A proposal on the API, its decision named as the decision endpoint takes it: accepted, dropped or pending.</summary>
public sealed record ProposalView(string Key, string Decision, string? Text, string? TextLanguage);

/// <summary>A report on the API: its figures, its proposals and, once issued, when and by whom.</summary>
public sealed record ReportView(SemesterFigures Figures, IReadOnlyList<ProposalView> Proposals, DateTimeOffset? IssuedAt, string? IssuedBy, bool IsIssued)
{
    public static ReportView Of(ReportContent content) => new(
        content.Figures,
        [.. content.Proposals.Select(p => new ProposalView(p.Key, ReportCommands.NameOf(p.Decision), p.Text, p.TextLanguage))],
        content.IssuedAt,
        content.IssuedBy,
        content.IsIssued);
}

/// <summary>
/// The semester reports on the API: issued reports for anyone; drafts for working-group members and the
/// secretariat; decisions on proposals and issuing for the secretariat. Semesters are written 2024H1.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup(ReportRoutes.Api).WithTags("Reports").AddEndpointFilter(ApiLanguage.Validate);

        reports.MapGet("/", async (HttpContext http, SemesterReports service) =>
                TypedResults.Ok((await service.IssuedAsync(http.RequestAborted)).Select(r => new IssuedReportView(
                    r.Semester, r.IssuedAt, ReportRoutes.ApiReport(r.Semester),
                    ReportFiles.Formats.ToDictionary(f => f, f => ReportRoutes.Document(r.Semester, f, ApiLanguage.Of(http)))))))
            .AllowAnonymous().WithName("ListReports").WithSummary("Issued semester reports, newest first, with links to their PDF, DOCX and HTML.")
            .Produces<IEnumerable<IssuedReportView>>();

        reports.MapGet("/{semester}", async (string semester, HttpContext http, ReportCommands commands, IStringLocalizer<Program> text) =>
            {
                var (content, refusal) = await commands.ReadAsync(http.User, semester, http.RequestAborted);
                return refusal is null ? TypedResults.Ok(ReportView.Of(content!)) : Refused(text, refusal);
            })
            .AllowAnonymous().WithName("GetReport")
            .WithSummary("A semester's report: its figures against the previous semester and its proposals. Issued reports for anyone, drafts (computed now) for working-group members and the secretariat.")
            .Produces<ReportView>().ProducesValidationProblem().ProducesProblem(404);

        reports.MapGet("/{semester}/document", async (string semester, string? format, HttpContext http, ReportCommands commands, IStringLocalizer<Program> text) =>
            {
                var asked = ReportFiles.Normalize(format);
                if (asked is null)
                {
                    return Problems.Validation(text, [new("format", "report.format", format ?? string.Empty)]);
                }

                var (content, refusal) = await commands.ReadAsync(http.User, semester, http.RequestAborted);
                if (refusal is not null)
                {
                    return Refused(text, refusal);
                }

                var file = ReportFiles.Write(content!, ApiLanguage.Of(http), asked);
                http.Response.Headers.CacheControl = content!.IsIssued ? "public, max-age=3600" : "no-store";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .AllowAnonymous().WithName("GetReportDocument")
            .WithSummary("The report as a file: ?format=pdf|docx|html&lang=es|en|pt|fr. At most four A4 pages; fonts embedded; charts as vectors.")
            .Produces(200).ProducesValidationProblem().ProducesProblem(404);

        var write = reports.MapGroup("/").RequireAuthorization(Policies.SignedIn);
        write.MapPost("/{semester}/proposals/{key}", async (string semester, string key, ProposalDecisionInput? body, HttpContext http, ReportCommands commands, IStringLocalizer<Program> text) =>
                Result(await commands.DecideAsync(http.User, semester, key, body, http.RequestAborted), text))
            .WithName("DecideReportProposal")
            .WithSummary("The secretariat keeps, drops or rewords a proposal of a draft: {\"decision\": \"accepted|dropped|pending\", \"text\": \"...\", \"language\": \"es\"}; an empty text keeps the rule's wording.")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        write.MapPost("/{semester}/proposals", async (string semester, OwnProposalInput? body, HttpContext http, ReportCommands commands, IStringLocalizer<Program> text) =>
            {
                var outcome = await commands.ProposeAsync(http.User, semester, body, http.RequestAborted);
                return outcome.Refusal == EntryRefusal.None ? TypedResults.Created(ReportRoutes.ApiReport(semester), new { key = outcome.Key }) : Result(outcome, text);
            })
            .WithName("AddReportProposal").WithSummary("The secretariat adds its own proposal to a draft: {\"text\": \"...\", \"language\": \"es\"}.")
            .Produces(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);

        write.MapPost("/{semester}/issue", async (string semester, HttpContext http, ReportCommands commands, IStringLocalizer<Program> text) =>
                Result(await commands.IssueAsync(http.User, semester, http.RequestAborted), text))
            .WithName("IssueReport").WithSummary("The secretariat issues a semester's report once the semester is over: its figures and kept proposals are frozen and it becomes public.")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        return routes;
    }

    private static IResult Refused(IStringLocalizer text, ReportOutcome refusal) => Problems.Refused(text, refusal.Refusal, refusal.Errors, refusal.Conflict);

    private static IResult Result(ReportOutcome outcome, IStringLocalizer text) =>
        outcome.Refusal == EntryRefusal.None ? TypedResults.NoContent() : Refused(text, outcome);
}

/// <summary>Where the reports live.</summary>
public static class ReportRoutes
{
    public const string Page = "/reports";
    public const string Api = "/api/v1/reports";

    public static string Report(string semester) => $"/reports/{semester}";

    public static string ApiReport(string semester) => $"{Api}/{semester}";

    public static string Document(string semester, string format, string language) => $"{Api}/{semester}/document?format={format}&lang={language}";
}
