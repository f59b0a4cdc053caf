namespace CooperaNet.Matching.Tests;

public sealed class MatchIndexTests : IDisposable
{
    private readonly MatchingEngine engine = MatchingEngine.Create(Knowledge.Small());
    private readonly MatchIndex offers;

    public MatchIndexTests() => offers = engine.CreateIndex();

    [Theory]
    [InlineData("es", "Capacitación de docentes", "Buscamos apoyo para formar maestros.")]
    [InlineData("pt", "Capacitação de professores", "Procuramos apoio.")]
    [InlineData("fr", "Formation des enseignants", "Nous cherchons un appui.")]
    public void A_demand_finds_an_English_offer_with_which_it_shares_no_word(string language, string title, string description)
    {
        offers.AddOrUpdate(An.Offer("teachers").Saying("en", "Teacher workshops", "We run workshops for teachers.").Build());
        offers.AddOrUpdate(An.Offer("vaccines").Saying("en", "Vaccination campaigns", "Cold chain and vaccines.").Build());

        var matches = offers.Search(An.Demand("d").Saying(language, title, description).Build(), 10);

        Assert.Equal("teachers", matches[0].Id);
        Assert.DoesNotContain(matches, m => m.Id == "vaccines" && m.Score >= matches[0].Score);
    }

    [Fact]
    public void An_entry_with_no_codes_matches_an_offer_by_what_its_text_says()
    {
        offers.AddOrUpdate(An.Offer("water").Saying("en", "Rural water systems", "Wells and pipes.").InSectors("14030").Build());
        offers.AddOrUpdate(An.Offer("farms").Saying("en", "Support to smallholders", "Seeds.").InSectors("31120").Build());

        var matches = offers.Search(An.Demand("d").Saying("es", "Abastecimiento de agua potable en comunidades").Build(), 10);

        Assert.Equal("water", matches[0].Id);
        var sector = Assert.Single(matches[0].Reasons, r => r.Kind == ReasonKind.SameSector);
        Assert.Equal(["14030"], sector.Values);
        Assert.True(sector.Inferred);
    }

    [Fact]
    public void An_offer_with_a_wrong_code_is_still_found_by_its_text()
    {
        offers.AddOrUpdate(An.Offer("mislabelled").Saying("en", "Drinking water for villages", "Water supply.").InSectors("31120").Build());
        offers.AddOrUpdate(An.Offer("other").Saying("en", "Teacher workshops").InSectors("11220").Build());

        var matches = offers.Search(An.Demand("d").Saying("fr", "Eau potable pour les villages").InSectors("14030").Build(), 10);

        Assert.Equal("mislabelled", matches[0].Id);
    }

    [Fact]
    public void The_same_code_ranks_above_the_same_category_and_both_say_so()
    {
        offers.AddOrUpdate(An.Offer("category").Saying("en", "Adult literacy").InSectors("11230").Build());
        offers.AddOrUpdate(An.Offer("exact").Saying("en", "Schools").InSectors("11220").Build());

        var matches = offers.Search(An.Demand("d").Saying("es", "Apoyo").InSectors("11220").Build(), 10);

        Assert.Equal(["exact", "category"], matches.Select(m => m.Id));
        Assert.Contains(matches[0].Reasons, r => r.Kind == ReasonKind.SameSector && r.Values.SequenceEqual(["11220"]) && !r.Inferred);
        Assert.Contains(matches[1].Reasons, r => r.Kind == ReasonKind.SameCategory && r.Values.SequenceEqual(["112"]) && !r.Inferred);
        Assert.DoesNotContain(matches[1].Reasons, r => r.Kind == ReasonKind.SameSector);
    }

    [Fact]
    public void Shared_goal_modality_language_country_and_period_are_each_a_reason()
    {
        offers.AddOrUpdate(An.Offer("o").Saying("es", "Escuelas").InSectors("11220").ForSdgs("4.1")
            .As("ExpertMission").InCountries("CO", "PE").Between(new(2026, 1, 1), new(2026, 12, 31)).Build());

        var demand = An.Demand("d").Saying("es", "Docentes").InSectors("11220").ForSdgs("4")
            .As("technical-assistance").InCountries("PE").Between(new(2026, 6, 1), new(2027, 6, 1)).Build();
        var reasons = offers.Search(demand, 1)[0].Reasons;

        Assert.Contains(reasons, r => r.Kind == ReasonKind.SharedSdg && r.Values.SequenceEqual(["4"]));
        Assert.Contains(reasons, r => r.Kind == ReasonKind.CompatibleModality && r.Values.SequenceEqual(["technical-assistance", "ExpertMission"]));
        Assert.Contains(reasons, r => r.Kind == ReasonKind.CommonLanguage && r.Values.SequenceEqual(["es"]));
        Assert.Contains(reasons, r => r.Kind == ReasonKind.EligibleCountry && r.Values.SequenceEqual(["PE"]));
        Assert.Contains(reasons, r => r.Kind == ReasonKind.OverlappingPeriod && r.Values.SequenceEqual(["2026-06-01", "2026-12-31"]));
        Assert.Equal(reasons.OrderByDescending(r => r.Weight).Select(r => r.Kind), reasons.Select(r => r.Kind));
    }

