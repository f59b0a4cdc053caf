using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Tests.Experts;

public sealed class ExpertCallsTests : IAsyncLifetime
{
    private const string Secretariat = "sec@oas.org";
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private CallDetails Details() => new(
        "Expertos en agua potable rural",
        "Misiones de diseño de sistemas de agua potable en comunidades rurales andinas.",
        "es",
        ["14030"],
        ["es"],
        ["PE", "BO"],
        "Agua y saneamiento",
        host.Clock.GetUtcNow().AddDays(20));

    private async Task<ExpertCall> PublishedCallAsync()
    {
        var (call, error) = await host.CallsAsync(c => c.CreateAsync(Details(), Secretariat, Ct));
        Assert.Null(error);
        Assert.Null(await host.CallsAsync(c => c.PublishAsync(call!.Id, Ct)));
        return call!;
    }

    [Fact]
    public async Task A_call_is_opened_published_and_closed_and_each_step_is_stored()
    {
        var (call, error) = await host.CallsAsync(c => c.CreateAsync(Details(), Secretariat, Ct));
        Assert.Null(error);
        Assert.Equal(CallStatus.Draft, (await host.CallsAsync(c => c.FindAsync(call!.Id, Ct)))!.Status);

        Assert.Null(await host.CallsAsync(c => c.EditAsync(call!.Id, Details() with { Title = "Ingeniería de agua rural" }, Ct)));
        Assert.Null(await host.CallsAsync(c => c.PublishAsync(call!.Id, Ct)));
        Assert.Equal(ExpertError.IllegalTransition, await host.CallsAsync(c => c.PublishAsync(call!.Id, Ct)));
        Assert.Null(await host.CallsAsync(c => c.CloseAsync(call!.Id, Ct)));

        var stored = (await host.CallsAsync(c => c.FindAsync(call!.Id, Ct)))!;
        Assert.Equal((CallStatus.Closed, "Ingeniería de agua rural", Secretariat), (stored.Status, stored.Title, stored.CreatedBy));
        Assert.Equal(["14030"], stored.Sectors);
        Assert.Equal(["PE", "BO"], stored.Countries);
        Assert.Equal(ExpertError.NotFound, await host.CallsAsync(c => c.PublishAsync(Guid.NewGuid(), Ct)));
    }

    [Fact]
    public async Task A_call_with_an_unknown_sector_country_or_language_is_not_stored()
    {
        var sector = await host.CallsAsync(c => c.CreateAsync(Details() with { Sectors = ["99999"] }, Secretariat, Ct));
        var country = await host.CallsAsync(c => c.CreateAsync(Details() with { Countries = ["XX"] }, Secretariat, Ct));
        var language = await host.CallsAsync(c => c.CreateAsync(Details() with { Languages = ["zz"] }, Secretariat, Ct));

        Assert.Equal((ExpertError.Invalid("sectors"), ExpertError.Invalid("countries"), ExpertError.Invalid("languages")), (sector.Error, country.Error, language.Error));
        Assert.Equal(0, await host.DbAsync(db => db.ExpertCalls.CountAsync(Ct)));
    }

    [Fact]
    public async Task Vetting_takes_an_application_from_received_to_approved_and_the_expert_into_the_roster()
    {
        var call = await PublishedCallAsync();
        var expert = await host.ApplicantAsync("lucia@example.org", ExpertFixtures.Water("Lucía Fernández"));

        var (application, error) = await host.CallsAsync(c => c.ApplyAsync(call.Id, expert.Id, "Diseñé 40 sistemas rurales en Bolivia.", Ct));
        Assert.Null(error);
        Assert.Equal(ExpertError.IllegalTransition, await host.CallsAsync(c => c.MoveAsync(application!.Id, ApplicationMove.Approve, null, Secretariat, Ct)));
        Assert.Null(await host.CallsAsync(c => c.MoveAsync(application!.Id, ApplicationMove.Shortlist, null, Secretariat, Ct)));
        Assert.Null(await host.CallsAsync(c => c.MoveAsync(application!.Id, ApplicationMove.Interview, null, Secretariat, Ct)));
        host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await host.CallsAsync(c => c.MoveAsync(application!.Id, ApplicationMove.Approve, null, Secretariat, Ct)));

        var stored = await host.DbAsync(db => db.CallApplications.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((ApplicationStatus.Approved, Secretariat, host.Clock.GetUtcNow()), (stored.Status, stored.DecidedBy, stored.DecidedAt));
        var profile = await host.ProfileAsync(expert.Id);
        Assert.Equal(host.Clock.GetUtcNow(), profile.InRosterSince);
        Assert.Equal(host.Clock.GetUtcNow(), profile.UpdatedAt);
    }

