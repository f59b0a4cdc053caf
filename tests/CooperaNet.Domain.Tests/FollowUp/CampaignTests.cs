using CooperaNet.Domain.FollowUp;

namespace CooperaNet.Domain.Tests.FollowUp;

public sealed class CampaignTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly LocalizedText Message = LocalizedText.Of("Publique su oferta", "Publish your offer", "Publique sua oferta", "Publiez votre offre");

    private static CampaignDraft ADraft(CampaignTarget target = CampaignTarget.All, string? subregion = null, string[]? states = null, StepDraft[]? steps = null, LocalizedText? message = null) =>
        new("Campaña 2026", new DateOnly(2026, 3, 2), new DateOnly(2026, 6, 30), target, subregion, states ?? [], message ?? Message,
            steps ?? [new(CampaignStepKind.Invitation, 0), new(CampaignStepKind.Reminder, 14), new(CampaignStepKind.FinalReminder, 30)]);

    private static Campaign ARunningCampaign(CampaignDraft? draft = null)
    {
        var (campaign, errors) = Campaign.Draft(Guid.NewGuid(), draft ?? ADraft(), Start);
        Assert.Empty(errors);
        Assert.Null(campaign!.Start(Start));
        return campaign;
    }

    [Fact]
    public void A_draft_numbers_its_steps_in_order()
    {
        var (campaign, errors) = Campaign.Draft(Guid.NewGuid(), ADraft(), Start);

        Assert.Empty(errors);
        Assert.Equal(CampaignStatus.Draft, campaign!.Status);
        Assert.Equal([(1, CampaignStepKind.Invitation, 0), (2, CampaignStepKind.Reminder, 14), (3, CampaignStepKind.FinalReminder, 30)], campaign.Steps.Select(s => (s.Number, s.Kind, s.DaysWithoutActivity)));
    }

    [Fact]
    public void A_campaign_needs_its_message_in_all_four_languages()
    {
        var (campaign, errors) = Campaign.Draft(Guid.NewGuid(), ADraft(message: LocalizedText.Of("Publique", "Publish", null, " ")), Start);

        Assert.Null(campaign);
        Assert.Equal(["messagePt", "messageFr"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_campaign_needs_a_name_and_an_end_after_its_start()
    {
        var draft = ADraft() with { Name = " ", EndsOn = new DateOnly(2026, 3, 1) };

        var (_, errors) = Campaign.Draft(Guid.NewGuid(), draft, Start);

        Assert.Equal(["name", "endsOn"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(CampaignStepKind.Reminder, CampaignStepKind.Invitation)]
    [InlineData(CampaignStepKind.Invitation, CampaignStepKind.Invitation)]
    public void Steps_begin_with_one_invitation(CampaignStepKind first, CampaignStepKind second)
    {
        var (_, errors) = Campaign.Draft(Guid.NewGuid(), ADraft(steps: [new(first, 5), new(second, 10)]), Start);

        Assert.Equal([FollowUpError.Steps], errors);
    }

    [Fact]
    public void Reminders_wait_longer_each_and_the_final_one_comes_last()
    {
        StepDraft[] shorter = [new(CampaignStepKind.Invitation, 0), new(CampaignStepKind.Reminder, 14), new(CampaignStepKind.Reminder, 14)];
        StepDraft[] finalFirst = [new(CampaignStepKind.Invitation, 0), new(CampaignStepKind.FinalReminder, 7), new(CampaignStepKind.Reminder, 14)];
        StepDraft[] noWait = [new(CampaignStepKind.Invitation, 0), new(CampaignStepKind.Reminder, 0)];

        Assert.NotEmpty(Campaign.Draft(Guid.NewGuid(), ADraft(steps: shorter), Start).Errors);
        Assert.NotEmpty(Campaign.Draft(Guid.NewGuid(), ADraft(steps: finalFirst), Start).Errors);
        Assert.NotEmpty(Campaign.Draft(Guid.NewGuid(), ADraft(steps: noWait), Start).Errors);
    }

    [Fact]
    public void A_list_target_needs_states_and_a_subregion_target_its_subregion()
    {
        Assert.Equal(["states"], Campaign.Draft(Guid.NewGuid(), ADraft(CampaignTarget.States), Start).Errors.Select(e => e.Field));
        Assert.Equal(["subregion"], Campaign.Draft(Guid.NewGuid(), ADraft(CampaignTarget.Subregion), Start).Errors.Select(e => e.Field));
        Assert.Equal(["states"], Campaign.Draft(Guid.NewGuid(), ADraft(CampaignTarget.States, states: ["Colombia"]), Start).Errors.Select(e => e.Field));
    }

    [Fact]
    public void Campaign_goes_from_draft_to_running_to_ended_and_no_other_way()
    {
        var (campaign, _) = Campaign.Draft(Guid.NewGuid(), ADraft(), Start);

        Assert.Equal(FollowUpError.IllegalTransition, campaign!.End(Start));
        Assert.Null(campaign.Start(Start));
        Assert.Equal(FollowUpError.IllegalTransition, campaign.Start(Start));
        Assert.Null(campaign.End(Start.AddDays(3)));
        Assert.Equal(CampaignStatus.Ended, campaign.Status);
        Assert.Equal(FollowUpError.IllegalTransition, campaign.Start(Start.AddDays(4)));
    }

    [Fact]
    public void Only_a_draft_can_be_edited()
    {
        var campaign = ARunningCampaign();

        Assert.Equal([FollowUpError.NotEditable], campaign.Edit(ADraft() with { Name = "Otra" }));
        Assert.Equal("Campaña 2026", campaign.Name);
    }

    [Fact]
    public void Targets_all_a_subregion_a_list_or_the_states_without_publications()
    {
        var all = ARunningCampaign();
        var caribbean = ARunningCampaign(ADraft(CampaignTarget.Subregion, subregion: "Caribbean"));
        var listed = ARunningCampaign(ADraft(CampaignTarget.States, states: ["co", "PE"]));
        var inactive = ARunningCampaign(ADraft(CampaignTarget.Inactive));

        Assert.True(all.Targets("CO", "South America", Start.AddDays(-100)));
        Assert.True(caribbean.Targets("JM", "Caribbean", null));
        Assert.False(caribbean.Targets("CO", "South America", null));
        Assert.True(listed.Targets("CO", "South America", null));
        Assert.False(listed.Targets("AR", "South America", null));
        Assert.True(inactive.Targets("HT", "Caribbean", null));
        Assert.True(inactive.Targets("HT", "Caribbean", Start.AddDays(2)));
        Assert.False(inactive.Targets("MX", "Central America", Start.AddDays(-1)));
    }

    [Fact]
    public void The_invitation_is_due_as_soon_as_the_campaign_runs()
    {
        var campaign = ARunningCampaign();

        Assert.True(campaign.IsDue(campaign.Steps[0], Start, null));
    }

    [Fact]
    public void Nothing_is_due_from_a_draft_or_an_ended_campaign_or_after_its_last_day()
    {
        var (draft, _) = Campaign.Draft(Guid.NewGuid(), ADraft(), Start);
        var ended = ARunningCampaign();
        ended.End(Start.AddDays(1));
        var running = ARunningCampaign();

        Assert.False(draft!.IsDue(draft.Steps[0], Start, null));
        Assert.False(ended.IsDue(ended.Steps[0], Start.AddDays(2), null));
        Assert.False(running.IsDue(running.Steps[0], new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), null));
    }

    [Fact]
    public void A_reminder_is_due_after_its_days_without_a_publication()
    {
        var campaign = ARunningCampaign();
        var reminder = campaign.Steps[1];

        Assert.False(campaign.IsDue(reminder, Start.AddDays(13), null));
        Assert.True(campaign.IsDue(reminder, Start.AddDays(14), null));
        Assert.True(campaign.IsDue(reminder, Start.AddDays(14), Start.AddDays(-3)));
    }

    [Fact]
    public void Nothing_more_is_due_once_the_state_publishes_after_the_start()
    {
        var campaign = ARunningCampaign();

        Assert.False(campaign.IsDue(campaign.Steps[0], Start.AddDays(1), Start.AddHours(2)));
        Assert.False(campaign.IsDue(campaign.Steps[2], Start.AddDays(60), Start.AddDays(1)));
    }
}
