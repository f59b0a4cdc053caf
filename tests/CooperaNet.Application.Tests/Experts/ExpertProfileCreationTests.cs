using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Experts;

public sealed class ExpertProfileCreationTests : IAsyncLifetime
{
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_existing_account_gets_its_profile_only_with_consent_and_a_valid_profile()
    {
        var userId = await host.InScopeAsync(async sp =>
        {
            var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = "sin-perfil@example.org", Email = "sin-perfil@example.org", CreatedAt = host.Clock.GetUtcNow() };
            Assert.True((await sp.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, "Agua-potable-2026")).Succeeded);
            return user.Id;
        });

        var (refused, errors) = await host.InScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().CreateAsync(userId, consent: false, ExpertProfileTests.AProfile() with { Sectors = [] }, Ct));
        Assert.Null(refused);
        Assert.Equal(["consent expert.consent", "sectors sectors.required"], errors.Select(e => $"{e.Field} {e.Code}").Order(StringComparer.Ordinal));
        Assert.Null(await host.InScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().OfUserAsync(userId, Ct)));

        var (created, none) = await host.InScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().CreateAsync(userId, consent: true, ExpertProfileTests.AProfile("Beatriz Souza"), Ct));
        Assert.Empty(none);
        var stored = await host.InScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().OfUserAsync(userId, Ct));
        Assert.Equal((created!.Id, "Beatriz Souza", ExpertValidation.ConsentVersion, host.Clock.GetUtcNow()), (stored!.Id, stored.FullName, stored.ConsentVersion, stored.ConsentedAt));
    }
}
