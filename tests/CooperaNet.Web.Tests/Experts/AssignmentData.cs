using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>Where an assignment of the tests is: moved there by the application's own service.</summary>
public enum AssignmentStage
{
    Proposed,
    Accepted,
    Declined,
    Completed,
    Evaluated,
}

/// <summary>Experts in the roster, demands for them and assignments at each stage, made through the application's services.</summary>
internal static class AssignmentData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A published demand of <paramref name="state"/> for rural drinking water (sector 14030, SDG 6).</summary>
    public static Task<CatalogEntry> WaterDemandAsync(this CooperaNetFactory app, string state = "CO", string? title = null) =>
        AnEntry().Demand().From(state).InSector("14030").ForSdg("6")
            .Titled(title ?? "Agua potable rural y gestión comunitaria")
            .Summarized("Buscamos apoyo para diseñar sistemas de agua potable rural y fortalecer la gestión comunitaria del agua.")
            .Published().SaveAsync(app);

    /// <summary>Puts an expert into the roster, as an approved application does.</summary>
    public static Task JoinRosterAsync(this CooperaNetFactory app, Guid expertId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CooperaNetDbContext>();
        var profile = await db.ExpertProfiles.SingleAsync(p => p.Id == expertId, Ct);
        profile.JoinRoster(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        await db.SaveChangesAsync(Ct);
        return true;
    });

    /// <summary>An expert who applied and was approved into the roster, with a CV.</summary>
    public static async Task<(ExpertProfile Profile, string Email)> RosterExpertAsync(this CooperaNetFactory app, ExpertInput? input = null)
    {
        var (profile, email) = await app.ExpertAsync(input);
        await app.JoinRosterAsync(profile.Id);
        await app.WithScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().UploadCvAsync(profile.Id, "cv.pdf", ExpertData.Pdf, Ct));
        return (profile, email);
    }

    /// <summary>A browser without JavaScript signed in as the existing account <paramref name="email"/>.</summary>
    public static async Task<AccountClient> SignedInAsync(this CooperaNetFactory app, string email, string lang = "en")
    {
        var browser = AccountClient.For(app);
        using var signIn = await browser.SignInAsync(email, lang: lang);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    /// <summary>An assignment of the expert to the demand, started ten days ago, moved to <paramref name="stage"/>.</summary>
    public static Task<ExpertAssignment> AssignmentAsync(this CooperaNetFactory app, Guid expertId, Guid demandId, AssignmentStage stage, int score = 4) =>
        app.WithScopeAsync(async sp =>
        {
            var assignments = sp.GetRequiredService<ExpertAssignments>();
            var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var (assignment, error) = await assignments.AssignAsync(new AssignmentInput(expertId, demandId, null, "Ingeniería de agua", today.AddDays(-10), today.AddDays(20)), "secretaria@example.org", Ct);
            Assert.Null(error);
            var id = assignment!.Id;
            Assert.Null(stage switch
            {
                AssignmentStage.Declined => await assignments.DeclineAsync(id, expertId, "Tengo otra misión en esas fechas.", Ct),
                AssignmentStage.Proposed => null,
                _ => await assignments.AcceptAsync(id, expertId, Ct),
            });
            if (stage >= AssignmentStage.Completed)
            {
                Assert.Null(await assignments.CompleteAsync(id, Ct));
            }

            if (stage == AssignmentStage.Evaluated)
            {
                Assert.Null(await assignments.EvaluateAsync(id, score, "Trabajo sólido y bien documentado.", "punto-focal@example.org", Ct));
            }

            return await sp.GetRequiredService<CooperaNetDbContext>().ExpertAssignments.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
        });
}
