using CooperaNet.Domain.Experiences;

namespace CooperaNet.Domain.Tests.Experiences;

public sealed class RelatedExperiencesTests
{
    private static readonly DateTimeOffset January = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private static readonly Guid Water = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid WaterOlder = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Sanitation = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid HealthGoal = Guid.Parse("00000000-0000-0000-0000-000000000004");
    private static readonly Guid Teachers = Guid.Parse("00000000-0000-0000-0000-000000000005");
    private static readonly Guid FromTheInitiative = Guid.Parse("00000000-0000-0000-0000-000000000006");
    private static readonly Guid Initiative = Guid.Parse("10000000-0000-0000-0000-000000000000");

    /// <summary>
    /// An offer in rural water supply (14030) and basic drinking water (14031), for goal 6 (target 6.1).
    /// </summary>
    private static readonly Subject Offer = new(["14030", "14031"], ["6.1"]);

    private static readonly RelatedCandidate[] Candidates =
    [
        // Same sector 14030 (3) + category 140 (1) + goal 6 (2) = 6, published in March.
        new(Water, new Subject(["14030"], ["6"]), January.AddMonths(2)),
        // The same score, published earlier: ranked after it.
        new(WaterOlder, new Subject(["14030"], ["6.2"]), January),
        // Category 140 only (14050 waste management) = 1.
        new(Sanitation, new Subject(["14050"], []), January.AddMonths(5)),
        // Goal 6 only = 2.
        new(HealthGoal, new Subject(["12220"], ["6.3"]), January.AddMonths(1)),
        // Nothing shared = left out.
        new(Teachers, new Subject(["11220"], ["4"]), January.AddMonths(6)),
        // From the initiative (10), nothing else shared.
        new(FromTheInitiative, new Subject(["15110"], ["16"], Initiative), January),
    ];

    [Fact]
    public void Experiences_rank_by_shared_sectors_categories_and_goals_with_the_newest_first_among_equals()
    {
        var ranked = RelatedExperiences.Rank(Offer, Candidates, take: 10);

        Assert.Equal([Water, WaterOlder, HealthGoal, Sanitation], ranked.Select(r => r.Id));
        Assert.Equal([6, 6, 2, 1], ranked.Select(r => r.Score));
    }

    [Fact]
    public void An_experience_from_the_initiative_itself_comes_first_on_the_initiatives_page()
    {
        var ranked = RelatedExperiences.Rank(Offer with { InitiativeId = Initiative }, Candidates, take: 2);

        Assert.Equal([FromTheInitiative, Water], ranked.Select(r => r.Id));
    }

    [Fact]
    public void An_experience_is_not_related_to_itself_and_the_list_is_cut_to_size()
    {
        var ranked = RelatedExperiences.Rank(new Subject(["14030"], ["6"]), Candidates, take: 1, except: Water);

        Assert.Equal([WaterOlder], ranked.Select(r => r.Id));
    }
}
