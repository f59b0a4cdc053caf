using CooperaNet.Application.Experts;
using CooperaNet.Application.Tests.Matching;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Tests.Experts;

public sealed class ExpertAssignmentsTests : IAsyncLifetime
{
    private const string Secretariat = "sec@oas.org";
    private static readonly DateOnly Start = new(2026, 4, 1);
    private static readonly DateOnly End = new(2026, 4, 20);
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private async Task<Guid> DemandOfPeruAsync() => (await host.Services.PublishAsync(Pairing.WaterDemand().From("PE")))[0];

    private async Task<ExpertAssignment> AssignAsync(Guid expertId, Guid demandId)
    {
        var (assignment, error) = await host.AssignmentsAsync(a => a.AssignAsync(new AssignmentInput(expertId, demandId, null, "Ingeniera de agua", Start, End), Secretariat, Ct));
        Assert.Null(error);
        return assignment!;
    }

    [Fact]
    public async Task An_assignment_to_a_demand_is_accepted_completed_and_evaluated_by_the_demanding_state_and_the_roster_shows_it()
    {
        var lucia = await host.InRosterAsync("lucia@example.org", ExpertFixtures.Water("Lucía Fernández"));
        var pedro = await host.InRosterAsync("pedro@example.org", ExpertFixtures.Water("Pedro Quispe"));
        var demand = await DemandOfPeruAsync();
        var first = await AssignAsync(lucia.Id, demand);
        var second = await AssignAsync(lucia.Id, demand);
        Assert.Equal("PE", first.ReceivingState);

        foreach (var assignment in new[] { first, second })
        {
            Assert.Null(await host.AssignmentsAsync(a => a.AcceptAsync(assignment.Id, lucia.Id, Ct)));
        }

        host.Clock.Advance(TimeSpan.FromDays(50));
        foreach (var (assignment, score) in new[] { (first, 5), (second, 4) })
        {
            Assert.Null(await host.AssignmentsAsync(a => a.CompleteAsync(assignment.Id, Ct)));
            Assert.Null(await host.AssignmentsAsync(a => a.EvaluateAsync(assignment.Id, score, "Buen trabajo con las juntas de agua.", "ana@apc.gob.pe", Ct)));
        }

        Assert.Equal(ExpertError.AlreadyEvaluated, await host.AssignmentsAsync(a => a.EvaluateAsync(first.Id, 1, "Cambio de opinión", "ana@apc.gob.pe", Ct)));
        var roster = await host.AssignmentsAsync(a => a.RosterAsync(Ct));
        Assert.Equal(["Lucía Fernández", "Pedro Quispe"], roster.Select(r => r.FullName));
        Assert.Equal((2, 2, (double?)4.5), (roster[0].CompletedMissions, roster[0].Evaluations, roster[0].AverageEvaluation));
        Assert.Equal((0, (double?)null), (roster[1].Evaluations, roster[1].AverageEvaluation));
        Assert.Equal(pedro.Id, roster[1].Id);
        var stored = await host.DbAsync(db => db.ExpertAssignments.AsNoTracking().SingleAsync(a => a.Id == first.Id, Ct));
        Assert.Equal((AssignmentStatus.Completed, 5, "ana@apc.gob.pe"), (stored.Status, stored.EvaluationScore, stored.EvaluatedBy));
    }

    [Fact]
    public async Task Only_the_assigned_expert_answers_and_a_declined_assignment_keeps_its_reason()
    {
        var lucia = await host.InRosterAsync("lucia@example.org", ExpertFixtures.Water("Lucía Fernández"));
        var pedro = await host.InRosterAsync("pedro@example.org", ExpertFixtures.Water("Pedro Quispe"));
        var assignment = await AssignAsync(lucia.Id, await DemandOfPeruAsync());

        Assert.Equal(ExpertError.WrongExpert, await host.AssignmentsAsync(a => a.AcceptAsync(assignment.Id, pedro.Id, Ct)));
        Assert.Equal(ExpertError.Required("reason"), await host.AssignmentsAsync(a => a.DeclineAsync(assignment.Id, lucia.Id, "", Ct)));
        Assert.Null(await host.AssignmentsAsync(a => a.DeclineAsync(assignment.Id, lucia.Id, "Estoy en otra misión en abril.", Ct)));
        Assert.Equal(ExpertError.IllegalTransition, await host.AssignmentsAsync(a => a.CompleteAsync(assignment.Id, Ct)));

        var stored = await host.DbAsync(db => db.ExpertAssignments.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((AssignmentStatus.Declined, "Estoy en otra misión en abril."), (stored.Status, stored.DeclineReason));
    }

    [Fact]
    public async Task An_expert_outside_the_roster_or_an_unknown_demand_gets_no_assignment()
    {
        var applicant = await host.ApplicantAsync("nuevo@example.org", ExpertFixtures.Water("Aún No Aprobado"));
        var lucia = await host.InRosterAsync("lucia@example.org", ExpertFixtures.Water("Lucía Fernández"));
        var demand = await DemandOfPeruAsync();

        var outside = await host.AssignmentsAsync(a => a.AssignAsync(new AssignmentInput(applicant.Id, demand, null, "Ingeniero", Start, End), Secretariat, Ct));
        var unknown = await host.AssignmentsAsync(a => a.AssignAsync(new AssignmentInput(lucia.Id, Guid.NewGuid(), null, "Ingeniera", Start, End), Secretariat, Ct));
        var both = await host.AssignmentsAsync(a => a.AssignAsync(new AssignmentInput(lucia.Id, demand, Guid.NewGuid(), "Ingeniera", Start, End), Secretariat, Ct));

        Assert.Equal((ExpertError.NotInRoster, ExpertError.NotFound, ExpertError.OneTarget), (outside.Error, unknown.Error, both.Error));
        Assert.Equal(0, await host.DbAsync(db => db.ExpertAssignments.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_assignment_to_an_initiative_is_evaluated_by_its_receiver()
    {
        var lucia = await host.InRosterAsync("lucia@example.org", ExpertFixtures.Water("Lucía Fernández"));
        var initiative = new Initiative
        {
            Id = Guid.NewGuid(),
            Title = "Agua rural Perú–México",
            Language = "es",
            Modality = CooperationModality.Bilateral,
            CreatedAt = host.Clock.GetUtcNow(),
            Participants = [new() { StateCode = "MX", Role = ParticipantRole.Offerer }, new() { StateCode = "PE", Role = ParticipantRole.Receiver }],
        };
        await host.DbAsync(db =>
        {
            db.Initiatives.Add(initiative);
            return db.SaveChangesAsync(Ct);
        });

        var (assignment, error) = await host.AssignmentsAsync(a => a.AssignAsync(new AssignmentInput(lucia.Id, null, initiative.Id, "Formadora", Start, End), Secretariat, Ct));

        Assert.Null(error);
        Assert.Equal((initiative.Id, "PE"), (assignment!.InitiativeId, assignment.ReceivingState));
    }
}
