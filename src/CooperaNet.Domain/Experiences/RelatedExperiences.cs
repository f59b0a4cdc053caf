namespace CooperaNet.Domain.Experiences;

/// <summary>What an offer, a demand, an initiative or an experience is about: its DAC sectors and SDGs.</summary>
/// <param name="Sectors">5-digit DAC codes.</param>
/// <param name="Sdgs">SDG goals ("6") or targets ("6.1").</param>
/// <param name="InitiativeId">The initiative it is, or came from.</param>
public sealed record Subject(IReadOnlyCollection<string> Sectors, IReadOnlyCollection<string> Sdgs, Guid? InitiativeId = null);

/// <summary>A published experience that may be related to a subject.</summary>
public sealed record RelatedCandidate(Guid Id, Subject Subject, DateTimeOffset PublishedAt);

/// <summary>A candidate with its score.</summary>
public sealed record RelatedMatch(Guid Id, int Score, DateTimeOffset PublishedAt);

/// <summary>
/// Ranks published experiences for an offer, a demand or an initiative. The rule: an experience scores
/// <see cref="SameInitiative"/> when it came from the subject's initiative, plus <see cref="PerSector"/>
/// for each DAC sector both have, plus <see cref="PerCategory"/> for each 3-digit sector category both
/// have (so 11220 and 11230 meet through 112), plus <see cref="PerGoal"/> for each SDG goal both have
/// (targets count by their goal). Experiences scoring nothing are left out; equal scores go to the
/// most recently published, then to the smaller id, so the order is stable.
/// </summary>
public static class RelatedExperiences
{
    public const int SameInitiative = 10;
    public const int PerSector = 3;
    public const int PerCategory = 1;
    public const int PerGoal = 2;

    public static int Score(Subject subject, Subject candidate)
    {
        var score = subject.InitiativeId is { } initiative && candidate.InitiativeId == initiative ? SameInitiative : 0;
        score += PerSector * Shared(subject.Sectors, candidate.Sectors);
        score += PerCategory * Shared(Categories(subject.Sectors), Categories(candidate.Sectors));
        score += PerGoal * Shared(Goals(subject.Sdgs), Goals(candidate.Sdgs));
        return score;
    }

    public static IReadOnlyList<RelatedMatch> Rank(Subject subject, IEnumerable<RelatedCandidate> candidates, int take, Guid? except = null) =>
        candidates
            .Where(c => c.Id != except)
            .Select(c => new RelatedMatch(c.Id, Score(subject, c.Subject), c.PublishedAt))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score)
            .ThenByDescending(m => m.PublishedAt)
            .ThenBy(m => m.Id)
            .Take(take)
            .ToList();

    /// <summary>The 3-digit categories of some DAC codes.</summary>
    public static IEnumerable<string> Categories(IEnumerable<string> sectors) =>
        sectors.Where(s => s.Length >= 3).Select(s => s[..3]);

    /// <summary>The goals of some SDG codes: "6.1" and "6" are both goal 6.</summary>
    public static IEnumerable<string> Goals(IEnumerable<string> sdgs) =>
        sdgs.Select(s => s.Split('.')[0]);

    private static int Shared(IEnumerable<string> a, IEnumerable<string> b) =>
        a.ToHashSet(StringComparer.Ordinal).Intersect(b, StringComparer.Ordinal).Count();
}
