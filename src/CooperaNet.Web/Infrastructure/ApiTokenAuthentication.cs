using System.Security.Claims;
using System.Text.Encodings.Web;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// Authenticates API clients by a personal bearer token ("Authorization: Bearer cnt_..."). The token
/// is looked up by its SHA-256 hash; revoked tokens and locked-out users are refused. The token of an account
/// with a second factor carries the "mfa" claim that the secretariat's policy asks for. The token is
/// checked on every request; the user's claims (roles, state), which take four more queries to build,
/// are kept for <see cref="ClaimsLifetime"/> under the user's stamps, which any change of the account
/// through Identity (roles, state, password, lockout) replaces.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CooperaNetDbContext db,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static readonly TimeSpan ClaimsLifetime = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan UsageResolution = TimeSpan.FromHours(1);

    // Asked on every API call: compiled once rather than translated from its expression each time.
    private static readonly Func<CooperaNetDbContext, string, Task<ApiToken?>> FindToken = EF.CompileAsyncQuery(
        (CooperaNetDbContext db, string hash) => db.ApiTokens.AsNoTracking().Include(t => t.User).FirstOrDefault(t => t.Hash == hash && t.RevokedAt == null));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var hash = ApiToken.HashOf(secret);
        var now = clock.GetUtcNow();
        var token = await FindToken(db, hash);
        if (token?.User is null || token.User.LockoutEnd > now)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }

        // Record use at most hourly: a write on every request would cost more than the request.
        if (token.LastUsedAt is null || token.LastUsedAt < now - UsageResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
        }

        var user = token.User;
        var claims = (await cache.GetOrCreateAsync($"api-token-claims|{user.Id}|{user.SecurityStamp}|{user.ConcurrencyStamp}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ClaimsLifetime;
            var built = (ClaimsIdentity)(await principals.CreateAsync(user)).Identity!;
            return new UserClaims(built.AuthenticationType, built.NameClaimType, built.RoleClaimType, [.. built.Claims]);
        }))!;

        // A new identity for every request: what one request adds to it never reaches another.
        var identity = new ClaimsIdentity(claims.Claims, claims.AuthenticationType, claims.NameClaimType, claims.RoleClaimType);
        if (user.TwoFactorEnabled)
        {
            // Tokens are issued on the profile page, behind the account's second factor: the token speaks for a
            // session that passed it. An account without a second factor gets no such claim, so the secretariat's
            // own operations stay closed to it.
            identity.AddClaim(new Claim(Policies.MfaClaim, Policies.MfaValue));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private sealed record UserClaims(string? AuthenticationType, string NameClaimType, string RoleClaimType, Claim[] Claims);
}
