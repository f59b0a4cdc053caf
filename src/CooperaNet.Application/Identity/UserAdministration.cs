using CooperaNet.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Identity;

/// <summary>An expected failure: a code the caller maps to a message in its language.</summary>
public sealed record AdminError(string Code, string Detail);

/// <summary>One account as the secretariat sees it; a partner user's organisation by id and name (null for none).</summary>
public sealed record UserSummary(
    Guid Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? MemberState,
    bool TwoFactor,
    bool LockedOut,
    Guid? PartnerOrganisationId = null,
    string? PartnerOrganisation = null);

public sealed record IssuedToken(Guid Id, string Name, string Secret);

public sealed record TokenSummary(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>Creating users and API tokens: shared by the command line and the secretariat's pages.</summary>
public sealed class UserAdministration(CooperaNetDbContext db, UserManager<ApplicationUser> users, RoleManager<ApplicationRole> roles, TimeProvider clock)
{
    public async Task<(UserSummary? User, AdminError? Error)> CreateUserAsync(string email, string role, string? state, string password, string? displayName = null)
    {
        if (!Roles.All.Contains(role))
        {
            return (null, new AdminError("role", $"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}."));
        }

        var stateCode = string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant();
        if (Roles.RequiresMemberState(role) && stateCode is null)
        {
            return (null, new AdminError("state", "A focal point must be bound to a member state (--state XX)."));
        }

        if (!Roles.RequiresMemberState(role) && stateCode is not null)
        {
            return (null, new AdminError("state", $"Only focal points are bound to a member state; role '{role}' takes no --state."));
        }

        if (stateCode is not null && !await db.MemberStates.AnyAsync(s => s.Code == stateCode))
        {
            return (null, new AdminError("state", $"'{state}' is not an OAS member state code (ISO alpha-2, e.g. CO)."));
        }

        await EnsureRolesAsync();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim(),
            MemberStateCode = stateCode,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, new AdminError("identity", string.Join(" ", created.Errors.Select(e => e.Description))));
        }

        await users.AddToRoleAsync(user, role);
        return (await SummaryAsync(user), null);
    }

    /// <summary>Binds a partner user to the organisation they speak for (null unbinds); only partner users belong to one.</summary>
    public async Task<AdminError?> SetPartnerOrganisationAsync(Guid userId, Guid? organisationId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return new AdminError("user", "No such user.");
        }

        if (organisationId is not null && !await users.IsInRoleAsync(user, Roles.Partner))
        {
            return new AdminError("partner-role", "Only partner users belong to a partner organisation.");
        }

        if (organisationId is { } id && !await db.PartnerOrganisations.AnyAsync(o => o.Id == id && o.DeletedAt == null))
        {
            return new AdminError("partner-organisation", $"No partner organisation that is not deleted has the id '{id}'.");
        }

        user.PartnerOrganisationId = organisationId;
        await users.UpdateAsync(user);
        return null;
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new ApplicationRole(role) { Id = Guid.CreateVersion7(clock.GetUtcNow()) });
            }
        }
    }

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync()
    {
        var now = clock.GetUtcNow();
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync()).ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        var organisations = await db.PartnerOrganisations.AsNoTracking()
            .Where(o => db.Users.Any(u => u.PartnerOrganisationId == o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        return (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync())
            .Select(u => new UserSummary(
                u.Id,
                u.Email!,
                u.DisplayName,
                userRoles[u.Id].Order().ToList(),
                u.MemberStateCode,
                u.TwoFactorEnabled,
                u.LockoutEnd > now,
                u.PartnerOrganisationId,
                u.PartnerOrganisationId is { } organisation ? organisations.GetValueOrDefault(organisation) : null))
            .ToList();
    }

    public async Task<(IssuedToken? Token, AdminError? Error)> CreateTokenAsync(string email, string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return (null, new AdminError("name", "A token needs a name of 1 to 100 characters."));
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return (null, new AdminError("email", $"No user has the e-mail address '{email}'."));
        }

        return (await CreateTokenAsync(user.Id, name), null);
    }

    public async Task<IssuedToken> CreateTokenAsync(Guid userId, string name)
    {
        var (token, secret) = ApiToken.Issue(userId, name, clock.GetUtcNow());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return new IssuedToken(token.Id, token.Name, secret);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListTokensAsync(Guid userId) =>
        await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenSummary(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync();

    /// <summary>Revokes a token. When <paramref name="ownerId"/> is given, only that user's token may be revoked.</summary>
    public async Task<AdminError?> RevokeTokenAsync(Guid tokenId, Guid? ownerId = null)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && (ownerId == null || t.UserId == ownerId));
        if (token is null)
        {
            return new AdminError("token", $"No token has the id {tokenId}.");
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }

        return null;
    }

    private async Task<UserSummary> SummaryAsync(ApplicationUser user) =>
        new(user.Id, user.Email!, user.DisplayName, [.. await users.GetRolesAsync(user)], user.MemberStateCode, user.TwoFactorEnabled, false);
}
