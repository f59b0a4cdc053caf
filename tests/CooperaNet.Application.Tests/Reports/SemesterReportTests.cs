using CooperaNet.Application.Identity;
using CooperaNet.Application.Reports;
using CooperaNet.Application.Reports.Rendering;
using CooperaNet.Application.WorkPlans;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.FollowUp;
using CooperaNet.Domain.Reports;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Application.Tests.Matching.EntryBuilder;

namespace CooperaNet.Application.Tests.Reports;

/// <summary>
/// The report of 2024H1 (read on 10 August 2024) over a small, hand-counted history.
/// <list type="bullet">
/// <item>2023H2, by the secretariat: Mexico's offer (2023-08-01), Argentina's demand in water (140, 2023-09-10),
/// Chile's demand in education (112, 2023-10-01).</item>
/// <item>2024H1, by Colombia's focal point: an offer in water (02-01) and a demand in education (03-15).
/// By the secretariat for Brazil: an offer in education (05-05) and a demand in water (06-01).
/// Uruguay writes a draft (03-01) and never publishes.</item>
/// <item>Colombia's offer and Chile's demand: proposed 02-02, Colombia interested 02-10, Chile 03-01 (agreed after
/// 28 days), brokered 04-10. Brazil's offer and Argentina's demand: proposed 05-06, never answered.</item>
/// <item>A webinar on 03-20 for Argentina and Mexico; Argentina attends. A working-group proposal on action 5 (04-01), accepted.</item>
/// </list>
/// </summary>
public sealed class SemesterReportTests : IAsyncLifetime
{
    private static readonly Semester H1 = new(2024, 1);
    private DataHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await DataHost.StartAsync(new DateTimeOffset(2024, 8, 10, 9, 0, 0, TimeSpan.Zero));
        var (secretariat, colombia) = await host.InScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<UserAdministration>();
            await admin.EnsureRolesAsync();
            var sec = (await admin.CreateUserAsync("sec@example.org", Roles.Secretariat, null, "Sede-Washington-2024!")).User!;
            var co = (await admin.CreateUserAsync("co@example.org", Roles.FocalPoint, "CO", "Cafetal-Andino-2024!")).User!;
            return (sec.Id, co.Id);
        });

        var mxOffer = AnOffer().From("MX").InSector("14020").Build(At(2023, 8, 1));
        var arDemand = ADemand().From("AR").InSector("14020").Build(At(2023, 9, 10));
        var clDemand = ADemand().From("CL").InSector("11220").Build(At(2023, 10, 1));
        var coOffer = AnOffer().From("CO").InSector("14020").Build(At(2024, 2, 1));
        var coDemand = ADemand().From("CO").InSector("11220").Build(At(2024, 3, 15));
        var brOffer = AnOffer().From("BR").InSector("11220").Build(At(2024, 5, 5));
        var brDemand = ADemand().From("BR").InSector("14020").Build(At(2024, 6, 1));
        var uyDraft = new CatalogEntry { Id = Guid.NewGuid(), Kind = EntryKind.Offer, StateCode = "UY", Language = "es", Title = "Borrador", Summary = "Sin publicar.", Institution = "AUCI", CreatedAt = At(2024, 3, 1), UpdatedAt = At(2024, 3, 1) };

        host.Actor.UserId = secretariat;
        await host.WithDbAsync(db =>
        {
            db.Entries.AddRange(mxOffer, arDemand, clDemand, brOffer, brDemand, uyDraft);
            return db.SaveChangesAsync();
        });
        host.Actor.UserId = colombia;
        await host.WithDbAsync(db =>
        {
            db.Entries.AddRange(coOffer, coDemand);
            return db.SaveChangesAsync();
        });
        host.Actor.UserId = secretariat;

        await host.WithDbAsync(async db =>
        {
            var agreed = Pair.Propose(Guid.NewGuid(), coOffer.Id, "CO", clDemand.Id, "CL", 0.8, "[]", At(2024, 2, 2));
            Assert.Null(agreed.ExpressInterest(PairSide.Offer, At(2024, 2, 10)));
            Assert.Null(agreed.ExpressInterest(PairSide.Demand, At(2024, 3, 1)));
            var initiative = new Initiative
            {
                Id = Guid.NewGuid(),
                Title = "Agua y escuelas",
                Language = "es",
                PairId = agreed.Id,
                CreatedAt = At(2024, 4, 10),
                Participants = [new InitiativeParticipant { StateCode = "CO", Role = ParticipantRole.Offerer }, new InitiativeParticipant { StateCode = "CL", Role = ParticipantRole.Receiver }],
            };
            Assert.Null(agreed.Broker(initiative.Id, At(2024, 4, 10)));
            var waiting = Pair.Propose(Guid.NewGuid(), brOffer.Id, "BR", arDemand.Id, "AR", 0.5, "[]", At(2024, 5, 6));
            db.Pairs.AddRange(agreed, waiting);
            db.Initiatives.Add(initiative);

            var (session, errors) = SocialisationSession.Plan(Guid.NewGuid(), "Webinario CooperaNet", SessionKind.Webinar, new DateOnly(2024, 3, 20), ["AR", "MX"], At(2024, 3, 1));
            Assert.Empty(errors);
            Assert.Null(session!.RecordAttendance(["AR"]));
            db.SocialisationSessions.Add(session);

            var action = await db.WorkPlanActions.SingleAsync(a => a.WorkPlanCode == "AICD-GT3-2023-2024" && a.Number == 5);
            var (proposal, error) = ActionProposal.Make(action.Id, "Traducir la guía al francés", secretariat, "Jamaica, grupo de trabajo", At(2024, 4, 1));
            Assert.Null(error);
            Assert.Null(proposal!.Accept("Incluida en el plan", secretariat, "Secretaría", At(2024, 4, 5)));
            db.ActionProposals.Add(proposal);
            return await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_semester_and_the_previous_one_are_counted_from_the_records()
    {
        var f = (await ReadAsync(H1))!.Figures;

        Assert.Equal(new DateOnly(2024, 6, 30), f.AsOf);
        Assert.Equal(35, f.MemberStates);
        Assert.Equal(new PeriodFigures(5, 2, 4, 2, 2, 2, 2, 1, 1, 28, 1, 1), f.Current);
        Assert.Equal(new PeriodFigures(3, 3, 3, 1, 2, 0, 0, 0, 0, null, 0, 0), f.Previous);
        Assert.Equal(0.5, f.Current.Autonomy);
        Assert.Equal(0, f.Previous.Autonomy);
        Assert.Equal(["BR", "CO"], f.NewStateCodes);
        Assert.Equal(30, f.StatesWithoutEntry.Count);
        Assert.DoesNotContain("UY", f.NewStateCodes);
        Assert.Contains("UY", f.StatesWithoutEntry);
        Assert.Equal(["AR", "MX"], f.QuietStates);
        Assert.Equal(["BR"], f.LowAutonomyStates);
        Assert.Equal([new CategoryFigure("112", 1, 1), new CategoryFigure("140", 1, 1)], f.Categories);
        Assert.Equal([new UnmetDemand("140", 1)], f.UnmetDemands);
        Assert.Equal(1, f.UnansweredMatches);
        var proposal = Assert.Single(f.WorkingGroupProposals);
        Assert.Equal(new WorkingGroupProposalFigure(5, "Jamaica, grupo de trabajo", "Traducir la guía al francés", "accepted", "Incluida en el plan"), proposal);
        Assert.Equal("Brasil", f.NameOf("state:BR", "es"));
        Assert.Equal("Brazil", f.NameOf("state:BR", "en"));
    }

    [Fact]
    public async Task Work_plan_actions_are_read_at_the_semesters_end_by_the_status_rule()
    {
        var f = (await ReadAsync(H1))!.Figures;
        var plan = await host.InScopeAsync(sp => sp.GetRequiredService<WorkPlanTracker>().TrackOnAsync("AICD-GT3-2023-2024", "es", new DateOnly(2024, 6, 30), TestContext.Current.CancellationToken));

        Assert.Equal("AICD-GT3-2023-2024", f.WorkPlanCode);
        Assert.Equal(plan!.Actions.Select(a => (a.Number, a.StatusName)), f.Actions.Select(a => (a.Number, a.Status)));
        Assert.Equal(plan.Actions.Select(a => Math.Round(a.Progress, 3)), f.Actions.Select(a => a.Progress));
        Assert.Contains(f.Actions, a => a.Expected > 0 && a.Expected <= 1);
    }

    [Fact]
    public async Task The_rules_suggest_proposals_from_the_figures_and_word_them_in_each_language()
    {
        var content = (await ReadAsync(H1))!;

        var keys = content.Proposals.Select(p => p.Key).ToList();
        Assert.Equal(
            ["states-without-entry", "quiet-states", "low-autonomy", "unmet-demand:140", "unanswered-matches"],
            keys.Where(k => !k.StartsWith("action-at-risk:", StringComparison.Ordinal)));
        Assert.Equal(
            content.Figures.Actions.Where(a => a.Status == "at-risk").Select(a => $"action-at-risk:{a.Number}"),
            keys.Where(k => k.StartsWith("action-at-risk:", StringComparison.Ordinal)));
        Assert.All(content.Proposals, p => Assert.Equal(ProposalDecision.Pending, p.Decision));

        var unmet = content.Proposals.Single(p => p.Key == "unmet-demand:140");
        Assert.Equal("Demanda en «Abastecimiento de agua y saneamiento» sin respuesta desde hace seis meses (1 demandas): convocar expertos.", ReportComposer.TextOf(unmet, content.Figures, "es"));
        Assert.StartsWith("Demand in “Water Supply & Sanitation” unmet for six months", ReportComposer.TextOf(unmet, content.Figures, "en"));
        Assert.Contains("AR", content.Figures.QuietStates);
        Assert.Contains("Argentina, México", ReportComposer.TextOf(content.Proposals.Single(p => p.Key == "quiet-states"), content.Figures, "es"));
    }

    [Fact]
    public async Task Issuing_freezes_the_figures_and_the_kept_proposals_for_good()
    {
        Assert.Null(await WithReportsAsync(r => r.DecideAsync(H1, "unmet-demand:140", ProposalDecision.Accepted, "Convocar expertos en agua potable para Argentina.", "es", "Secretaría", Ct)));
        Assert.Null(await WithReportsAsync(r => r.DecideAsync(H1, "quiet-states", ProposalDecision.Dropped, null, null, "Secretaría", Ct)));
        Assert.Null(await WithReportsAsync(r => r.DecideAsync(H1, "states-without-entry", ProposalDecision.Accepted, null, null, "Secretaría", Ct)));
        var (own, ownError) = await WithReportsAsync(r => r.ProposeAsync(H1, "Publicar una guía breve para puntos focales.", "es", "Secretaría", Ct));
        Assert.Null(ownError);
        Assert.Null(await WithReportsAsync(r => r.IssueAsync(H1, "Secretaría", Ct)));
        var issued = (await ReadAsync(H1))!;

        // Later: a new demand backdated into the semester, a decision attempt, a second issue.
        await host.WithDbAsync(db =>
        {
            db.Entries.Add(ADemand().From("JM").InSector("14020").Build(new DateTimeOffset(2024, 6, 20, 12, 0, 0, TimeSpan.Zero)));
            return db.SaveChangesAsync();
        });
        var recomputed = await host.InScopeAsync(sp => sp.GetRequiredService<SemesterFiguresCalculator>().ComputeAsync(H1, new DateOnly(2024, 8, 10), Ct));
        Assert.Equal(3, recomputed.Current.DemandsPublished);
        Assert.Equal(ReportError.AlreadyIssued, await WithReportsAsync(r => r.DecideAsync(H1, "quiet-states", ProposalDecision.Accepted, null, null, "Secretaría", Ct)));
        Assert.Equal(ReportError.AlreadyIssued, await WithReportsAsync(r => r.IssueAsync(H1, "Secretaría", Ct)));

        var again = (await ReadAsync(H1))!;
        Assert.True(again.IsIssued);
        Assert.Equal(2, again.Figures.Current.DemandsPublished);
        Assert.Equal(issued.Figures.Current, again.Figures.Current);
        Assert.Equal(["states-without-entry", "unmet-demand:140", own], again.Proposals.Select(p => p.Key));
        Assert.All(again.Proposals, p => Assert.Equal(ProposalDecision.Accepted, p.Decision));
        Assert.Equal("Convocar expertos en agua potable para Argentina.", again.Proposals[1].Text);
        Assert.Equal(["2024H1"], (await WithReportsAsync(r => r.IssuedAsync(Ct))).Select(r => r.Semester));
    }

    [Fact]
    public async Task A_semester_is_issued_only_once_it_is_over_and_one_not_begun_has_no_report()
    {
        Assert.Equal(ReportError.SemesterNotOver, await WithReportsAsync(r => r.IssueAsync(new Semester(2024, 2), "Secretaría", Ct)));
        Assert.Equal(ReportError.NotStarted, await WithReportsAsync(r => r.IssueAsync(new Semester(2025, 1), "Secretaría", Ct)));
        Assert.Null(await ReadAsync(new Semester(2025, 1)));
        Assert.Equal(ReportError.UnknownProposal, await WithReportsAsync(r => r.DecideAsync(H1, "unmet-demand:999", ProposalDecision.Accepted, null, null, "Secretaría", Ct)));
        Assert.Equal(ReportError.TextRequired, (await WithReportsAsync(r => r.ProposeAsync(H1, "  ", "es", "Secretaría", Ct))).Error);
        Assert.Equal(ReportError.Language, (await WithReportsAsync(r => r.ProposeAsync(H1, "Texto", "de", "Secretaría", Ct))).Error);
        Assert.Empty(await WithReportsAsync(r => r.IssuedAsync(Ct)));
    }

    [Fact]
    public async Task Decisions_are_recorded_in_the_audit_trail()
    {
        Assert.Null(await WithReportsAsync(r => r.DecideAsync(H1, "quiet-states", ProposalDecision.Dropped, null, null, "Secretaría", Ct)));

        var audited = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(ReportProposal) || a.Entity == nameof(SemesterReport)).Select(a => a.Entity).ToListAsync(Ct));
        Assert.Contains(nameof(SemesterReport), audited);
        Assert.Contains(nameof(ReportProposal), audited);
    }

    [Fact]
    public async Task A_semester_without_activity_says_so_in_every_language()
    {
        var content = (await ReadAsync(new Semester(2022, 1)))!;

        Assert.True(content.Figures.Current.IsQuiet);
        Assert.Equal(0, content.Figures.Current.StatesWithEntry);
        foreach (var (language, words) in new[] { ("es", "No se registró ninguna actividad"), ("en", "No activity was recorded"), ("pt", "Nenhuma atividade"), ("fr", "Aucune activité") })
        {
            var document = ReportComposer.Compose(content, language);
            var first = document.Sections[0].Blocks.OfType<ReportParagraph>().First();
            Assert.StartsWith(words, first.Text, StringComparison.Ordinal);
            Assert.NotNull(document.DraftMark);
        }
    }

    [Theory]
    [InlineData("es", "Ofertas publicadas", "Demanda en «Abastecimiento de agua y saneamiento»")]
    [InlineData("en", "Offers published", "Demand in “Water Supply & Sanitation”")]
    [InlineData("pt", "Ofertas publicadas", "Argentina")]
    [InlineData("fr", "Offres publiées", "Argentine")]
    public async Task The_pdf_has_at_most_four_pages_and_the_figures_of_the_semester(string language, string offersLabel, string proposal)
    {
        var content = (await ReadAsync(H1))!;

        using var pdf = PdfFile.Of(ReportComposer.Compose(content, language));

        Assert.InRange(await pdf.PageCountAsync(), 1, 4);
        var text = await pdf.TextAsync();
        // This semester 2, the previous one 1, a change of +1: the row as pdftotext lays it out.
        Assert.Matches($@"{offersLabel}\s+2\s+1\s+\+1", text);
        Assert.Contains(proposal, Flatten(text), StringComparison.Ordinal);
        Assert.Contains("2023H2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_files_of_every_format_are_written_in_the_asked_language()
    {
        var content = (await ReadAsync(H1))!;

        var pdf = ReportFiles.Write(content, "fr", ReportFiles.Pdf);
        var docx = ReportFiles.Write(content, "pt", ReportFiles.Docx);
        var html = ReportFiles.Write(content, "en", ReportFiles.Html);

        Assert.Equal(("application/pdf", "cooperanet-report-2024H1-fr-draft.pdf"), (pdf.ContentType, pdf.FileName));
        Assert.True(pdf.Content.AsSpan().StartsWith("%PDF-"u8));
        Assert.Equal("cooperanet-report-2024H1-pt-draft.docx", docx.FileName);
        Assert.True(docx.Content.AsSpan().StartsWith("PK"u8));
        var page = System.Text.Encoding.UTF8.GetString(html.Content);
        Assert.Contains("lang=\"en\"", page, StringComparison.Ordinal);
        Assert.Contains("Offers published", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_texts_have_the_same_keys_in_the_four_languages()
    {
        var keys = ReportTexts.Shared.Keys;
        Assert.Equal(["es", "en", "pt", "fr"], keys.Keys.Order(Comparer<string>.Create((a, b) => IndexOf(a).CompareTo(IndexOf(b)))));
        foreach (var language in keys.Keys)
        {
            Assert.Equal(keys["es"].Order(StringComparer.Ordinal), keys[language].Order(StringComparer.Ordinal));
        }

        static int IndexOf(string language) => Array.IndexOf(["es", "en", "pt", "fr"], language);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The text with its line breaks and runs of spaces as single spaces (pdftotext breaks lines).</summary>
    private static string Flatten(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 15, 0, 0, TimeSpan.Zero);

    private Task<ReportContent?> ReadAsync(Semester semester) => WithReportsAsync(r => r.ReadAsync(semester, Ct));

    private Task<T> WithReportsAsync<T>(Func<SemesterReports, Task<T>> work) =>
        host.InScopeAsync(sp => work(sp.GetRequiredService<SemesterReports>()));
}
