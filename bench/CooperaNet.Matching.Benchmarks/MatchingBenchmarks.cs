using BenchmarkDotNet.Attributes;
using CooperaNet.Application.Matching;

namespace CooperaNet.Matching.Benchmarks;

/// <summary>One demand against 100,000 offers, and classifying one entry.</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private MatchingEngine engine = null!;
    private MatchIndex offers = null!;
    private List<MatchEntry> demands = null!;
    private List<EntryProfile> demandProfiles = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        engine = MatchingKnowledgeLoader.Engine;
        offers = engine.CreateIndex();
        foreach (var profile in SyntheticCatalog.Entries(engine.Knowledge, EntrySide.Offer, 100_000, seed: 1).AsParallel().Select(engine.Profile).ToList())
        {
            offers.AddOrUpdate(profile);
        }

        demands = SyntheticCatalog.Entries(engine.Knowledge, EntrySide.Demand, 1_000, seed: 2);
        demandProfiles = demands.Select(engine.Profile).ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => offers.Dispose();

    /// <summary>Top 10 among 100,000 offers for an analysed demand (as the background re-matching does).</summary>
    [Benchmark]
    public IReadOnlyList<Match> Top10Among100kOffers() => offers.Search(demandProfiles[next++ % demandProfiles.Count], 10);

    /// <summary>The same, analysing the demand's text first.</summary>
    [Benchmark]
    public IReadOnlyList<Match> AnalyseAndTop10Among100kOffers() => offers.Search(demands[next++ % demands.Count], 10);

    /// <summary>Classifying one entry's title and description.</summary>
    [Benchmark]
    public Classification.Classification ClassifyOneEntry()
    {
        var demand = demands[next++ % demands.Count];
        return engine.Classifier.Classify(demand.Title, demand.Description, demand.Language, 3);
    }
}
