using CooperaNet.Application.Data;
using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Partners;

public sealed class PartnerRegistryTests : IAsyncLifetime
{
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PartnerAccess Secretariat = new(true, null, Guid.NewGuid());

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private Task<T> WithRegistryAsync<T>(Func<PartnerRegistry, Task<T>> work) =>
        host.InScopeAsync(sp => work(new PartnerRegistry(sp.GetRequiredService<CooperaNetDbContext>(), host.Clock)));

    private static PartnerAccess PartnerOf(Guid organisation) => new(false, organisation, Guid.NewGuid());

    private static OrganisationInput AnOrganisation(string name = "Sistema de la Integración Centroamericana", string? website = "https://www.sica.int") =>
        new(name, "SICA", "subregional", null, "Integración de Centroamérica.", "Central American integration.", null, null, website, "cr sv gt hn ni pa");

    [Fact]
    public async Task Start_up_seeds_SEGIB_its_programmes_MERCOSUR_and_the_pilot_once()
    {
        var organisations = await host.WithDbAsync(db => db.PartnerOrganisations.AsNoTracking().ToListAsync(Ct));
        var segib = Assert.Single(organisations, o => o.Acronym == "SEGIB");
        Assert.Equal(PartnerScope.Subregional, Assert.Single(organisations, o => o.Acronym == "MERCOSUR").Scope);
        Assert.Contains(organisations, o => o.Acronym == "PIFCSS" && o.ParentId == segib.Id);
        Assert.True(segib.Description.IsComplete);
        var milestones = await host.WithDbAsync(db => db.PilotMilestones.CountAsync(Ct));
        Assert.True(milestones >= 5);

        var added = await host.InScopeAsync(sp => new PartnerSeeder(sp.GetRequiredService<CooperaNetDbContext>(), host.Clock).SeedAsync(Ct));

        Assert.Equal(0, added);
        Assert.Equal(organisations.Count, await host.WithDbAsync(db => db.PartnerOrganisations.CountAsync(Ct)));
        Assert.Equal(milestones, await host.WithDbAsync(db => db.PilotMilestones.CountAsync(Ct)));
    }

    [Fact]
    public async Task Seeding_keeps_what_the_secretariat_changed()
    {
        var changed = await WithRegistryAsync(r => r.UpdateAsync(PartnerSeeder.Mercosur, AnOrganisation("MERCOSUR renombrado"), Secretariat, Ct));
        Assert.NotNull(changed.Value);

        await host.InScopeAsync(sp => new PartnerSeeder(sp.GetRequiredService<CooperaNetDbContext>(), host.Clock).SeedAsync(Ct));

        Assert.Equal("MERCOSUR renombrado", (await WithRegistryAsync(r => r.FindAsync(PartnerSeeder.Mercosur, false, Ct)))!.Name);
    }

    [Fact]
    public async Task A_partner_changes_only_the_description_and_website_of_their_own_organisation()
    {
        var outcome = await WithRegistryAsync(r => r.UpdateAsync(PartnerSeeder.Segib, AnOrganisation("Otro nombre", "https://example.org/segib"), PartnerOf(PartnerSeeder.Segib), Ct));

        var saved = Assert.IsType<PartnerOrganisation>(outcome.Value);
        Assert.Equal("Secretaría General Iberoamericana", saved.Name);
        Assert.Equal(PartnerScope.Regional, saved.Scope);
        Assert.Equal("https://example.org/segib", saved.Website);
        Assert.Equal("Central American integration.", saved.Description.En);
    }

