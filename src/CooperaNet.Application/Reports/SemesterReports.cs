using System.Text.Json;
using CooperaNet.Application.Data;
using CooperaNet.Application.WorkPlans;
using CooperaNet.Domain.Reports;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CooperaNet.Application.Reports;

/// <summary>An issued report in the public list.</summary>
public sealed record IssuedReport(string Semester, DateTimeOffset IssuedAt);

/// <summary>A draft the secretariat has started deciding on.</summary>
public sealed record DraftReport(string Semester, DateTimeOffset CreatedAt, int Decisions);

/// <summary>
/// The semester reports: drafts computed from the data with the secretariat's decisions on their
/// proposals, and issued reports read from their frozen snapshot.
/// </summary>
public sealed class SemesterReports(CooperaNetDbContext db, SemesterFiguresCalculator calculator, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Today, in UTC.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The most recent semester that is over: the one a new report is usually about.</summary>
    public Semester LastFinished => Semester.Of(Today).Previous();

    /// <summary>True when <paramref name="semester"/> has begun, so there is something to report.</summary>
    public bool HasBegun(Semester semester) => semester.Start <= Today;

    /// <summary>Issued reports, newest semester first.</summary>
    public async Task<IReadOnlyList<IssuedReport>> IssuedAsync(CancellationToken ct) =>
        [.. (await db.SemesterReports.AsNoTracking().Where(r => r.IssuedAt != null).Select(r => new { r.Semester, r.IssuedAt }).ToListAsync(ct))
            .OrderByDescending(r => r.Semester, StringComparer.Ordinal).Select(r => new IssuedReport(r.Semester, r.IssuedAt!.Value))];

    /// <summary>Drafts with saved decisions, newest semester first.</summary>
    public async Task<IReadOnlyList<DraftReport>> DraftsAsync(CancellationToken ct) =>
        [.. (await db.SemesterReports.AsNoTracking().Where(r => r.IssuedAt == null).Select(r => new { r.Semester, r.CreatedAt, Count = r.Proposals.Count }).ToListAsync(ct))
            .OrderByDescending(r => r.Semester, StringComparer.Ordinal).Select(r => new DraftReport(r.Semester, r.CreatedAt, r.Count))];

    /// <summary>True when the report of <paramref name="semester"/> was issued.</summary>
    public Task<bool> IsIssuedAsync(Semester semester, CancellationToken ct)
    {
        var key = semester.ToString();
        return db.SemesterReports.AsNoTracking().AnyAsync(r => r.Semester == key && r.IssuedAt != null, ct);
    }

    /// <summary>
    /// The report of <paramref name="semester"/>: the issued one when there is one, otherwise the draft
    /// (figures computed now, the rules' suggestions with the decisions taken so far). Null when the
    /// semester has not begun.
    /// </summary>
    public async Task<ReportContent?> ReadAsync(Semester semester, CancellationToken ct)
    {
        var key = semester.ToString();
        var stored = await db.SemesterReports.AsNoTracking().Include(r => r.Proposals).FirstOrDefaultAsync(r => r.Semester == key, ct);
        if (stored is { Snapshot: { } snapshot })
        {
            return JsonSerializer.Deserialize<ReportContent>(snapshot, Json)! with { IssuedAt = stored.IssuedAt, IssuedBy = stored.IssuedByName };
        }

        if (!HasBegun(semester))
        {
            return null;
        }

        var figures = await calculator.ComputeAsync(semester, Today, ct);
        return new ReportContent(figures, Merge(figures, stored?.Proposals ?? []), null, null);
    }

    /// <summary>Keeps, drops or rewords a proposal of the draft.</summary>
    public Task<ReportError?> DecideAsync(Semester semester, string key, ProposalDecision decision, string? text, string? language, string byName, CancellationToken ct) =>
        ChangeAsync(semester, async report =>
        {
            var known = report.Proposals.Any(p => p.Key == key)
                || ProposalRules.Suggest(await calculator.ComputeAsync(semester, Today, ct)).Contains(key, StringComparer.Ordinal);
            return known ? report.Decide(key, decision, text, language, byName, clock.GetUtcNow()) : ReportError.UnknownProposal;
        }, ct);

    /// <summary>Adds the secretariat's own proposal to the draft.</summary>
    public async Task<(string? Key, ReportError? Error)> ProposeAsync(Semester semester, string? text, string? language, string byName, CancellationToken ct)
    {
        string? key = null;
        var error = await ChangeAsync(semester, report =>
        {
            var (added, refused) = report.Propose(text, language, byName, clock.GetUtcNow());
            key = added;
            return Task.FromResult(refused);
        }, ct);
        return (error is null ? key : null, error);
    }

    /// <summary>Issues the report: its figures and kept proposals are stored and never change again.</summary>
    public Task<ReportError?> IssueAsync(Semester semester, string byName, CancellationToken ct) =>
        ChangeAsync(semester, async report =>
        {
            if (report.IsIssued)
            {
                return ReportError.AlreadyIssued;
            }

            var figures = await calculator.ComputeAsync(semester, Today, ct);
            var kept = Merge(figures, report.Proposals).Where(p => p.Decision == ProposalDecision.Accepted).ToList();
            var snapshot = JsonSerializer.Serialize(new ReportContent(figures, kept, null, null), Json);
            return report.Issue(snapshot, semester.End, byName, clock.GetUtcNow());
        }, ct);

    private async Task<ReportError?> ChangeAsync(Semester semester, Func<SemesterReport, Task<ReportError?>> change, CancellationToken ct)
    {
        if (!HasBegun(semester))
        {
            return ReportError.NotStarted;
        }

        var key = semester.ToString();
        var report = await db.SemesterReports.Include(r => r.Proposals).FirstOrDefaultAsync(r => r.Semester == key, ct);
        if (report is null)
        {
            report = new SemesterReport { Id = Guid.NewGuid(), Semester = key, CreatedAt = clock.GetUtcNow() };
            db.SemesterReports.Add(report);
        }

        if (await change(report) is { } error)
        {
            db.ChangeTracker.Clear();
            return error;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            // Another writer saved the same draft (or created it) first.
            db.ChangeTracker.Clear();
            return ReportError.Changed;
        }
    }

    /// <summary>
    /// The draft's proposals: every suggestion of the rules with its decision (pending when none), then
    /// decided proposals the rules no longer suggest but the secretariat reworded, then its own ones.
    /// </summary>
    private static List<ProposalItem> Merge(SemesterFigures figures, IEnumerable<ReportProposal> decisions)
    {
        var stored = decisions.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var suggested = ProposalRules.Suggest(figures);
        var items = suggested.Select(key => stored.TryGetValue(key, out var p)
            ? new ProposalItem(key, p.Decision, p.Text, p.TextLanguage)
            : new ProposalItem(key, ProposalDecision.Pending, null, null)).ToList();
        items.AddRange(stored.Values
            .Where(p => !suggested.Contains(p.Key, StringComparer.Ordinal) && (p.IsOwn || p.Text is not null))
            .OrderBy(p => p.IsOwn).ThenBy(p => p.DecidedAt)
            .Select(p => new ProposalItem(p.Key, p.Decision, p.Text, p.TextLanguage)));
        return items;
    }
}

/// <summary>Registers the semester reports.</summary>
public static class ReportServices
{
    /// <summary>Adds the report services (and the work-plan tracking they read) to <paramref name="services"/>.</summary>
    public static IServiceCollection AddSemesterReports(this IServiceCollection services)
    {
        services.TryAddScoped<IndicatorCalculator>();
        services.TryAddScoped<WorkPlanTracker>();
        services.TryAddScoped<SemesterFiguresCalculator>();
        services.TryAddScoped<SemesterReports>();
        return services;
    }
}
