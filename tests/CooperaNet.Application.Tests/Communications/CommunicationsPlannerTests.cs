using CooperaNet.Application.Communications;
using CooperaNet.Application.Data;
using CooperaNet.Application.ReferenceData;
using CooperaNet.Domain.Communications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Communications;

public sealed class CommunicationsPlannerTests : IAsyncLifetime
{
    private DataHost host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DataHost.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private Task<T> WithPlannerAsync<T>(Func<CommunicationsPlanner, Task<T>> work) =>
        host.InScopeAsync(sp => work(new CommunicationsPlanner(sp.GetRequiredService<CooperaNetDbContext>(), host.Clock)));

    private static TextInput Four(string text) => new(text + " (es)", text + " (en)", text + " (pt)", text + " (fr)");

    private async Task<Guid> WebsiteAsync() =>
        (await WithPlannerAsync(p => p.ChannelsAsync(Ct))).Single(c => c.Kind == ChannelKind.Website).Id;

    private static PlanItemInput AnItem(Guid channel, DateOnly day, TextInput? message = null) =>
        new("experts", channel, message, day, "planned", "Secretaría técnica");

    private static ContentPieceInput APiece(Guid channel, DateOnly day, Guid? internalId = null, string? url = "https://example.org/nota", string kind = "news", string status = "planned", DateOnly? published = null) =>
        new(kind, "Nota sobre agua rural", internalId, url, ["public", "media"], channel, day, published, status);

    [Fact]
    public async Task The_seven_audiences_have_a_key_message_in_four_languages_and_the_platform_its_three_channels()
    {
        var messages = await WithPlannerAsync(p => p.MessagesAsync(Ct));
        var channels = await WithPlannerAsync(p => p.ChannelsAsync(Ct));

        Assert.Equal(AudienceNames.All, messages.Select(m => m.Audience));
        Assert.All(messages, m => Assert.True(m.Message.IsComplete && m.Description.IsComplete, AudienceNames.Key(m.Audience)));
        Assert.Equal([ChannelKind.Website, ChannelKind.Newsletter, ChannelKind.Events], channels.Select(c => c.Kind));
        Assert.DoesNotContain(channels, c => c.Kind == ChannelKind.SocialMedia);
    }

