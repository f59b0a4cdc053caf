using System.Diagnostics;
using BenchmarkDotNet.Running;
using CooperaNet.Application.Matching;
using CooperaNet.Matching;
using CooperaNet.Matching.Benchmarks;

// `crossing [N]`: the full crossing of N demands with N offers (20,000 by default), timed on all cores.
// Anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args.Length > 0 && args[0] == "crossing")
{
    var size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
    var total = Stopwatch.StartNew();
    var engine = MatchingKnowledgeLoader.Engine;
    var offerEntries = SyntheticCatalog.Entries(engine.Knowledge, EntrySide.Offer, size, seed: 1);
    var demandEntries = SyntheticCatalog.Entries(engine.Knowledge, EntrySide.Demand, size, seed: 2);
    var setup = total.Elapsed;

    var clock = Stopwatch.StartNew();
    using var index = engine.CreateIndex();
    foreach (var profile in offerEntries.AsParallel().AsOrdered().Select(engine.Profile))
    {
        index.AddOrUpdate(profile);
    }

    var indexed = clock.Elapsed;
    var results = demandEntries.AsParallel().AsOrdered().Select(d => index.Search(engine.Profile(d), 10)).ToList();
    var crossing = clock.Elapsed;
    var process = Process.GetCurrentProcess();
    Console.WriteLine($"{size:N0} demands x {size:N0} offers on {Environment.ProcessorCount} cores: " +
        $"knowledge and synthetic data {setup.TotalSeconds:F2} s; offers analysed and indexed {indexed.TotalSeconds:F2} s; " +
        $"crossing done {crossing.TotalSeconds:F2} s (analysis of demands included); " +
        $"{results.Sum(r => r.Count):N0} matches; peak working set {process.PeakWorkingSet64 / (1024 * 1024):N0} MB.");
    return 0;
}

// `experts [N]`: N synthetic experts (10,000 by default) indexed as the app does, then 1,000 demands
// ranked one after the other on one thread: the time to index and the median and 95th percentile of a ranking.
if (args.Length > 0 && args[0] == "experts")
{
    var size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    var engine = MatchingKnowledgeLoader.Engine;
    var experts = SyntheticRoster.Experts(engine.Knowledge, size, seed: 3).ToList();
    var demands = SyntheticCatalog.Entries(engine.Knowledge, EntrySide.Demand, 1_000, seed: 2);
    var clock = Stopwatch.StartNew();
    using var index = new CooperaNet.Application.Experts.ExpertIndex();
    foreach (var expert in experts)
    {
        index.Apply(expert);
    }

    var indexed = clock.Elapsed;
    foreach (var demand in demands.Take(100))
    {
        index.Rank(demand, 10);
    }

    var times = new List<double>(demands.Count);
    foreach (var demand in demands)
    {
        var start = Stopwatch.GetTimestamp();
        index.Rank(demand, 10);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{size:N0} experts indexed in {indexed.TotalSeconds:F2} s; top 10 for {demands.Count:N0} demands, one at a time: " +
        $"median {times[times.Count / 2]:F2} ms, 95th percentile {times[(int)(times.Count * 0.95)]:F2} ms, max {times[^1]:F2} ms.");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
return 0;
