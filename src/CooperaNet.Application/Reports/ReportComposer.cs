using System.Globalization;
using CooperaNet.Application.Reports.Rendering;
using CooperaNet.Domain.Reports;
using CooperaNet.Domain.WorkPlans;

namespace CooperaNet.Application.Reports;

/// <summary>
/// Writes a report's content as a document in one language: the sections, sentences, tables and
/// charts every output format shares. Kept short on purpose: the report must fit four A4 pages.
/// </summary>
public static class ReportComposer
{
    /// <summary>Most names a sentence lists before it says "and N more".</summary>
    public const int NamesListed = 12;

    /// <summary>The document of <paramref name="content"/> in <paramref name="language"/>.</summary>
    public static ReportDocument Compose(ReportContent content, string language, ReportTexts? texts = null)
    {
        var t = texts ?? ReportTexts.Shared;
        var f = content.Figures;
        var culture = ReportTexts.CultureOf(language);
        string T(string key, params object?[] args) => t.Get(language, key, args);
        string Date(DateOnly day) => day.ToString(T("date.format"), culture);
        string Number(int value) => value.ToString("N0", culture);
        string Names(IEnumerable<string> keys) => ListOf(keys.Select(k => f.NameOf(k, language)).ToList(), n => T("more", n));

        _ = Semester.TryParse(f.Semester, out var semester);
        var subtitle = string.Join(" · ", new[]
        {
            $"{Date(f.Start)} – {Date(f.End)}",
            T("subtitle.asOf", Date(f.AsOf)),
            content.IssuedAt is { } issued ? T("subtitle.issued", Date(DateOnly.FromDateTime(issued.UtcDateTime))) : T("subtitle.draft"),
        });

        var sections = new List<ReportSection>
        {
            KeyFigures(f, language, T, Number, culture),
            Participation(f, T, Date, Number, Names, culture),
            Crossing(f, language, T, Number, culture),
            new(T("section.others"),
            [
                new ReportParagraph(f.Current.SessionsHeld > 0
                    ? T("others.sessions", Number(f.Current.SessionsHeld), Number(f.Current.SessionAttendance))
                    : T("others.noSessions")),
                new ReportParagraph(T("others.notRecorded")),
            ]),
            WorkPlan(f, language, T, Date, culture),
            Proposals(content, language, T, Names, Number),
        };

        return new ReportDocument(
            language,
            $"{T("title")}: {T($"semester.{semester.Half}", semester.Year)}",
            subtitle,
            content.IsIssued ? null : T("draft.mark"),
            sections,
            T("footer"),
            T("page.of"));
    }

    /// <summary>The wording of one proposal in <paramref name="language"/>: the secretariat's text, or the rule's sentence.</summary>
    public static string TextOf(ProposalItem proposal, SemesterFigures f, string language, ReportTexts? texts = null)
    {
        if (proposal.Text is { } text)
        {
            return text;
        }

        var t = texts ?? ReportTexts.Shared;
        var culture = ReportTexts.CultureOf(language);
        string T(string key, params object?[] args) => t.Get(language, key, args);
        string Names(IEnumerable<string> keys) => ListOf(keys.Select(k => f.NameOf(k, language)).ToList(), n => T("more", n));
        var subject = ProposalRules.SubjectOf(proposal.Key);
        return ProposalRules.RuleOf(proposal.Key) switch
        {
            ProposalRules.StatesWithoutEntry => T("rule.states-without-entry", f.StatesWithoutEntry.Count, Names(f.StatesWithoutEntry.Select(s => "state:" + s))),
            ProposalRules.QuietStates => T("rule.quiet-states", f.QuietStates.Count, Names(f.QuietStates.Select(s => "state:" + s))),
            ProposalRules.LowAutonomy => T("rule.low-autonomy", Names(f.LowAutonomyStates.Select(s => "state:" + s))),
            ProposalRules.UnmetDemand => T("rule.unmet-demand", f.NameOf("category:" + subject, language),
                (f.UnmetDemands.FirstOrDefault(u => u.Category == subject)?.Demands ?? 0).ToString("N0", culture)),
            ProposalRules.UnansweredMatches => T("rule.unanswered-matches", f.UnansweredMatches.ToString("N0", culture)),
            ProposalRules.ActionAtRisk => T("rule.action-at-risk", subject, f.NameOf("action:" + subject, language)),
            _ => proposal.Key,
        };
    }