    [Fact]
    public async Task A_partner_of_another_organisation_changes_nothing()
    {
        var other = PartnerOf(PartnerSeeder.Mercosur);
        var update = await WithRegistryAsync(r => r.UpdateAsync(PartnerSeeder.Segib, AnOrganisation(), other, Ct));
        var contact = await WithRegistryAsync(r => r.AddContactAsync(PartnerSeeder.Segib, new ContactInput("Ana Pérez", null, "ana@example.org", null, "es"), other, Ct));
        var entry = await WithRegistryAsync(r => r.RecordAsync(PartnerSeeder.Segib, new EngagementInput("meeting", new DateOnly(2026, 5, 1), "Reunión", null, null), other, Ct));

        Assert.True(update.Forbidden && contact.Forbidden && entry.Forbidden);
        Assert.Null(await WithRegistryAsync(r => r.ContactsAsync(PartnerSeeder.Segib, other, Ct)));
        Assert.Null(await WithRegistryAsync(r => r.JointActivityAsync(PartnerSeeder.Segib, other, Ct)));
        Assert.Equal("https://www.segib.org", (await WithRegistryAsync(r => r.FindAsync(PartnerSeeder.Segib, false, Ct)))!.Website);
        Assert.Equal(0, await host.WithDbAsync(db => db.PartnerContacts.CountAsync(Ct)));
        Assert.Equal(0, await host.WithDbAsync(db => db.EngagementEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Only_the_secretariat_adds_organisations_and_agreements()
    {
        var own = PartnerOf(PartnerSeeder.Segib);

        Assert.True((await WithRegistryAsync(r => r.CreateAsync(AnOrganisation(), own, Ct))).Forbidden);
        Assert.True((await WithRegistryAsync(r => r.SaveAgreementAsync(PartnerSeeder.Segib, null, AnAgreement(), own, Ct))).Forbidden);
        var created = await WithRegistryAsync(r => r.CreateAsync(AnOrganisation(), Secretariat, Ct));
        Assert.Equal(["CR", "SV", "GT", "HN", "NI", "PA"], created.Value!.MemberStateCodes);
        Assert.NotNull((await WithRegistryAsync(r => r.SaveAgreementAsync(created.Value.Id, null, AnAgreement(), Secretariat, Ct))).Value);
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field()
    {
        var outcome = await WithRegistryAsync(r => r.CreateAsync(new OrganisationInput(" ", null, "global", null, null, null, null, null, "not a url", "Colombia"), Secretariat, Ct));
        var agreement = await WithRegistryAsync(r => r.SaveAgreementAsync(PartnerSeeder.Segib, null,
            new AgreementInput("treaty", "in-force", "Acuerdo", null, new DateOnly(2026, 6, 1), new DateOnly(2026, 1, 1)), Secretariat, Ct));

        Assert.Equal(["name", "scope", "memberStates", "website"], outcome.Errors.Select(e => e.Field));
        Assert.Equal(["kind", "endsOn"], agreement.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task A_deleted_organisation_is_hidden_until_restored()
    {
        Assert.NotNull((await WithRegistryAsync(r => r.DeleteAsync(PartnerSeeder.Mercosur, restore: false, Secretariat, Ct))).Value);
        Assert.Equal(PartnerError.Deleted, (await WithRegistryAsync(r => r.DeleteAsync(PartnerSeeder.Mercosur, restore: false, Secretariat, Ct))).Refused);
        Assert.Null(await WithRegistryAsync(r => r.FindAsync(PartnerSeeder.Mercosur, false, Ct)));
        Assert.DoesNotContain(await WithRegistryAsync(r => r.ListAsync(null, false, Ct)), o => o.Id == PartnerSeeder.Mercosur);

        Assert.NotNull((await WithRegistryAsync(r => r.DeleteAsync(PartnerSeeder.Mercosur, restore: true, Secretariat, Ct))).Value);
        Assert.NotNull(await WithRegistryAsync(r => r.FindAsync(PartnerSeeder.Mercosur, false, Ct)));
    }

    [Fact]
    public async Task The_joint_activity_holds_the_log_of_the_organisation()
    {
        var own = PartnerOf(PartnerSeeder.Segib);
        var entry = await WithRegistryAsync(r => r.RecordAsync(PartnerSeeder.Segib, new EngagementInput("joint-event", new DateOnly(2026, 3, 2), "Seminario conjunto", null, null), own, Ct));

        var activity = await WithRegistryAsync(r => r.JointActivityAsync(PartnerSeeder.Segib, own, Ct));

        Assert.Equal(own.UserId, entry.Value!.RecordedById);
        Assert.Equal(EngagementKind.JointEvent, Assert.Single(activity!.Log).Kind);
    }

    [Fact]
    public async Task Only_a_partner_user_is_bound_to_an_existing_organisation()
    {
        var (partner, expert, unknown, bound) = await host.InScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<Identity.UserAdministration>();
            var (partnerUser, _) = await admin.CreateUserAsync("socio@example.org", Identity.Roles.Partner, null, "correct-horse-battery-42");
            var (expertUser, _) = await admin.CreateUserAsync("experta@example.org", Identity.Roles.Expert, null, "correct-horse-battery-42");
            return (await admin.SetPartnerOrganisationAsync(partnerUser!.Id, PartnerSeeder.Segib), await admin.SetPartnerOrganisationAsync(expertUser!.Id, PartnerSeeder.Segib),
                await admin.SetPartnerOrganisationAsync(partnerUser.Id, Guid.NewGuid()), partnerUser.Id);
        });

        Assert.Null(partner);
        Assert.Equal("partner-role", expert?.Code);
        Assert.Equal("partner-organisation", unknown?.Code);
        Assert.Equal(PartnerSeeder.Segib, await WithRegistryAsync(r => r.OrganisationOfAsync(bound, Ct)));
    }

    [Fact]
    public void A_done_milestone_keeps_its_day_and_forgets_it_when_reopened()
    {
        var milestone = new PilotMilestone { Id = Guid.NewGuid(), Title = "Reunión", DueOn = new DateOnly(2026, 1, 31) };
        var today = new DateOnly(2026, 2, 10);
        Assert.True(milestone.IsLate(today));

        milestone.Move(MilestoneStatus.Done, null, today);
        Assert.Equal(today, milestone.DoneOn);
        Assert.False(milestone.IsLate(today));

        milestone.Move(MilestoneStatus.Delayed, new DateOnly(2026, 2, 1), today);
        Assert.Null(milestone.DoneOn);
    }

    private static AgreementInput AnAgreement() =>
        new("memorandum-of-understanding", "signed", "Memorando de entendimiento OEA-SEGIB", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1), new DateOnly(2030, 3, 31));
}
