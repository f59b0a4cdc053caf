using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;

namespace CooperaNet.Web.Features.Account;

/// <summary>Section "CooperaNet:SignIn": how often one may try to sign in, and how soon a changed password ends other sessions.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "CooperaNet:SignIn";

    /// <summary>Sign-in attempts allowed from one client address per window.</summary>
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
/// Counts sign-in attempts per client address and per account name (fixed windows, in memory, per
/// instance). Lockout (5 failures, 15 minutes) protects each account in the database across instances;
/// this slows password spraying from one address and guessing at one account before lockout.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> addresses;
    private readonly PartitionedRateLimiter<string> accounts;

    public SignInThrottle(Microsoft.Extensions.Options.IOptions<SignInLimitOptions> options)
    {
        var o = options.Value;
        addresses = Limiter(o.PerAddressPermits, o.WindowSeconds);
        accounts = Limiter(o.PerAccountPermits, o.WindowSeconds);
    }

    /// <summary>Takes one attempt for the address and the account; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAttempt(System.Net.IPAddress? address, string accountName)
    {
        using var byAddress = addresses.AttemptAcquire(address?.ToString() ?? "unknown");
        if (!byAddress.IsAcquired)
        {
            return RetryAfter(byAddress);
        }

        using var byAccount = accounts.AttemptAcquire(accountName.Trim().ToUpperInvariant());
        return byAccount.IsAcquired ? null : RetryAfter(byAccount);
    }

    /// <summary>The Retry-After header's value: whole seconds, at least 1.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        addresses.Dispose();
        accounts.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);

    private static PartitionedRateLimiter<string> Limiter(int permits, int seconds) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(seconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
