using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Communications;

/// <summary>A semester's plan with one item and one content piece, saved through the planner; forms and bodies for writes.</summary>
public static class CommunicationData
{
    public const int Year = 2031;
    public const int Half = 1;

    private static int nextYear = 2039;

    /// <summary>A year whose semesters have no plan yet, different at each call.</summary>
    public static int FreeYear() => Interlocked.Increment(ref nextYear);

    public sealed record Saved(Guid ChannelId, Guid ItemId, Guid PieceId, Guid WebsiteId);

    /// <summary>Opens the 2031-1 plan when missing and adds a fresh channel, an item and a content piece to it.</summary>
    public static Task<Saved> SaveAsync(CooperaNetFactory app, string word) =>
        app.WithScopeAsync(async sp =>
        {
            var planner = sp.GetRequiredService<CommunicationsPlanner>();
            var ct = TestContext.Current.CancellationToken;
            if (await planner.PlanAsync(Year, Half, ct) is null)
            {
                Assert.NotNull((await planner.CreatePlanAsync(Year, Half, ct)).Value);
            }

            var website = (await planner.ChannelsAsync(ct)).Single(c => c.Kind == ChannelKind.Website).Id;
            var channel = await planner.SaveChannelAsync(null, new ChannelInput("social-media", "Cuenta " + word, "@" + word, ["public", "media"], true), ct);
            var item = await planner.SaveItemAsync(Year, Half, null, new PlanItemInput("experts", website, null, new DateOnly(Year, 3, 4), "planned", "Secretaría técnica"), ct);
            var piece = await planner.SavePieceAsync(Year, Half, null, new ContentPieceInput("news", "Nota " + word, null, "https://example.org/" + word, ["public"], website, new DateOnly(Year, 5, 6), null, "planned"), ct);
            return new Saved(channel.Value!.Id, item.Value!.Id, piece.Value!.Id, website);
        });

    public static Dictionary<string, string> MessageForm(string word) => new()
    {
        ["Form.DescriptionEs"] = "Periodistas " + word,
        ["Form.DescriptionEn"] = "Journalists " + word,
        ["Form.DescriptionPt"] = "Jornalistas " + word,
        ["Form.DescriptionFr"] = "Journalistes " + word,
        ["Form.MessageEs"] = "Historias verificadas " + word,
        ["Form.MessageEn"] = "Verified stories " + word,
        ["Form.MessagePt"] = "Histórias verificadas " + word,
        ["Form.MessageFr"] = "Histoires vérifiées " + word,
    };

    public static object MessageJson(string word) => new
    {
        description = new { es = "Periodistas " + word, en = "Journalists " + word, pt = "Jornalistas " + word, fr = "Journalistes " + word },
        message = new { es = "Historias " + word, en = "Stories " + word, pt = "Histórias " + word, fr = "Histoires " + word },
    };

    public static Dictionary<string, string> ChannelForm(string word) => new()
    {
        ["Form.Kind"] = "media",
        ["Form.Name"] = "Radio " + word,
        ["Form.Address"] = "https://radio.example.org/" + word,
        ["Form.Audiences"] = "public",
        ["Form.Active"] = "true",
    };

    public static object ChannelJson(string word) => new { kind = "social-media", name = "Red " + word, address = "@" + word, audiences = new[] { "public", "media" }, active = true };

    public static Dictionary<string, string> ItemForm(Guid channel) => new()
    {
        ["Form.Audience"] = "donors",
        ["Form.ChannelId"] = channel.ToString(),
        ["Form.PlannedOn"] = $"{Year}-02-10",
        ["Form.Status"] = "done",
        ["Form.Owner"] = "Equipo de comunicación",
    };

    public static object ItemJson(Guid channel) => new { audience = "donors", channelId = channel, plannedOn = $"{Year}-02-10", status = "planned", owner = "Equipo de comunicación" };

    public static Dictionary<string, string> PieceForm(Guid channel, string word) => new()
    {
        ["Form.Kind"] = "news",
        ["Form.Title"] = "Noticia " + word,
        ["Form.ExternalUrl"] = "https://example.org/noticias/" + word,
        ["Form.Audiences"] = "public",
        ["Form.ChannelId"] = channel.ToString(),
        ["Form.PlannedOn"] = $"{Year}-06-01",
        ["Form.Status"] = "planned",
    };

    public static object PieceJson(Guid channel, string word) => new
    {
        kind = "news",
        title = "Noticia " + word,
        externalUrl = "https://example.org/noticias/" + word,
        audiences = new[] { "public", "donors" },
        channelId = channel,
        plannedOn = $"{Year}-06-01",
        status = "planned",
    };
}
