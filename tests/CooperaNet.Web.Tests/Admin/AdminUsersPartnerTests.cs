using System.Net;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Partners;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Partners;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Tests.Admin;

/// <summary>The secretariat links a partner user to their organisation on the page of every account.</summary>
public sealed class AdminUsersPartnerTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secretariat_links_a_partner_user_who_then_sees_their_organisations_joint_activity_and_clears_the_link()
    {
        var name = "Organización " + PageMatrixHost.Word();
        var organisation = await PartnerData.SaveAsync(factory, name);
        var email = $"partner-{Guid.NewGuid():N}@example.org";
        var partner = await factory.CreateUserAsync(email, Roles.Partner);
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, lang: "es");
        var lastAudit = await LastAuditAsync();

        using var linked = await secretariat.PostFormAsync("/es/admin/users?handler=Partner", Fields(partner.Id, organisation.Id.ToString()), "/es/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal("/es/admin/users", linked.Headers.Location?.OriginalString);
        var page = await secretariat.PageAsync("/es/admin/users");
        Assert.Contains("La cuenta pertenece ahora a la organización socia elegida.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/es/partners/{organisation.Id}\">{name}</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{organisation.Id}\" selected=\"selected\">{name}</option>", page, StringComparison.Ordinal);
        Assert.Equal(organisation.Id, await OrganisationOfAsync(partner.Id));
        var audit = Assert.Single(await AuditOfAsync(partner.Id, lastAudit));
        Assert.Equal("modified", audit.Action);
        Assert.NotNull(audit.ActorId);
        Assert.Contains($"\"PartnerOrganisationId\":\"{organisation.Id}\"", audit.After, StringComparison.Ordinal);

        var browser = AccountClient.For(factory);
        using var signIn = await browser.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(name, await browser.PageAsync($"/en/partners/{organisation.Id}/activity"), StringComparison.Ordinal);
        using var other = await browser.GetAsync($"/en/partners/{PartnerSeeder.Segib}/activity");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        using var cleared = await secretariat.PostFormAsync("/es/admin/users?handler=Partner", Fields(partner.Id, string.Empty), "/es/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Contains("La cuenta ya no pertenece a ninguna organización socia.", await secretariat.PageAsync("/es/admin/users"), StringComparison.Ordinal);
        Assert.Null(await OrganisationOfAsync(partner.Id));
        Assert.Equal(2, (await AuditOfAsync(partner.Id, lastAudit)).Count);
        using var refused = await browser.GetAsync($"/en/partners/{organisation.Id}/activity");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Theory]
    [InlineData("es", "Solo las cuentas con el rol de socio pertenecen a una organización socia.", "Elija una organización socia del registro que no haya sido eliminada.", "eliminada")]
    [InlineData("fr", "Seuls les comptes ayant le rôle de partenaire appartiennent à une organisation partenaire.", "Choisissez une organisation partenaire du registre qui n'a pas été supprimée.", "supprimée")]
    public async Task A_user_who_is_not_a_partner_and_a_deleted_organisation_are_refused_in_the_pages_language(string lang, string notPartner, string deleted, string deletedMark)
    {
        var organisation = await PartnerData.SaveAsync(factory, "Organización " + PageMatrixHost.Word());
        var removedName = "Organización eliminada " + PageMatrixHost.Word();
        var removed = await PartnerData.SaveAsync(factory, removedName, deleted: true);
        var expert = await factory.CreateUserAsync($"expert-{Guid.NewGuid():N}@example.org", Roles.Expert);
        var partner = await factory.CreateUserAsync($"partner-{Guid.NewGuid():N}@example.org", Roles.Partner);
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, lang: lang);
        var lastAudit = await LastAuditAsync();
        var path = $"/{lang}/admin/users?handler=Partner";

        using var expertLinked = await secretariat.PostFormAsync(path, Fields(expert.Id, organisation.Id.ToString()), $"/{lang}/account/profile");
        using var deletedLinked = await secretariat.PostFormAsync(path, Fields(partner.Id, removed.Id.ToString()), $"/{lang}/account/profile");
        using var unknownUser = await secretariat.PostFormAsync(path, Fields(Guid.NewGuid(), organisation.Id.ToString()), $"/{lang}/account/profile");
        using var notAnId = await secretariat.PostFormAsync(path, Fields(partner.Id, "segib"), $"/{lang}/account/profile");

        Assert.Equal(HttpStatusCode.BadRequest, expertLinked.StatusCode);
        var expertPage = await AccountClient.TextAsync(expertLinked);
        Assert.Contains(notPartner, expertPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Only partner users", expertPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, deletedLinked.StatusCode);
        var deletedPage = await AccountClient.TextAsync(deletedLinked);
        Assert.Contains(deleted, deletedPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#partner-{partner.Id:N}\">{deleted}</a>", deletedPage, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"partner-{partner.Id:N}-error\"", deletedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("No partner organisation", deletedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.Contains(deleted, await AccountClient.TextAsync(notAnId), StringComparison.Ordinal);
        Assert.Null(await OrganisationOfAsync(expert.Id));
        Assert.Null(await OrganisationOfAsync(partner.Id));
        Assert.Empty(await AuditOfAsync(expert.Id, lastAudit));
        Assert.Empty(await AuditOfAsync(partner.Id, lastAudit));

        // A partner user whose organisation was deleted after the link keeps it, shown as deleted, not as "none".
        var stranded = await factory.CreateUserAsync($"partner-{Guid.NewGuid():N}@example.org", Roles.Partner);
        await PartnerData.BindAsync(factory, stranded.Id, removed.Id);
        var page = await secretariat.PageAsync($"/{lang}/admin/users");
        Assert.Contains($"<a href=\"/{lang}/partners/{removed.Id}\">{removedName}</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{removed.Id}\" selected>{removedName} ({deletedMark})</option>", page, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(Guid userId, string organisationId) =>
        new() { ["userId"] = userId.ToString(), ["organisationId"] = organisationId };

    private async Task<Guid?> OrganisationOfAsync(Guid userId)
    {
        await using var db = factory.NewDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PartnerOrganisationId).SingleAsync(Ct);
    }

    private async Task<long> LastAuditAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Set<AuditEntry>().MaxAsync(a => (long?)a.Id, Ct) ?? 0;
    }

    private async Task<List<AuditEntry>> AuditOfAsync(Guid userId, long after)
    {
        await using var db = factory.NewDbContext();
        var key = userId.ToString();
        return await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Id > after && a.Entity == nameof(ApplicationUser) && a.EntityKey == key && a.After != null && a.After.Contains("PartnerOrganisationId"))
            .ToListAsync(Ct);
    }
}