    private static ReportSection KeyFigures(SemesterFigures f, string language, Func<string, object?[], string> t, Func<int, string> number, CultureInfo culture)
    {
        string T(string key, params object?[] args) => t(key, args);
        string Change(int now, int before) => now == before ? "=" : (now - before).ToString("+#,0;−#,0", culture);
        string Share(double? value) => value is { } v ? v.ToString("P0", culture) : "—";
        string Days(double? value) => value is { } v ? v.ToString("0.#", culture) : "—";
        var (c, p) = (f.Current, f.Previous);
        var autonomyChange = c.Autonomy is { } a && p.Autonomy is { } b
            ? T("change.points", Math.Round((a - b) * 100).ToString("+0;−0;0", culture))
            : "—";
        var medianChange = c.MedianDaysToAgreement is { } m && p.MedianDaysToAgreement is { } n ? (m - n).ToString("+0.#;−0.#;=", culture) : "—";
        var rows = new List<IReadOnlyList<string>>
        {
            Row(T("fig.statesWithEntry", number(f.MemberStates)), c.StatesWithEntry, p.StatesWithEntry),
            Row(T("fig.newStates"), c.NewStates, p.NewStates),
            Row(T("fig.activeStates"), c.ActiveStates, p.ActiveStates),
            Row(T("fig.offers"), c.OffersPublished, p.OffersPublished),
            Row(T("fig.demands"), c.DemandsPublished, p.DemandsPublished),
            new[] { T("fig.autonomy"), Share(c.Autonomy), Share(p.Autonomy), autonomyChange },
            Row(T("fig.matches"), c.MatchesProposed, p.MatchesProposed),
            Row(T("fig.agreed"), c.MatchesAgreed, p.MatchesAgreed),
            Row(T("fig.initiatives"), c.InitiativesAgreed, p.InitiativesAgreed),
            new[] { T("fig.median"), Days(c.MedianDaysToAgreement), Days(p.MedianDaysToAgreement), medianChange },
            Row(T("fig.sessions"), c.SessionsHeld, p.SessionsHeld),
        };
        _ = Semester.TryParse(f.Semester, out var semester);
        var blocks = new List<ReportBlock>();
        if (c.IsQuiet)
        {
            blocks.Add(new ReportParagraph(T("key.quiet")));
        }

        blocks.Add(new ReportTable(
            T("key.caption", semester.Previous().ToString()),
            [new(T("col.figure")), new(T("col.current"), true), new(T("col.previous"), true), new(T("col.change"), true)],
            rows));
        return new ReportSection(T("section.key"), blocks);

        IReadOnlyList<string> Row(string label, int now, int before) => [label, number(now), number(before), Change(now, before)];
    }

    private static ReportSection Participation(
        SemesterFigures f, Func<string, object?[], string> t, Func<DateOnly, string> date, Func<int, string> number, Func<IEnumerable<string>, string> names, CultureInfo culture)
    {
        string T(string key, params object?[] args) => t(key, args);
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(T("participation.text", date(f.AsOf), number(f.Current.StatesWithEntry), number(f.MemberStates), number(f.Current.ActiveStates))),
        };
        var items = new List<string>
        {
            f.NewStateCodes.Count > 0 ? T("participation.new", names(f.NewStateCodes.Select(s => "state:" + s))) : T("participation.noNew"),
        };
        if (f.StatesWithoutEntry.Count > 0)
        {
            items.Add(T("participation.without", names(f.StatesWithoutEntry.Select(s => "state:" + s))));
        }

        if (f.QuietStates.Count > 0)
        {
            items.Add(T("participation.quiet", names(f.QuietStates.Select(s => "state:" + s))));
        }

