using CooperaNet.Application.Data;
using CooperaNet.Application.Email;
using CooperaNet.Application.FollowUp;
using CooperaNet.Application.Identity;
using CooperaNet.Domain;
using CooperaNet.Domain.FollowUp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Tests.FollowUp;

/// <summary>Texts that name their language and key, so a test sees which were used and in which language.</summary>
internal sealed class KeyTexts : IFollowUpTexts
{
    public string Say(string language, string key, params object[] arguments) =>
        $"[{language}] {key}" + (arguments.Length > 0 ? " " + string.Join(" ", arguments) : string.Empty);
}

/// <summary>Campaigns, focal points and the reminder job over one app instance's services.</summary>
internal static class CampaignHelpers
{
    public const string BaseUrl = "https://cooperanet.example.org";

    public static readonly LocalizedText Message = LocalizedText.Of(
        "Publique la primera oferta de su país.", "Publish your country's first offer.", "Publique a primeira oferta do seu país.", "Publiez la première offre de votre pays.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A job of <paramref name="instance"/>'s own, as each app instance has one.</summary>
    public static CampaignReminderJob ReminderJob(this IServiceProvider instance, IDataProtectionProvider? keys = null) =>
        ActivatorUtilities.CreateInstance<CampaignReminderJob>(
            instance,
            new KeyTexts(),
            new UnsubscribeTokens(keys ?? new EphemeralDataProtectionProvider()),
            Options.Create(new FollowUpOptions()),
            Options.Create(new EmailOptions { From = "cooperanet@example.org", PublicBaseUrl = BaseUrl }));

    /// <summary>A running campaign of <paramref name="states"/>: invitation, reminder after 14 days, final reminder after 30.</summary>
    public static async Task<Campaign> RunningCampaignAsync(this IServiceProvider instance, params string[] states)
    {
        var now = instance.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var draft = new CampaignDraft("Campaña 2026", today, today.AddMonths(3), CampaignTarget.States, null, states, Message,
            [new(CampaignStepKind.Invitation, 0), new(CampaignStepKind.Reminder, 14), new(CampaignStepKind.FinalReminder, 30)]);
        var (campaign, errors) = Campaign.Draft(Guid.CreateVersion7(now), draft, now);
        Assert.Empty(errors);
        Assert.Null(campaign!.Start(now));
        await instance.WithDbAsync(db =>
        {
            db.Campaigns.Add(campaign);
            return db.SaveChangesAsync(Ct);
        });
        return campaign;
    }

    /// <summary>A focal point of <paramref name="state"/> who reads e-mail in <paramref name="language"/>; returns the address.</summary>
    public static async Task<string> FocalPointAsync(this IServiceProvider instance, string state, string language)
    {
        var email = $"fp-{state}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        await using var scope = instance.CreateAsyncScope();
        var (user, error) = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateUserAsync(email, Roles.FocalPoint, state, "correct-horse-battery-42");
        Assert.Null(error);
        var db = scope.ServiceProvider.GetRequiredService<CooperaNetDbContext>();
        await db.Users.Where(u => u.Id == user!.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language), Ct);
        return email;
    }

    public static Task<List<OutboxMessage>> OutboxAsync(this IServiceProvider instance) =>
        instance.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync(Ct));

    public static Task<List<CampaignDelivery>> DeliveriesAsync(this IServiceProvider instance) =>
        instance.WithDbAsync(db => db.CampaignDeliveries.AsNoTracking().ToListAsync(Ct));

    public static Task<T> WithDbAsync<T>(this IServiceProvider instance, Func<CooperaNetDbContext, Task<T>> work) =>
        Matching.Pairing.WithDbAsync(instance, work);
}
