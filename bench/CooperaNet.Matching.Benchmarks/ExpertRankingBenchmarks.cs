using BenchmarkDotNet.Attributes;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Matching;
using CooperaNet.Domain.Experts;

namespace CooperaNet.Matching.Benchmarks;

/// <summary>Ranking the roster for one demand: 10,000 synthetic experts in the <see cref="ExpertIndex"/> the app keeps.</summary>
[MemoryDiagnoser]
public class ExpertRankingBenchmarks : IDisposable
{
    private const int Experts = 10_000;

    private ExpertIndex index = null!;
    private List<MatchEntry> demands = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var engine = MatchingKnowledgeLoader.Engine;
        index = new ExpertIndex();
        foreach (var expert in SyntheticRoster.Experts(engine.Knowledge, Experts, seed: 3))
        {
            index.Apply(expert);
        }

        demands = SyntheticCatalog.Entries(engine.Knowledge, EntrySide.Demand, 1_000, seed: 2);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        index.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Top 10 of 10,000 experts for a demand, analysing the demand's text first, with reasons (what <see cref="ExpertRanking"/> does after its database reads).</summary>
    [Benchmark]
    public IReadOnlyList<Match> Top10Among10kExperts() => index.Rank(demands[next++ % demands.Count], 10);

    /// <summary>The same, top 50 (the most the ranking returns).</summary>
    [Benchmark]
    public IReadOnlyList<Match> Top50Among10kExperts() => index.Rank(demands[next++ % demands.Count], ExpertRanking.MaxTop);
}

/// <summary>
/// Synthetic experts of the roster: the texts of <see cref="SyntheticCatalog"/>'s offers as summaries
/// and positions, one or two declared sectors, two to three languages.
/// </summary>
internal static class SyntheticRoster
{
    private static readonly LanguageLevel[] Levels = [LanguageLevel.Native, LanguageLevel.Advanced, LanguageLevel.Intermediate];

    public static IEnumerable<ExpertProfile> Experts(Knowledge.MatchingKnowledge knowledge, int count, int seed)
    {
        var random = new Random(seed);
        var sectors = knowledge.Sectors.Where(s => !s.IsWithdrawn).Select(s => s.Code).ToList();
        var at = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        foreach (var text in SyntheticCatalog.Entries(knowledge, EntrySide.Offer, count, seed))
        {
            var id = Guid.CreateVersion7(at);
            var expert = new ExpertProfile
            {
                Id = id,
                FullName = text.Id,
                Nationality = text.Countries[0],
                CurrentPosition = text.Title,
                Summary = text.Description,
                YearsOfExperience = random.Next(3, 35),
                Availability = random.NextDouble() < 0.7 ? Availability.Available : Availability.Partly,
                Sectors = [.. text.Sectors.Append(sectors[random.Next(sectors.Count)]).Distinct().Take(2).Select(c => new ExpertSector { ExpertId = id, SectorCode = c })],
                Sdgs = [.. text.Sdgs.Select(c => new ExpertSdg { ExpertId = id, Code = c })],
                Languages = [.. new[] { text.Language, "es", "en", "pt", "fr" }.Distinct().Take(random.Next(2, 4))
                    .Select((l, i) => new ExpertLanguage { ExpertId = id, Language = l, Level = Levels[Math.Min(i, Levels.Length - 1)] })],
            };
            expert.JoinRoster(at);
            yield return expert;
        }
    }
}