    [Fact]
    public async Task A_rejection_is_stored_with_its_reason_and_without_one_nothing_changes()
    {
        var call = await PublishedCallAsync();
        var expert = await host.ApplicantAsync("lucia@example.org", ExpertFixtures.Water("Lucía Fernández"));
        var (application, _) = await host.CallsAsync(c => c.ApplyAsync(call.Id, expert.Id, "Motivación suficiente.", Ct));

        Assert.Equal(ExpertError.Required("reason"), await host.CallsAsync(c => c.MoveAsync(application!.Id, ApplicationMove.Reject, " ", Secretariat, Ct)));
        Assert.Null(await host.CallsAsync(c => c.MoveAsync(application!.Id, ApplicationMove.Reject, "Perfil urbano, no rural.", Secretariat, Ct)));

        var stored = await host.DbAsync(db => db.CallApplications.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((ApplicationStatus.Rejected, "Perfil urbano, no rural."), (stored.Status, stored.RejectionReason));
        Assert.False((await host.ProfileAsync(expert.Id)).IsInRoster);
    }

    [Fact]
    public async Task An_expert_applies_once_and_only_before_the_deadline()
    {
        var call = await PublishedCallAsync();
        var lucia = await host.ApplicantAsync("lucia@example.org", ExpertFixtures.Water("Lucía Fernández"));
        var pedro = await host.ApplicantAsync("pedro@example.org", ExpertFixtures.Water("Pedro Quispe"));

        Assert.Null((await host.CallsAsync(c => c.ApplyAsync(call.Id, lucia.Id, "Primera vez.", Ct))).Error);
        Assert.Equal(ExpertError.AlreadyApplied, (await host.CallsAsync(c => c.ApplyAsync(call.Id, lucia.Id, "Segunda vez.", Ct))).Error);
        host.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(ExpertError.CallNotOpen, (await host.CallsAsync(c => c.ApplyAsync(call.Id, pedro.Id, "Tarde.", Ct))).Error);
        Assert.Equal(ExpertError.NotFound, (await host.CallsAsync(c => c.ApplyAsync(Guid.NewGuid(), pedro.Id, "¿Qué convocatoria?", Ct))).Error);

        Assert.Equal(1, await host.DbAsync(db => db.CallApplications.CountAsync(Ct)));
    }

    [Fact]
    public async Task Evaluators_review_once_each_a_conflict_gives_no_score_and_the_list_shows_the_mean()
    {
        var call = await PublishedCallAsync();
        var lucia = await host.ApplicantAsync("lucia@example.org", ExpertFixtures.Water("Lucía Fernández"));
        var pedro = await host.ApplicantAsync("pedro@example.org", ExpertFixtures.Water("Pedro Quispe"));
        var (first, _) = await host.CallsAsync(c => c.ApplyAsync(call.Id, lucia.Id, "Diseñé sistemas rurales.", Ct));
        await host.CallsAsync(c => c.ApplyAsync(call.Id, pedro.Id, "Opero plantas de tratamiento.", Ct));

        Assert.Null(await host.CallsAsync(c => c.ReviewAsync(first!.Id, "ana@oas.org", new ReviewScores(5, 5, 4, 4), "Muy sólida", Ct)));
        Assert.Null(await host.CallsAsync(c => c.ReviewAsync(first!.Id, "luis@oas.org", new ReviewScores(4, 4, 4, 4), null, Ct)));
        Assert.Null(await host.CallsAsync(c => c.ReviewAsync(first!.Id, "marta@oas.org", null, "Fue mi alumna de maestría.", Ct)));
        Assert.Equal(ExpertError.AlreadyReviewed, await host.CallsAsync(c => c.ReviewAsync(first!.Id, "ana@oas.org", new ReviewScores(1, 1, 1, 1), null, Ct)));
        Assert.Equal(ExpertError.ScoreRange("experience"), await host.CallsAsync(c => c.ReviewAsync(first!.Id, "jose@oas.org", new ReviewScores(3, 7, 3, 3), null, Ct)));

        var list = await host.CallsAsync(c => c.ApplicationsAsync(call.Id, Ct));

        Assert.Equal(["Lucía Fernández", "Pedro Quispe"], list.Select(a => a.ExpertName));
        Assert.Equal((3, 1, 4.25), (list[0].Reviews, list[0].Conflicts, list[0].MeanScore));
        Assert.Null(list[1].MeanScore);
        var conflict = await host.DbAsync(db => db.ApplicationReviews.AsNoTracking().SingleAsync(r => r.ConflictOfInterest, Ct));
        Assert.Equal(("marta@oas.org", (int?)null, "Fue mi alumna de maestría."), (conflict.Evaluator, conflict.ExpertiseFit, conflict.Note));
    }
}
