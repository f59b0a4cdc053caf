using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CooperaNet.Application.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Features.Account;

/// <summary>Section "CooperaNet:SignIn": how often one may try to sign in, and how soon a changed password ends other sessions.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "CooperaNet:SignIn";

    /// <summary>Sign-in attempts allowed from one client address per window (the password step and the second step each count their own).</summary>
    [Range(1, 1_000_000)]
    public int PerAddressPermits { get; init; } = 30;

    /// <summary>Sign-in attempts allowed for one account name per window, from wherever they come.</summary>
    [Range(1, 1_000_000)]
    public int PerAccountPermits { get; init; } = 10;

    [Range(1, 86_400)]
    public int WindowSeconds { get; init; } = 300;

    /// <summary>
    /// How often a session cookie is checked against the account's security stamp; a password change or
    /// reset ends the other sessions within this time. 0 checks on every request.
    /// </summary>
    [Range(0, 3_600)]
    public int SessionCheckSeconds { get; init; } = 60;
}

/// <summary>
/// Counts sign-in attempts per client address and per account in fixed windows, for the password step
/// and, separately, for the second step (authenticator or recovery code). The counters live in the
/// database (<see cref="SignInAttemptCounter"/>), so every instance behind the proxy counts the same
/// attempts. Lockout (5 failures, 15 minutes) still protects each account; this slows password spraying
/// from one address and guessing at one account before lockout.
/// </summary>
public sealed class SignInThrottle(SignInAttemptCounter counter, IOptions<SignInLimitOptions> options, TimeProvider clock)
{
    private const string PasswordStep = "password";
    private const string SecondFactorStep = "second-factor";

    /// <summary>Takes one password attempt for the address and the account name; null when allowed, else how long to wait.</summary>
    public Task<TimeSpan?> TryAttemptAsync(IPAddress? address, string accountName, CancellationToken cancellationToken) =>
        TryAsync(PasswordStep, address, accountName.Trim().ToUpperInvariant(), cancellationToken);

    /// <summary>Takes one second-step attempt (authenticator or recovery code) for the address and the account being signed in.</summary>
    public Task<TimeSpan?> TrySecondFactorAsync(IPAddress? address, string userId, CancellationToken cancellationToken) =>
        TryAsync(SecondFactorStep, address, userId, cancellationToken);

    /// <summary>The Retry-After header's value: whole seconds, at least 1.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private async Task<TimeSpan?> TryAsync(string step, IPAddress? address, string account, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        // Windows start at multiples of their length since 1970: every instance agrees on them.
        var start = now - (now % o.WindowSeconds);
        var wait = TimeSpan.FromSeconds(start + o.WindowSeconds - now);
        if (await counter.CountAsync(Key(step, "address", address?.ToString() ?? "unknown"), start, cancellationToken) > o.PerAddressPermits)
        {
            return wait;
        }

        return await counter.CountAsync(Key(step, "account", account), start, cancellationToken) > o.PerAccountPermits ? wait : null;
    }

    /// <summary>A hash, so that the table holds no addresses or account names.</summary>
    private static string Key(string step, string kind, string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{step}\n{kind}\n{value}")));
}

/// <summary>The answer to one attempt too many: the same page, 429, Retry-After and the message in the page's language.</summary>
public static class TooManyAttemptsResult
{
    public static PageResult TooManyAttempts(this PageModel page, TimeSpan wait, string message)
    {
        page.Response.Headers.RetryAfter = SignInThrottle.Seconds(wait);
        page.ModelState.AddModelError(string.Empty, message);
        var result = page.Page();
        result.StatusCode = StatusCodes.Status429TooManyRequests;
        return result;
    }
}
