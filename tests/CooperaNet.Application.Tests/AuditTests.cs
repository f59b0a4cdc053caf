using CooperaNet.Application.Identity;
using CooperaNet.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests;

public sealed class AuditTests
{
    [Fact]
    public async Task A_change_is_recorded_with_who_when_and_the_values_before_and_after()
    {
        await using var host = await DataHost.StartAsync();
        host.Actor.Name = "ana@apc.gov.co";
        host.Clock.Advance(TimeSpan.FromDays(1));

        await host.WithDbAsync(async db =>
        {
            var brazil = await db.MemberStates.SingleAsync(s => s.Code == "BR");
            brazil.Subregion = "Southern Cone";
            return await db.SaveChangesAsync();
        });

        var entry = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == "MemberState" && a.EntityKey == "BR" && a.Action == "modified"));
        Assert.Equal("ana@apc.gov.co", entry.Actor);
        Assert.Equal("modified", entry.Action);
        Assert.Equal(host.Clock.GetUtcNow(), entry.At);
        Assert.Equal("""{"Subregion":"South America"}""", entry.Before);
        Assert.Equal("""{"Subregion":"Southern Cone"}""", entry.After);
    }

    [Fact]
    public async Task Secrets_never_reach_the_audit_log()
    {
        await using var host = await DataHost.StartAsync();
        var (user, error) = await host.InScopeAsync(sp =>
            sp.GetRequiredService<UserAdministration>().CreateUserAsync("focal@auci.gub.uy", Roles.FocalPoint, "UY", "a-long-enough-password"));
        Assert.Null(error);
        var token = await host.InScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateTokenAsync(user!.Id, "script"));

        var log = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == "ApplicationUser" || a.Entity == "ApiToken").ToListAsync());
        Assert.Contains(log, a => a.Entity == "ApplicationUser" && a.After!.Contains("focal@auci.gub.uy", StringComparison.Ordinal));
        Assert.Contains(log, a => a.Entity == "ApiToken");
        Assert.DoesNotContain(log, a => (a.After ?? string.Empty).Contains("PasswordHash", StringComparison.Ordinal));
        Assert.DoesNotContain(log, a => (a.After ?? string.Empty).Contains(ApiTokenHash(token.Secret), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_that_fails_leaves_no_audit_entry()
    {
        await using var host = await DataHost.StartAsync();
        var before = await host.WithDbAsync(db => db.AuditEntries.CountAsync());

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => host.WithDbAsync(async db =>
        {
            db.MemberStates.Add(new Domain.Reference.MemberState
            {
                Code = "CO",
                Alpha3 = "COL",
                Numeric = "170",
                Name = LocalizedText.Of("x", "x", "x", "x"),
                OfficialName = LocalizedText.Of("x", "x", "x", "x"),
                Subregion = "x",
            });
            return await db.SaveChangesAsync();
        }));

        Assert.Equal(before, await host.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    private static string ApiTokenHash(string secret) => ApiToken.HashOf(secret);
}
