using System.Threading.RateLimiting;
using CooperaNet.Application.Newsletter;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Features.Newsletter;

/// <summary>
/// Limits subscription requests per client address (the form and the API share the budget), so the form
/// cannot be used to flood strangers' inboxes with confirmation letters. Per instance, in memory.
/// </summary>
public sealed class SubscribeThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public SubscribeThrottle(IOptions<NewsletterOptions> options)
    {
        var permits = options.Value.SubscribeRequestsPerHour;
        limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>True when the client may subscribe now (and counts the request).</summary>
    public bool Allow(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
