using System.Net;
using System.Text.Json;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CooperaNet.Web.Tests.Observability;

/// <summary>The application with two extra readiness checks that never answer, and a 200 ms limit per check.</summary>
public sealed class HangingCheckFactory : CooperaNetFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CooperaNet:Health:CheckTimeout", "00:00:00.200");
        builder.ConfigureServices(services => services.AddHealthChecks()
            .AddCheck("ignores-its-token", new IgnoresItsToken(), tags: ["ready"])
            .AddCheck("waits-on-its-token", new WaitsOnItsToken(), tags: ["ready"]));
    }

    /// <summary>Like a driver blocked in a busy database: the cancellation is never looked at.</summary>
    private sealed class IgnoresItsToken : IHealthCheck
    {
        private readonly TaskCompletionSource<HealthCheckResult> never = new();

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => never.Task;
    }

    private sealed class WaitsOnItsToken : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }
}

public sealed class HealthCheckTimeoutTests(HangingCheckFactory factory) : IClassFixture<HangingCheckFactory>
{
    [Fact]
    public async Task A_check_that_hangs_answers_unhealthy_with_timeout_and_the_others_still_report()
    {
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        foreach (var name in new[] { "ignores-its-token", "waits-on-its-token" })
        {
            Assert.Equal("Unhealthy", checks[name].GetProperty("status").GetString());
            Assert.Equal("timeout", checks[name].GetProperty("description").GetString());
            Assert.InRange(checks[name].GetProperty("durationMs").GetDouble(), 150, 20_000);
        }

        Assert.Equal("Healthy", checks["database"].GetProperty("status").GetString());
    }
}