    [Fact]
    public void Unrelated_modalities_countries_and_periods_give_no_reason()
    {
        offers.AddOrUpdate(An.Offer("o").Saying("en", "Schools").InSectors("11220")
            .As("Scholarship").InCountries("CO").Between(new(2020, 1, 1), new(2020, 12, 31)).Build());

        var demand = An.Demand("d").Saying("es", "Escuelas").InSectors("11220")
            .As("StudyVisit").InCountries("PE").Between(new(2026, 1, 1), new(2026, 12, 31)).Build();
        var reasons = offers.Search(demand, 1)[0].Reasons;

        Assert.DoesNotContain(reasons, r => r.Kind is ReasonKind.CompatibleModality or ReasonKind.EligibleCountry or ReasonKind.OverlappingPeriod or ReasonKind.CommonLanguage);
    }

    [Fact]
    public void Text_reasons_name_the_concepts_both_texts_speak_of()
    {
        offers.AddOrUpdate(An.Offer("o").Saying("en", "Vaccination of children").Build());

        var match = offers.Search(An.Demand("d").Saying("pt", "Campanha de vacinação").Build(), 1)[0];

        var text = Assert.Single(match.Reasons, r => r.Kind == ReasonKind.SimilarText);
        Assert.Contains("vaccine", text.Values);
    }

    [Fact]
    public void An_updated_offer_is_matched_by_what_it_now_says()
    {
        offers.AddOrUpdate(An.Offer("o").Saying("en", "Vaccination campaigns").InSectors("12250").Build());
        offers.AddOrUpdate(An.Offer("o").Saying("en", "Drinking water supply").InSectors("14030").Build());

        var water = offers.Search(An.Demand("d").Saying("es", "Agua potable").Build(), 10);
        var vaccines = offers.Search(An.Demand("d").Saying("es", "Vacunación").InSectors("12250").Build(), 10);

        Assert.Equal(1, offers.Count);
        Assert.Equal("o", Assert.Single(water).Id);
        Assert.DoesNotContain(vaccines, m => m.Reasons.Any(r => r.Kind == ReasonKind.SameSector));
    }

    [Fact]
    public void A_removed_offer_is_no_longer_found()
    {
        offers.AddOrUpdate(An.Offer("a").Saying("en", "Drinking water").InSectors("14030").Build());
        offers.AddOrUpdate(An.Offer("b").Saying("en", "Water wells").InSectors("14030").Build());

        Assert.True(offers.Remove("a"));
        Assert.False(offers.Remove("a"));
        var matches = offers.Search(An.Demand("d").Saying("es", "Agua").InSectors("14030").Build(), 10);

        Assert.Equal(["b"], matches.Select(m => m.Id));
        Assert.False(offers.Contains("a"));
    }

    [Fact]
    public void Editing_an_entry_many_times_leaves_scores_as_a_fresh_index_gives_them()
    {
        using var fresh = engine.CreateIndex();
        foreach (var index in new[] { offers, fresh })
        {
            index.AddOrUpdate(An.Offer("a").Saying("en", "Rural drinking water systems").InSectors("14030").Build());
            index.AddOrUpdate(An.Offer("b").Saying("en", "Water quality laboratories").InSectors("14015").Build());
            index.AddOrUpdate(An.Offer("c").Saying("en", "Teacher training").InSectors("11130").Build());
        }

        for (var i = 0; i < 50; i++)
        {
            offers.AddOrUpdate(An.Offer("a").Saying("en", "Rural drinking water systems").InSectors("14030").Build());
        }

        var demand = An.Demand("d").Saying("es", "Calidad del agua potable rural").Build();

        Assert.Equal(
            fresh.Search(demand, 10).Select(m => (m.Id, m.Score)),
            offers.Search(demand, 10).Select(m => (m.Id, m.Score)));
    }

    [Fact]
    public void Many_removals_compact_the_index_and_keep_the_survivors()
    {
        for (var i = 0; i < 3000; i++)
        {
            offers.AddOrUpdate(An.Offer($"o{i}").Saying("en", "Drinking water").InSectors("14030").Build());
        }

        for (var i = 0; i < 2990; i++)
        {
            offers.Remove($"o{i}");
        }

        var matches = offers.Search(An.Demand("d").Saying("es", "Agua").InSectors("14030").Build(), 20);

        Assert.Equal(10, offers.Count);
        Assert.Equal(Enumerable.Range(2990, 10).Select(i => $"o{i}").Order(StringComparer.Ordinal), matches.Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_entry_is_never_its_own_match_and_top_limits_the_list()
    {
        for (var i = 0; i < 5; i++)
        {
            offers.AddOrUpdate(An.Offer($"o{i}").Saying("en", "Drinking water").InSectors("14030").Build());
        }

        var matches = offers.Search(An.Offer("o0").Saying("en", "Drinking water").InSectors("14030").Build(), 3);

        Assert.Equal(3, matches.Count);
        Assert.DoesNotContain(matches, m => m.Id == "o0");
    }

    [Fact]
    public void Searches_in_parallel_give_the_same_answers_as_one_by_one()
    {
        offers.AddOrUpdate(An.Offer("water").Saying("en", "Drinking water").InSectors("14030").Build());
        offers.AddOrUpdate(An.Offer("teachers").Saying("en", "Teacher workshops").InSectors("11220").Build());
        var demands = Enumerable.Range(0, 200)
            .Select(i => An.Demand($"d{i}").Saying("es", i % 2 == 0 ? "Agua potable" : "Formación de docentes").Build())
            .Select(engine.Profile)
            .ToList();

        var sequential = demands.Select(d => offers.Search(d, 1)[0].Id).ToList();
        var parallel = demands.AsParallel().AsOrdered().Select(d => offers.Search(d, 1)[0].Id).ToList();

        Assert.Equal(sequential, parallel);
        Assert.Equal(100, sequential.Count(id => id == "water"));
    }

    public void Dispose() => offers.Dispose();
}
