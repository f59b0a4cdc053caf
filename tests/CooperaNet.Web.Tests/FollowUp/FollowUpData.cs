using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.FollowUp;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.FollowUp;

/// <summary>Campaigns and follow-up entries written straight to the application's database.</summary>
internal static class FollowUpData
{
    public static readonly LocalizedText Message = LocalizedText.Of(
        "Publique la primera oferta de su país.", "Publish your country's first offer.", "Publique a primeira oferta do seu país.", "Publiez la première offre de votre pays.");

    public static Task<Campaign> DraftCampaignAsync(this CooperaNetFactory app, string name) => app.WithScopeAsync(async sp =>
    {
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var (campaign, errors) = Campaign.Draft(Guid.CreateVersion7(now), new CampaignDraft(name, today, today.AddMonths(2), CampaignTarget.States, null, ["CO", "PE"], Message,
            [new(CampaignStepKind.Invitation, 0), new(CampaignStepKind.Reminder, 14)]), now);
        Assert.Empty(errors);
        var db = sp.GetRequiredService<CooperaNetDbContext>();
        db.Campaigns.Add(campaign!);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return campaign!;
    });

    /// <summary>The campaign form as a browser posts it.</summary>
    public static Dictionary<string, string> CampaignForm(string name) => new()
    {
        ["Form.Name"] = name,
        ["Form.StartsOn"] = "2026-03-02",
        ["Form.EndsOn"] = "2026-06-30",
        ["Form.Target"] = "states",
        ["Form.States"] = "CO, PE",
        ["Form.MessageEs"] = "Publique la primera oferta de su país.",
        ["Form.MessageEn"] = "Publish your country's first offer.",
        ["Form.MessagePt"] = "Publique a primeira oferta do seu país.",
        ["Form.MessageFr"] = "Publiez la première offre de votre pays.",
        ["Form.ReminderDays"] = "14",
        ["Form.FinalReminderDays"] = "30",
    };

    /// <summary>The same campaign as an API client sends it.</summary>
    public static object CampaignJson(string name) => new
    {
        name,
        startsOn = "2026-03-02",
        endsOn = "2026-06-30",
        target = "states",
        states = "CO, PE",
        messageEs = "Publique la primera oferta de su país.",
        messageEn = "Publish your country's first offer.",
        messagePt = "Publique a primeira oferta do seu país.",
        messageFr = "Publiez la première offre de votre pays.",
        reminderDays = 14,
        finalReminderDays = 30,
    };
}
