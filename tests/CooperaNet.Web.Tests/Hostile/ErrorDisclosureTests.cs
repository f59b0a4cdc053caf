using System.Net;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Hostile;

/// <summary>
/// In Production, a request that fails inside the application answers 500 with the error page and
/// nothing of the exception: no message, no type, no stack frame, no secret the message carried.
/// </summary>
public sealed class ErrorDisclosureTests(ErrorDisclosureTests.FailingHost host) : IClassFixture<ErrorDisclosureTests.FailingHost>
{
    private const string Secret = "Password=hunter2-disclosed";

    /// <summary>The application in Production, with one path that throws inside its pipeline (behind its error handling).</summary>
    public sealed class FailingHost : CooperaNetFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, Failing>());
        }

        private sealed class Failing : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((context, after) => context.Request.Path.Value?.EndsWith("/boom", StringComparison.Ordinal) == true
                    ? throw new InvalidOperationException($"Database unreachable: Host=db.internal;{Secret}")
                    : after(context));
            };
        }
    }

    [Theory]
    [InlineData("/en/boom")]
    [InlineData("/api/v1/boom")]
    public async Task A_failure_answers_500_without_the_exception_or_its_secrets(string path)
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("db.internal", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", string.Join(" ", response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value)), StringComparison.Ordinal);
    }
}
