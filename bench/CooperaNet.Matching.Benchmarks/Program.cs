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

BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
return 0;
