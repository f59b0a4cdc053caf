using CooperaNet.Application.Data;
using CooperaNet.Application.WorkPlans;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Application.Tests.Matching.EntryBuilder;

namespace CooperaNet.Application.Tests.WorkPlans;

/// <summary>
/// The seeded plan 2023-2024 tracked on 15 July 2024 over a small, hand-counted history:
/// <list type="bullet">
/// <item>Argentina's demand, published 2022-11-05 (before the plan: the baselines count it);</item>
/// <item>Colombia's offer, 2023-03-10, and demand, 2023-09-20; Brazil's offer, 2024-02-01;</item>
/// <item>Uruguay's draft (never published) and Peru's offer, published 2023-05-01 then deleted: neither counts;</item>
/// <item>Colombia's offer and Argentina's demand agreed by both sides on 2023-10-01, brokered on 2024-03-01;
/// another pair only one side wants;</item>
/// <item>action 3's reports recorded with evidence: 1 as of 2023-06-30, 2 as of 2023-12-15.</item>
/// </list>
/// </summary>
public sealed class WorkPlanTrackerTests : IAsyncLifetime
{
    private const string Plan = "AICD-GT3-2023-2024";
    private static readonly DateTimeOffset Today = new(2024, 7, 15, 12, 0, 0, TimeSpan.Zero);
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = new(Today);
    private DataHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await DataHost.StartAsync();
        await host.WithDbAsync(async db =>
        {
            var arDemand = ADemand().From("AR").Build(At(2022, 11, 5));
            var coOffer = AnOffer().From("CO").Build(At(2023, 3, 10));
            var coDemand = ADemand().From("CO").Build(At(2023, 9, 20));
            var brOffer = AnOffer().From("BR").Build(At(2024, 2, 1));
            var peOffer = AnOffer().From("PE").Build(At(2023, 5, 1));
            Assert.Null(peOffer.Delete(At(2023, 6, 1)));
            var uyDraft = new CatalogEntry { Id = Guid.NewGuid(), Kind = EntryKind.Offer, StateCode = "UY", Language = "es", Title = "Borrador", Summary = "Sin publicar.", Institution = "AUCI", CreatedAt = At(2023, 2, 1), UpdatedAt = At(2023, 2, 1) };
            db.Entries.AddRange(arDemand, coOffer, coDemand, brOffer, peOffer, uyDraft);

            var agreed = Pair.Propose(Guid.NewGuid(), coOffer.Id, "CO", arDemand.Id, "AR", 0.7, "[]", At(2023, 9, 1));
            Assert.Null(agreed.ExpressInterest(PairSide.Offer, At(2023, 9, 15)));
            Assert.Null(agreed.ExpressInterest(PairSide.Demand, At(2023, 10, 1)));
            var waiting = Pair.Propose(Guid.NewGuid(), brOffer.Id, "BR", coDemand.Id, "CO", 0.5, "[]", At(2024, 2, 2));
            Assert.Null(waiting.ExpressInterest(PairSide.Offer, At(2024, 2, 3)));
            var initiative = new Initiative
            {
                Id = Guid.NewGuid(),
                Title = "Riego",
                Language = "es",
                PairId = agreed.Id,
                CreatedAt = At(2024, 3, 1),
                Participants = [new InitiativeParticipant { StateCode = "CO", Role = ParticipantRole.Offerer }, new InitiativeParticipant { StateCode = "AR", Role = ParticipantRole.Receiver }],
            };
            Assert.Null(agreed.Broker(initiative.Id, At(2024, 3, 1)));
            db.Pairs.AddRange(agreed, waiting);
            db.Initiatives.Add(initiative);

            var recorder = await db.Users.FirstOrDefaultAsync() ?? await AddUserAsync(db);
            var reports = await db.WorkPlanIndicators.Include(i => i.Evidence)
                .SingleAsync(i => db.WorkPlanActions.Any(a => a.Id == i.ActionId && a.WorkPlanCode == Plan && a.Number == 3));
            Assert.Null(reports.Record(1, new(2023, 6, 30), "https://www.oas.org/es/aicd/informe-1.pdf", "Primer informe", recorder.Id, "Secretaría", At(2023, 7, 2)));
            Assert.Null(reports.Record(2, new(2023, 12, 15), "https://www.oas.org/es/aicd/informe-2.pdf", "Segundo informe", recorder.Id, "Secretaría", At(2023, 12, 16)));
            return await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Computed_indicators_count_what_was_published_agreed_and_brokered_by_today()
    {
        var action = await ActionAsync(5);

        // Baselines as of 2022-12-31; current values on 2024-07-15.
        Assert.Equal(
            [("5.1", 1, 35, 3), ("5.2", 0, 35, 2), ("5.3", 1, 35, 2), ("5.4", 0, 10, 1), ("5.5", 0, 5, 1), ("5.6", 0, 35, 0)],
            action.Indicators.Select(i => (i.Code, i.Baseline, i.Target, i.Current)));
        Assert.All(action.Indicators, i => Assert.True(i.Computed));
    }

    [Fact]
    public async Task Guidelines_count_once_their_approval_is_recorded_and_agreements_once_signed()
    {
        await host.WithDbAsync(async db =>
        {
            foreach (var (slug, approvedOn) in new[] { ("relaciones", At(2024, 3, 12)), ("sin-aprobar", (DateTimeOffset?)null), ("aprobada-tarde", At(2024, 8, 1)) })
            {
                var guideline = new Domain.Guidelines.Guideline { Id = Guid.NewGuid(), Slug = slug, Purpose = Domain.LocalizedText.Of("Propósito", null, null, null), CreatedAt = At(2023, 5, 1) };
                var version = guideline.NewVersion(null, At(2023, 5, 1));
                Assert.Null(guideline.StartConsultation(version, At(2023, 6, 1)));
                if (approvedOn is { } at)
                {
                    Assert.Null(version.Approve(null, "Secretaría", at, "Reunión del Grupo de Trabajo", DateOnly.FromDateTime(at.UtcDateTime), null));
                }

                db.Guidelines.Add(guideline);
            }

            var segib = new Domain.Partners.PartnerOrganisation { Id = Guid.NewGuid(), Name = "SEGIB" };
            db.PartnerOrganisations.Add(segib);
            var signed = Agreement(segib.Id, "Memorando con la SEGIB", new DateOnly(2023, 11, 20));
            var deleted = Agreement(segib.Id, "Carta de intención retirada", new DateOnly(2024, 1, 15));
            Assert.Null(deleted.Delete(At(2024, 2, 1)));
            db.PartnerAgreements.AddRange(signed, deleted, Agreement(segib.Id, "En negociación", null), Agreement(segib.Id, "Firmado después", new DateOnly(2024, 9, 1)));
            return await db.SaveChangesAsync();
        });

        var guidelines = (await ActionAsync(2)).Indicators.Single(i => i.Measure == "guidelines-approved");
        var agreements = (await ActionAsync(1)).Indicators.Single(i => i.Measure == "partner-agreements");

        Assert.Equal((0, 1), (guidelines.Baseline, guidelines.Current));
        Assert.Equal((0, 1), (agreements.Baseline, agreements.Current));
        Assert.True((await ActionAsync(5)).Indicators.Single(i => i.Measure == "pairs-agreed").Computed);
    }

    private static Domain.Partners.PartnerAgreement Agreement(Guid organisation, string title, DateOnly? signedOn) =>
        new() { Id = Guid.NewGuid(), OrganisationId = organisation, Title = title, SignedOn = signedOn, Status = signedOn is null ? Domain.Partners.AgreementStatus.UnderNegotiation : Domain.Partners.AgreementStatus.Signed };

    [Fact]
    public async Task Each_semester_milestone_shows_the_value_reached_at_its_end_and_the_value_expected()
    {
        var action = await ActionAsync(5);

        Assert.Equal(["2023H1", "2023H2", "2024H1", "2024H2"], action.Milestones.Select(m => m.Semester));
        // States with an entry: AR and CO by mid-2023 and the end of 2023, BR too by mid-2024; the running semester shows today's.
        Assert.Equal([2, 2, 3, 3], action.Milestones.Select(m => m.Values.Single(v => v.Indicator == "5.1").Reached));
        Assert.Equal([1, 1, 2, 2], action.Milestones.Select(m => m.Values.Single(v => v.Indicator == "5.2").Reached));
        Assert.Equal([0, 1, 1, 1], action.Milestones.Select(m => m.Values.Single(v => v.Indicator == "5.4").Reached));
        Assert.Equal([0, 0, 1, 1], action.Milestones.Select(m => m.Values.Single(v => v.Indicator == "5.5").Reached));
        // From 1 to 35 over 731 days: 181 days in by 2023-06-30 is 8.4 more, rounded up to 9.
        Assert.Equal(10, action.Milestones[0].Values.Single(v => v.Indicator == "5.1").Expected);
        Assert.Equal(35, action.Milestones[^1].Values.Single(v => v.Indicator == "5.1").Expected);
    }

    [Fact]
    public async Task A_recorded_indicator_takes_its_latest_evidence_and_shows_who_recorded_it()
    {
        var action = await ActionAsync(3);

        var reports = Assert.Single(action.Indicators);
        Assert.False(reports.Computed);
        Assert.Equal((0, 2, 2), (reports.Baseline, reports.Target, reports.Current));
        Assert.Equal(["https://www.oas.org/es/aicd/informe-2.pdf", "https://www.oas.org/es/aicd/informe-1.pdf"], reports.Evidence.Select(e => e.Link));
        Assert.All(reports.Evidence, e => Assert.Equal("Secretaría", e.RecordedBy));
        Assert.Equal([1, 2], action.Milestones.Select(m => m.Values.Single().Reached));
    }

    [Fact]
    public async Task Statuses_follow_the_rule_on_todays_figures()
    {
        var plan = await TrackAsync(Plan);

        // 3: both reports recorded. 5: about 7% of the way with 77% of the calendar gone. 1, 2, 4: calendars ended or far behind.
        Assert.Equal(
            [ActionStatus.AtRisk, ActionStatus.AtRisk, ActionStatus.Done, ActionStatus.AtRisk, ActionStatus.AtRisk],
            plan.Actions.Select(a => a.Status));
        var five = plan.Actions.Single(a => a.Number == 5);
        Assert.Equal(562.0 / 731, five.Expected, 6);
        Assert.Equal(((2.0 / 34) + (2.0 / 35) + (1.0 / 34) + (1.0 / 10) + (1.0 / 5) + 0) / 6, five.Progress, 6);
    }

    [Fact]
    public async Task A_copy_for_the_next_period_is_not_started_while_its_calendar_is_ahead()
    {
        await host.WithDbAsync(async db =>
        {
            var source = await db.WorkPlans.AsNoTracking()
                .Include(p => p.Actions).ThenInclude(a => a.Indicators)
                .Include(p => p.Actions).ThenInclude(a => a.Steps)
                .Include(p => p.Actions).ThenInclude(a => a.Mandates)
                .AsSplitQuery().SingleAsync(p => p.Code == Plan);
            db.WorkPlans.Add(source.CopyAs("AICD-GT3-2025-2026", 2025, DateOnly.FromDateTime(Today.UtcDateTime)));
            return await db.SaveChangesAsync();
        });

        var copy = await TrackAsync("AICD-GT3-2025-2026");

        Assert.All(copy.Actions, a => Assert.Equal(ActionStatus.NotStarted, a.Status));
        Assert.Equal("AICD-GT3-2023-2024", copy.CopiedFrom);
        Assert.True(copy.IsEditable);
        var reports = Assert.Single(copy.Actions.Single(a => a.Number == 3).Indicators);
        Assert.Empty(reports.Evidence);
        Assert.Equal(0, reports.Current);
    }

    [Fact]
    public async Task Joint_events_count_once_held_and_experts_while_in_the_roster()
    {
        await host.WithDbAsync(async db =>
        {
            db.Events.AddRange(
                AnEvent("Taller con la SEGIB", "SEGIB", At(2024, 5, 10), publish: true),
                AnEvent("Seminario con MERCOSUR", "MERCOSUR\nSEGIB", At(2023, 11, 2), publish: true),
                AnEvent("Panel sin socios", string.Empty, At(2024, 4, 1), publish: true),
                AnEvent("Exposición aún por venir", "SEGIB", At(2024, 9, 1), publish: true),
                AnEvent("Borrador con socios", "MERCOSUR", At(2024, 2, 1), publish: false));
            for (var i = 0; i < 3; i++)
            {
                var user = new Identity.ApplicationUser { Id = Guid.NewGuid(), UserName = $"experto{i}@example.org", Email = $"experto{i}@example.org", DisplayName = $"Experto {i}" };
                db.Users.Add(user);
                var profile = new Domain.Experts.ExpertProfile { Id = Guid.NewGuid(), UserId = user.Id, FullName = $"Experto {i}", Nationality = "CO" };
                profile.JoinRoster(At(2024, 1, 10 + i));
                if (i == 2)
                {
                    profile.LeaveRoster(At(2024, 6, 1));
                }

                db.ExpertProfiles.Add(profile);
            }

            return await db.SaveChangesAsync();
        });

        var events = (await ActionAsync(4)).Indicators.Single(i => i.Measure == "events-held");
        var experts = (await ActionAsync(5)).Indicators.Single(i => i.Measure == "experts-in-roster");

        Assert.Equal((0, 2), (events.Baseline, events.Current));
        Assert.Equal((0, 2), (experts.Baseline, experts.Current));
    }

    private static Domain.Events.Event AnEvent(string title, string coOrganisers, DateTimeOffset startsAt, bool publish)
    {
        var item = new Domain.Events.Event
        {
            Id = Guid.NewGuid(),
            Title = title,
            CoOrganisers = coOrganisers,
            TimeZoneId = "America/Bogota",
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(3),
            CreatedAt = startsAt.AddMonths(-1),
            UpdatedAt = startsAt.AddMonths(-1),
        };
        if (publish)
        {
            Assert.Null(item.Publish(startsAt.AddMonths(-1)));
        }

        return item;
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 15, 0, 0, TimeSpan.Zero);

    private static async Task<Identity.ApplicationUser> AddUserAsync(CooperaNetDbContext db)
    {
        var user = new Identity.ApplicationUser { Id = Guid.NewGuid(), UserName = "sec@example.org", Email = "sec@example.org", DisplayName = "Secretaría" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    private Task<TrackedPlan> TrackAsync(string code) => host.WithDbAsync(async db =>
        await new WorkPlanTracker(db, new IndicatorCalculator(db), clock).TrackAsync(code, "es", TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException(code));

    private async Task<TrackedAction> ActionAsync(int number) => (await TrackAsync(Plan)).Actions.Single(a => a.Number == number);
}
