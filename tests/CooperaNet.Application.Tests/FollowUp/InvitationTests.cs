using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Tests.FollowUp;

/// <summary>Focal-point invitations: one account, once, before the link expires; only the hash is kept.</summary>
public sealed class InvitationTests : IAsyncLifetime
{
    private const string Password = "correct-horse-battery-42";

    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task An_invitation_creates_a_focal_point_account_bound_to_its_state_in_its_language()
    {
        var (email, token) = await InviteAsync("HT", "fr");

        var outcome = await WithInvitationsAsync(i => i.AcceptAsync(token, "Marie Joseph", Password));

        Assert.True(outcome.Succeeded);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal(("HT", "fr", "Marie Joseph"), (user.MemberStateCode, user.PreferredLanguage, user.DisplayName));
        Assert.Equal([Roles.FocalPoint], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, Password));
    }

    [Fact]
    public async Task A_used_link_creates_no_second_account()
    {
        var (_, token) = await InviteAsync("CO", "es");
        Assert.True((await WithInvitationsAsync(i => i.AcceptAsync(token, "Ana", Password))).Succeeded);

        var again = await WithInvitationsAsync(i => i.AcceptAsync(token, "Otra persona", "another-long-password-7"));

        Assert.Equal(InvitationStatus.Used, again.Status);
        Assert.Equal(InvitationStatus.Used, (await WithInvitationsAsync(i => i.CheckAsync(token))).Status);
        Assert.Equal(1, await host.WithDbAsync(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_expired_link_creates_nothing()
    {
        var (email, token) = await InviteAsync("CO", "es");
        host.Clock.Advance(new FollowUpOptions().InvitationLifetime);

        var outcome = await WithInvitationsAsync(i => i.AcceptAsync(token, "Ana", Password));

        Assert.Equal(InvitationStatus.Expired, outcome.Status);
        Assert.False(await host.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email, Ct)));
    }

    [Fact]
    public async Task A_changed_or_made_up_token_is_refused()
    {
        var (_, token) = await InviteAsync("CO", "es");
        var changed = token[..^1] + (token[^1] == '0' ? '1' : '0');
        var otherId = "inv_" + Guid.NewGuid().ToString("N") + token[36..];

        foreach (var bad in new[] { changed, otherId, token[..^4], "inv_", string.Empty, null })
        {
            Assert.Equal(InvitationStatus.Invalid, (await WithInvitationsAsync(i => i.AcceptAsync(bad, "Ana", Password))).Status);
        }

        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync(Ct)));
        Assert.Equal(InvitationStatus.Valid, (await WithInvitationsAsync(i => i.CheckAsync(token))).Status);
    }

    [Fact]
    public async Task A_refused_password_leaves_the_link_usable()
    {
        var (_, token) = await InviteAsync("CO", "es");

        var weak = await WithInvitationsAsync(i => i.AcceptAsync(token, "Ana", "short"));

        Assert.False(weak.Succeeded);
        Assert.Contains(nameof(IdentityErrorDescriber.PasswordTooShort), weak.Errors.Select(e => e.Code));
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync(Ct)));
        Assert.True((await WithInvitationsAsync(i => i.AcceptAsync(token, "Ana", Password))).Succeeded);
    }

    [Fact]
    public async Task Only_the_tokens_hash_is_stored_and_the_audit_trail_holds_neither()
    {
        var (_, token) = await InviteAsync("CO", "es");

        var stored = await host.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(Ct));
        var audit = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Invitation)).ToListAsync(Ct));

        Assert.Equal(Invitation.HashOf(token), stored.Hash);
        Assert.NotEqual(token, stored.Hash);
        var entry = Assert.Single(audit);
        Assert.Contains("\"StateCode\":\"CO\"", entry.After);
        Assert.DoesNotContain(stored.Hash, entry.After);
    }

    [Fact]
    public async Task Inviting_an_address_that_has_an_account_is_refused()
    {
        await host.InScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateUserAsync("ana@example.org", Roles.Expert, null, Password));

        var (invitation, _, errors) = await WithInvitationsAsync(i => i.InviteAsync("ana@example.org", "CO", "es", null));

        Assert.Null(invitation);
        Assert.Equal(("email", "followup.email-taken"), (Assert.Single(errors).Field, errors[0].Code));
    }

    private async Task<(string Email, string Token)> InviteAsync(string state, string language)
    {
        var email = $"invitee-{Guid.NewGuid():N}@example.org";
        return await host.InScopeAsync(async sp =>
        {
            var (_, token, errors) = await Create(sp).InviteAsync(email, state, language, null);
            Assert.Empty(errors);
            await sp.GetRequiredService<CooperaNetDbContext>().SaveChangesAsync(Ct);
            return (email, token!);
        });
    }

    private Task<T> WithInvitationsAsync<T>(Func<Invitations, Task<T>> work) => host.InScopeAsync(sp => work(Create(sp)));

    private static Invitations Create(IServiceProvider scope) =>
        ActivatorUtilities.CreateInstance<Invitations>(scope, Options.Create(new FollowUpOptions()));
}