        items.Add(f.Current.Autonomy is { } autonomy ? T("participation.autonomy", autonomy.ToString("P0", culture)) : T("participation.noAutonomy"));
        blocks.Add(new ReportList(items));
        return new ReportSection(T("section.participation"), blocks);
    }

    private static ReportSection Crossing(SemesterFigures f, string language, Func<string, object?[], string> t, Func<int, string> number, CultureInfo culture)
    {
        string T(string key, params object?[] args) => t(key, args);
        var c = f.Current;
        var text = T("crossing.text", number(c.OffersPublished), number(c.DemandsPublished), number(c.MatchesProposed), number(c.MatchesAgreed), number(c.InitiativesAgreed));
        if (c.MedianDaysToAgreement is { } median)
        {
            text += " " + T("crossing.median", median.ToString("0.#", culture));
        }

        var blocks = new List<ReportBlock> { new ReportParagraph(text) };
        if (f.Categories.Count == 0)
        {
            blocks.Add(new ReportParagraph(T("crossing.none")));
        }
        else
        {
            var names = f.Categories.Select(x => f.NameOf("category:" + x.Category, language)).ToList();
            blocks.Add(new ReportBarChart(
                T("crossing.chart"),
                names,
                [new(T("col.offers"), [.. f.Categories.Select(x => (double)x.Offers)]), new(T("col.demands"), [.. f.Categories.Select(x => (double)x.Demands)])]));
            blocks.Add(new ReportTable(
                T("crossing.chart"),
                [new(T("col.category")), new(T("col.offers"), true), new(T("col.demands"), true)],
                [.. f.Categories.Select((x, i) => (IReadOnlyList<string>)[names[i], number(x.Offers), number(x.Demands)])]));
        }

        return new ReportSection(T("section.crossing"), blocks);
    }

    private static ReportSection WorkPlan(SemesterFigures f, string language, Func<string, object?[], string> t, Func<DateOnly, string> date, CultureInfo culture)
    {
        string T(string key, params object?[] args) => t(key, args);
        if (f.WorkPlanCode is null || f.Actions.Count == 0)
        {
            return new ReportSection(T("section.workplan"), [new ReportParagraph(T("workplan.none"))]);
        }

        var labels = f.Actions.Select(a => T("action.label", a.Number)).ToList();
        return new ReportSection(T("section.workplan"),
        [
            new ReportParagraph(T("workplan.text", f.WorkPlanCode, date(f.AsOf))),
            new ReportBarChart(
                T("workplan.chart"),
                labels,
                [new(T("col.reached"), [.. f.Actions.Select(a => a.Progress)]), new(T("col.expected"), [.. f.Actions.Select(a => a.Expected)])],
                Percent: true),
            new ReportTable(
                T("workplan.chart"),
                [new(T("col.action")), new(T("col.status")), new(T("col.reached"), true), new(T("col.expected"), true)],
                [.. f.Actions.Select(a => (IReadOnlyList<string>)[
                    $"{a.Number}. {f.NameOf("action:" + a.Number, language)}",
                    T("status." + a.Status),
                    a.Progress.ToString("P0", culture),
                    a.Expected.ToString("P0", culture)])]),
        ]);
    }

    private static ReportSection Proposals(ReportContent content, string language, Func<string, object?[], string> t, Func<IEnumerable<string>, string> names, Func<int, string> number)
    {
        string T(string key, params object?[] args) => t(key, args);
        var f = content.Figures;
        var shown = content.Proposals.Where(p => p.Decision != ProposalDecision.Dropped).ToList();
        var blocks = new List<ReportBlock> { new ReportParagraph(T("proposals.intro")) };
        blocks.Add(shown.Count == 0
            ? new ReportParagraph(T("proposals.none"))
            : new ReportList([.. shown.Select(p => TextOf(p, f, language) + (p.Decision == ProposalDecision.Pending ? " " + T("proposals.pending") : string.Empty))]));

        if (f.WorkingGroupProposals.Count == 0)
        {
            blocks.Add(new ReportParagraph(T("proposals.noWg")));
        }
        else
        {
            blocks.Add(new ReportParagraph(T("proposals.wg")));
            blocks.Add(new ReportList([.. f.WorkingGroupProposals.Select(p =>
            {
                var status = T("wg." + p.Status);
                return T("wg.item", p.Action, p.Author, p.Text, p.Reason is { Length: > 0 } reason ? T("wg.reason", status, reason) : status);
            })]));
        }

        return new ReportSection(T("section.proposals"), blocks);
    }

    private static string ListOf(IReadOnlyList<string> names, Func<int, string> more) =>
        names.Count <= NamesListed ? string.Join(", ", names) : string.Join(", ", names.Take(NamesListed)) + " " + more(names.Count - NamesListed);
}
