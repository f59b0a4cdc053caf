using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Support;

/// <summary>
/// The real application over HTTP, on its own fresh database (SQLite file, or PostgreSQL when
/// ./test.sh provides a server). Each test class gets one through <c>IClassFixture</c>.
/// </summary>
public class CooperaNetFactory : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings())
        {
            builder.UseSetting(key, value);
        }

        // Test classes sign in far more often than a person; the sign-in limits have their own tests.
        builder.UseSetting("CooperaNet:SignIn:PerAddressPermits", "1000000");
        builder.UseSetting("CooperaNet:SignIn:PerAccountPermits", "1000000");
    }

    /// <summary>Runs <paramref name="work"/> with a scoped service provider of the application.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Creates a user through the same service the command line uses.</summary>
    public Task<UserSummary> CreateUserAsync(string email, string role, string? state = null, string password = TestUsers.Password) =>
        WithScopeAsync(async sp =>
        {
            var (user, error) = await sp.GetRequiredService<UserAdministration>().CreateUserAsync(email, role, state, password);
            return user ?? throw new InvalidOperationException(error!.Detail);
        });

    public CooperaNetDbContext NewDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<CooperaNetDbContext>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}

public static class TestUsers
{
    public const string Password = "correct-horse-battery-42";
}
