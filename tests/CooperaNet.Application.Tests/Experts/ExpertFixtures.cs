using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Experts;

/// <summary>Experts and calls built by hand for the tests of calls, assignments and ranking.</summary>
internal static class ExpertFixtures
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static ExpertInput Water(string name) => ExpertProfileTests.AProfile(name);

    public static ExpertInput Tourism(string name) => ExpertProfileTests.AProfile(name) with
    {
        Summary = "Consultora en turismo sostenible: formación de guías turísticos y pequeños hoteles comunitarios.",
        CurrentPosition = "Asesora de turismo",
        Sectors = ["33210"],
        Sdgs = ["8"],
    };

    public static ExpertInput Teaching(string name) => ExpertProfileTests.AProfile(name) with
    {
        Summary = "Formadora de docentes de educación primaria: currículo, evaluación y materiales didácticos.",
        CurrentPosition = "Profesora universitaria",
        Sectors = ["11220"],
        Sdgs = ["4"],
    };

    /// <summary>An expert who applied (account and profile), not in the roster.</summary>
    public static async Task<ExpertProfile> ApplicantAsync(this DataHost host, string email, ExpertInput input)
    {
        var result = await host.InScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().ApplyAsync(email, "Agua-potable-2026", true, "es", input, Ct));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => $"{e.Field} {e.Code}")));
        return result.Profile!;
    }

    /// <summary>An expert approved into the roster now.</summary>
    public static async Task<ExpertProfile> InRosterAsync(this DataHost host, string email, ExpertInput input)
    {
        var profile = await host.ApplicantAsync(email, input);
        await host.ChangeProfileAsync(profile.Id, (p, now) => p.JoinRoster(now));
        return profile;
    }

    /// <summary>Changes a stored profile as a page would, and saves.</summary>
    public static Task ChangeProfileAsync(this DataHost host, Guid id, Action<ExpertProfile, DateTimeOffset> change) =>
        host.WithDbAsync(async db =>
        {
            var profile = await db.ExpertProfiles.SingleAsync(p => p.Id == id, Ct);
            change(profile, host.Clock.GetUtcNow());
            return await db.SaveChangesAsync(Ct);
        });

    public static Task<ExpertProfile> ProfileAsync(this DataHost host, Guid id) =>
        host.WithDbAsync(db => db.ExpertProfiles.AsNoTracking().SingleAsync(p => p.Id == id, Ct));

    public static Task<T> CallsAsync<T>(this DataHost host, Func<ExpertCalls, Task<T>> work) =>
        host.InScopeAsync(sp => work(sp.GetRequiredService<ExpertCalls>()));

    public static Task<T> AssignmentsAsync<T>(this DataHost host, Func<ExpertAssignments, Task<T>> work) =>
        host.InScopeAsync(sp => work(sp.GetRequiredService<ExpertAssignments>()));

    public static Task<T> DbAsync<T>(this DataHost host, Func<CooperaNetDbContext, Task<T>> work) => host.WithDbAsync(work);
}