    [Fact]
    public async Task Seeding_again_keeps_the_secretariats_edits_and_adds_nothing_twice()
    {
        var editor = Guid.NewGuid();
        var edited = await WithPlannerAsync(p => p.SaveMessageAsync(Audience.Media, new AudienceMessageInput(Four("Periodistas"), Four("Mensaje nuevo")), editor, Ct));
        Assert.Empty(edited.Errors);

        await host.InScopeAsync(sp => sp.GetRequiredService<ReferenceDataImporter>().ImportAsync(force: true, Ct));

        var media = await WithPlannerAsync(p => p.MessageAsync(Audience.Media, Ct));
        Assert.Equal("Mensaje nuevo (fr)", media!.Message.Fr);
        Assert.Equal(editor, media.UpdatedById);
        Assert.Equal(host.Clock.GetUtcNow(), media.UpdatedAt);
        Assert.Equal(7, await host.WithDbAsync(db => db.AudienceMessages.CountAsync(Ct)));
        Assert.Equal(3, await host.WithDbAsync(db => db.CommunicationChannels.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_key_message_needs_all_four_languages()
    {
        var outcome = await WithPlannerAsync(p => p.SaveMessageAsync(Audience.Donors, new AudienceMessageInput(Four("Donantes"), new TextInput("Solo en español", null, " ", "Seulement")), Guid.NewGuid(), Ct));

        Assert.Null(outcome.Value);
        Assert.Equal(["message.en", "message.pt"], outcome.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task A_semester_has_one_plan_only()
    {
        var first = await WithPlannerAsync(p => p.CreatePlanAsync(2027, 1, Ct));
        var again = await WithPlannerAsync(p => p.CreatePlanAsync(2027, 1, Ct));
        var other = await WithPlannerAsync(p => p.CreatePlanAsync(2027, 2, Ct));

        Assert.NotNull(first.Value);
        Assert.Equal(CommunicationsPlanner.SemesterTaken, again.Conflict);
        Assert.NotNull(other.Value);
        Assert.Equal(2, await host.WithDbAsync(db => db.CommunicationPlans.CountAsync(Ct)));
    }

    [Theory]
    [InlineData(2027, 3)]
    [InlineData(2027, 0)]
    [InlineData(1999, 1)]
    [InlineData(null, 1)]
    public async Task A_plan_needs_a_real_semester(int? year, int? half)
    {
        var outcome = await WithPlannerAsync(p => p.CreatePlanAsync(year, half, Ct));

        Assert.Equal("communications.semester", Assert.Single(outcome.Errors).Code);
    }

    [Theory]
    [InlineData("2027-07-01", true)]
    [InlineData("2027-12-31", true)]
    [InlineData("2027-06-30", false)]
    [InlineData("2028-01-01", false)]
    public async Task Items_are_planned_within_the_semester(string day, bool accepted)
    {
        await WithPlannerAsync(p => p.CreatePlanAsync(2027, 2, Ct));
        var channel = await WebsiteAsync();

        var outcome = await WithPlannerAsync(p => p.SaveItemAsync(2027, 2, null, AnItem(channel, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), Ct));

        Assert.Equal(accepted, outcome.Value is not null);
        if (!accepted)
        {
            var error = Assert.Single(outcome.Errors);
            Assert.Equal(("plannedOn", "communications.outside-semester"), (error.Field, error.Code));
        }
    }

    [Fact]
    public async Task An_item_without_a_message_carries_the_key_message_and_a_specific_one_needs_four_languages()
    {
        await WithPlannerAsync(p => p.CreatePlanAsync(2027, 1, Ct));
        var channel = await WebsiteAsync();

        var key = await WithPlannerAsync(p => p.SaveItemAsync(2027, 1, null, AnItem(channel, new DateOnly(2027, 3, 2), new TextInput(null, "", null, " ")), Ct));
        var partial = await WithPlannerAsync(p => p.SaveItemAsync(2027, 1, null, AnItem(channel, new DateOnly(2027, 3, 2), new TextInput("Convocatoria abierta", null, null, null)), Ct));
        var specific = await WithPlannerAsync(p => p.SaveItemAsync(2027, 1, null, AnItem(channel, new DateOnly(2027, 3, 2), Four("Convocatoria abierta")), Ct));

        Assert.True(key.Value!.UsesKeyMessage);
        Assert.Equal(["message.en", "message.pt", "message.fr"], partial.Errors.Select(e => e.Field));
        Assert.Equal("Convocatoria abierta (pt)", specific.Value!.Message.Pt);
        var plan = await WithPlannerAsync(p => p.PlanAsync(2027, 1, Ct));
        Assert.Equal(2, plan!.Items.Count);
    }

    [Fact]
    public async Task Items_go_only_to_an_existing_plan_through_an_active_channel()
    {
        await WithPlannerAsync(p => p.CreatePlanAsync(2027, 1, Ct));
        var quiet = await WithPlannerAsync(p => p.SaveChannelAsync(null, new ChannelInput("social-media", "Cuenta cerrada", "@cerrada", ["public"], false), Ct));

        var noPlan = await WithPlannerAsync(p => p.SaveItemAsync(2030, 1, null, AnItem(quiet.Value!.Id, new DateOnly(2030, 2, 1)), Ct));
        var inactive = await WithPlannerAsync(p => p.SaveItemAsync(2027, 1, null, AnItem(quiet.Value!.Id, new DateOnly(2027, 2, 1)), Ct));
        var unknown = await WithPlannerAsync(p => p.SaveItemAsync(2027, 1, null, AnItem(Guid.NewGuid(), new DateOnly(2027, 2, 1)), Ct));

        Assert.True(noPlan.NotFound);
        Assert.Equal("channelId", Assert.Single(inactive.Errors).Field);
        Assert.Equal("channelId", Assert.Single(unknown.Errors).Field);
    }

    [Theory]
    [InlineData("https://www.facebook.com/oea", true)]
    [InlineData("@CooperaNet_OEA", true)]
    [InlineData("/newsletter", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("//evil.example", false)]
    [InlineData("@", false)]
    [InlineData("ftp://example.org", false)]
    public async Task A_channel_address_is_a_web_address_a_handle_or_a_platform_page(string address, bool accepted)
    {
        var outcome = await WithPlannerAsync(p => p.SaveChannelAsync(null, new ChannelInput("social-media", "Cuenta " + address, address, ["public"], true), Ct));

        Assert.Equal(accepted, outcome.Value is not null);
        Assert.Equal(accepted, !outcome.Errors.Any(e => e.Field == "address"));
    }

    [Fact]
    public async Task Channel_names_are_unique_and_audiences_are_checked()
    {
        var taken = await WithPlannerAsync(p => p.SaveChannelAsync(null, new ChannelInput("website", "CooperaNet", "https://example.org", ["public"], true), Ct));
        var noAudience = await WithPlannerAsync(p => p.SaveChannelAsync(null, new ChannelInput("media", "Radio", "https://radio.example.org", ["listeners"], true), Ct));

        Assert.Equal("communications.channel-name-taken", Assert.Single(taken.Errors).Code);
        Assert.Equal("audiences", Assert.Single(noAudience.Errors).Field);
    }

    [Fact]
    public async Task A_content_piece_links_to_one_thing_and_a_done_piece_has_its_publication_date_in_the_semester()
    {
        await WithPlannerAsync(p => p.CreatePlanAsync(2027, 1, Ct));
        var channel = await WebsiteAsync();
        var day = new DateOnly(2027, 4, 20);

        var both = await WithPlannerAsync(p => p.SavePieceAsync(2027, 1, null, APiece(channel, day, internalId: Guid.NewGuid()), Ct));
        var none = await WithPlannerAsync(p => p.SavePieceAsync(2027, 1, null, APiece(channel, day, url: null), Ct));
        var missing = await WithPlannerAsync(p => p.SavePieceAsync(2027, 1, null, APiece(channel, day, internalId: Guid.NewGuid(), url: null, kind: "experience"), Ct));
        var newsById = await WithPlannerAsync(p => p.SavePieceAsync(2027, 1, null, APiece(channel, day, internalId: Guid.NewGuid(), url: null), Ct));
        var doneUndated = await WithPlannerAsync(p => p.SavePieceAsync(2027, 1, null, APiece(channel, day, status: "done"), Ct));
        var doneLate = await WithPlannerAsync(p => p.SavePieceAsync(2027, 1, null, APiece(channel, day, status: "done", published: new DateOnly(2027, 7, 2)), Ct));
        var done = await WithPlannerAsync(p => p.SavePieceAsync(2027, 1, null, APiece(channel, day, status: "done", published: new DateOnly(2027, 4, 22)), Ct));

        Assert.Equal("communications.link", Assert.Single(both.Errors).Code);
        Assert.Equal("communications.link", Assert.Single(none.Errors).Code);
        Assert.Equal("communications.internal-missing", Assert.Single(missing.Errors).Code);
        Assert.Equal("communications.internal-kind", Assert.Single(newsById.Errors).Code);
        Assert.Equal("communications.published-on", Assert.Single(doneUndated.Errors).Code);
        Assert.Equal("communications.outside-semester", Assert.Single(doneLate.Errors).Code);
        Assert.Equal([Audience.Public, Audience.Media], done.Value!.Audiences);
        Assert.Equal(PlanStatus.Done, done.Value.Status);
    }
}
